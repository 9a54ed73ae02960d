# `x in c` and `x not in c` evaluate x first, then c, as CPython does: seen
# through side effects and through which operand's exception wins.


def left(x: int) -> int:
    print("left", x)
    return x


def right(xs: list[int]) -> list[int]:
    print("right", len(xs))
    return xs


def key(k: str) -> str:
    print("key", k)
    return k


def table(d: dict[str, int]) -> dict[str, int]:
    print("table", len(d))
    return d


print(left(1) in right([1, 2]))
print(left(3) not in right([1, 2]))
print(key("a") in table({"a": 1}))
print(key("z") not in table({}))
print(key("b") in "abc")


def both_fail(n: int, xs: list[int]) -> bool:
    return (sum(xs) // n) in [x % n for x in xs]


try:
    print(both_fail(0, [1, 2]))
except ZeroDivisionError as e:
    print("caught:", e)
