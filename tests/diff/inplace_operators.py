# In-place operators change a mutable container itself (CPython's __imul__,
# __ior__, __isub__, __iand__, __ixor__), so every other reference sees the
# change; immutable values rebind. Set iteration order is CPython's too.


def lists() -> None:
    a = [1, 2]
    b = a
    a *= 3
    print(a, b, a is b)
    a *= 1
    print(b)
    a *= 0
    print(a, b)
    c = [[0], [1, 2]]
    d = c
    c *= 2
    c[0].append(5)
    print(c, d)
    e = [7]
    f = e
    e *= -2
    print(e, f)
    rows = [[1], [2]]
    rows[1] *= 2
    print(rows)
    t: tuple[int, ...] = (1, 2)
    u = t
    t *= 2
    print(t, u)
    s = "ab"
    s2 = s
    s *= 2
    print(s, s2)


def sets() -> None:
    s = {1, 2, 3, 40, 17}
    t = s
    s |= {5, 6, 1000}
    print(sorted(s), sorted(t), s is t)
    s -= {2, 5}
    print(t)
    s &= {1, 3, 6, 1000, 99}
    print(t)
    s ^= {1, 8, 9}
    print(t)
    for x in t:
        print(x, end=" ")
    print()
    w = {4, 5}
    w -= w
    print(w)
    z = {4, 5}
    z ^= z
    print(z)
    y = {4, 5}
    y &= y
    print(y)
    big = set(range(100))
    alias = big
    big &= set(range(50, 150))
    big |= {-1, -2}
    big -= set(range(60, 140))
    print(len(alias), sorted(alias)[:5])


def dicts() -> None:
    d = {"a": 1}
    e = d
    d |= {"b": 2, "a": 3}
    print(d, e, d is e)
    n = 5
    m = n
    n |= 2
    n &= 6
    n ^= 1
    n -= 1
    n *= 3
    print(n, m)


class Holder:
    def __init__(self) -> None:
        self.items: list[int] = [1]
        self.seen: set[int] = {1}


lists()
sets()
dicts()
h = Holder()
keep = h.items
h.items *= 3
h.seen |= {2}
print(keep, h.seen)
