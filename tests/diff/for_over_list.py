# A `for` over a value typed `list` walks the list by index with no iterator
# (codegen/lower_llvm.cpp forIter, IrStmt::list_iter): the length is read
# again on every step, so a list that grows, shrinks or is cleared in the
# body behaves as in CPython.


def total(xs: list[int]) -> int:
    t = 0
    for x in xs:
        t += x
        if x == 2:
            xs.append(10)
        if x == 3:
            xs.pop()
    for x in xs:
        xs.clear()
        t += x
    return t


def nested(rows: list[list[str]]) -> str:
    out = ""
    for row in rows:
        for cell in row:
            out += cell
        out += "|"
    return out


def with_else(xs: list[float]) -> str:
    for x in xs:
        if x < 0:
            break
    else:
        return "no negatives"
    return "negative"


class Bag:
    def __init__(self) -> None:
        self.items: list[int] = []

    def fill(self, n: int) -> None:
        for i in range(n):
            self.items.append(i * i)

    def sum(self) -> int:
        s = 0
        for v in self.items:
            s += v
        return s


print(total([1, 2, 3, 4]))
print(nested([["a", "b"], [], ["c"]]))
print(with_else([1.0, 2.5]), with_else([1.0, -2.5]))
b = Bag()
b.fill(10)
print(b.sum())
pairs: list[tuple[int, str]] = [(1, "one"), (2, "two")]
for n, name in pairs:
    print(n, name)
for ch in "héllo":
    print(ch, end=" ")
print()
