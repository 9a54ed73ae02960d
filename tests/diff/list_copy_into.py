# `x = y.copy()` may copy into x's old list when nothing else holds it and
# it holds no objects (no allocation); every other case is an ordinary copy.
# Aliases, self-copies, growth, shrinking and object items must all behave
# as in CPython.
def perms(n: int) -> int:
    base = list(range(n))
    cur: list[int] = []
    total = 0
    for r in range(200):
        cur = base.copy()
        cur[r % n] = -r
        total += sum(cur)
        base[(r * 7) % n], base[(r * 3) % n] = base[(r * 3) % n], base[(r * 7) % n]
    return total


def aliases() -> None:
    a = [1, 2, 3]
    b = [4, 5]
    keep = a
    a = b.copy()
    a.append(6)
    print(keep, a, b)
    a = a.copy()
    print(a)
    c = [0] * 3
    c = [9, 8, 7, 6, 5, 4, 3, 2, 1].copy()
    print(c, len(c))
    c = [1].copy()
    print(c)
    c = [].copy()
    print(c)


def objects() -> None:
    words = "a bb ccc dddd".split()
    w: list[str] = ["x", "y"]
    for i in range(5):
        w = words.copy()
        w.append(str(i))
    print(w, words)
    f = [0.5, 1.5]
    for i in range(3):
        f = [float(i), 2.0 * i].copy()
    print(f)
    nested = [[1], [2]]
    n2: list[list[int]] = []
    for i in range(3):
        n2 = nested.copy()
    n2[0].append(7)
    print(nested, n2, n2 is nested)


def param(xs: list[int]) -> list[int]:
    xs = xs.copy()
    xs.append(99)
    return xs


print(perms(7), perms(1))
aliases()
objects()
orig = [1, 2]
print(param(orig), orig)
