# CPython's evaluation order where a call could observe it: the value of
# `x[i] = v` / `o.a = v` before the target's parts, keyword arguments in
# source order; plus runtime corner cases found by a differential hunt.
import sys

xs = [0, 0, 0]
i = 0
d: dict[str, int] = {}
k = "a"


class Box:
    def __init__(self) -> None:
        self.v = 0


cur = Box()
first = cur


def bump() -> int:
    global i, k
    i = 2
    k = "b"
    return 9


def swap() -> int:
    global cur
    cur = Box()
    return 5


def f(x: int) -> int:
    print("f", x)
    return x


def g(p: int, q: int, r: int = 0) -> int:
    return p * 100 + q * 10 + r


xs[i] = bump()
d[k] = bump()
cur.v = swap()
print(xs, d, first.v, cur.v)
print(g(q=f(1), p=f(2)), g(f(3), r=f(4), q=f(5)), g(p=f(6), q=f(7)))
print(0 / -(10**20), 0 / -7, -(10**20) / 10**21)
counts = {1: 1, 2: 2}
try:
    for key in counts:
        del counts[key]
        counts[key + 100] = 1
except RuntimeError as e:
    print("RuntimeError", e)
try:
    open(".")
except OSError as e:
    print("OSError", e)
sys.exit(True)
