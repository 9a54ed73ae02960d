# Special methods the runtime calls itself: print/str/repr (also inside
# containers and f-strings), ==/in/index/count/remove, dict and set keys
# (__hash__ with __eq__), sorting and min/max (__lt__), len(), truth tests;
# inherited by subclasses.
class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __str__(self) -> str:
        return f"${self.cents // 100}.{self.cents % 100:02d}"

    def __repr__(self) -> str:
        return f"Money({self.cents})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Money) and self.cents == other.cents

    def __hash__(self) -> int:
        return hash(self.cents)

    def __lt__(self, other: "Money") -> bool:
        return self.cents < other.cents


class Tip(Money):
    pass


class Only:
    def __init__(self, tag: str) -> None:
        self.tag = tag

    def __repr__(self) -> str:
        return "Only(" + self.tag + ")"


class Bag:
    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n

    def __bool__(self) -> bool:
        return self.n > 1


class Never:
    def __eq__(self, other: object) -> bool:
        return False


def main() -> None:
    n = Never()
    # `==` asks __eq__ even for the same object; containers check identity first
    print(n == n, n != n, n in [n], [n].count(n), [n] == [n])
    a = Money(1050)
    b = Money(99)
    print(a, b, str(a), repr(b), [a, b], (a,), {"k": b}, f"{a} and {b!r}", "%s" % a)
    print(a == Money(1050), a != b, Money(99) in [a, b], [a, b, Money(99)].count(b), [a, b].index(Money(99)))
    items = [a, b, Money(5)]
    items.remove(Money(99))
    print(items)
    s = {Money(1), Money(1), Money(2)}
    print(len(s), Money(2) in s, sorted(s))
    d: dict[Money, str] = {Money(7): "seven"}
    d[Money(7)] = "SEVEN"
    print(d[Money(7)], len(d), Money(8) in d)
    print(sorted([a, b, Money(500)]), min([a, b]), max([a, b]), sorted([a, b], reverse=True))
    xs = [Money(3), Money(1), Money(2)]
    xs.sort()
    print(xs)
    # `<` calls __lt__, `>` falls back to the other operand's __lt__, also chained
    print(a < b, a > b, b < a < Money(2000), Tip(1) < a, a > Tip(1))
    t = Tip(250)
    print(t, [t], t == Money(250), sorted([t, Tip(1)]))
    print(Only("x"), [Only("y")], str(Only("z")))
    bags = [Bag(0), Bag(1), Bag(3)]
    print([bool(x) for x in bags], [len(x) for x in bags])
    for x in bags:
        if x:
            print("truthy", x.n)


main()
