# Unpacking into subscripts, attributes and nested tuples: the right side is
# evaluated first, then targets are assigned left to right, each evaluating
# its own subexpressions at that moment (as CPython does).
class P:
    def __init__(self) -> None:
        self.x = 0
        self.y = 0.0


a = [10, 20, 30, 40]
a[0], a[3] = a[3], a[0]
print(a)
i = 1
i, a[i] = 2, 99
print(i, a)
a[i], i = 7, 0
print(i, a)
rows = [[1.0, 2.0], [3.0, 4.0]]
rows[0], rows[1] = rows[1], rows[0]
print(rows)
p = P()
p.x, p.y = 3, 2.5
print(p.x, p.y)
(q, r), s = (1, "two"), 3.0
print(q, r, s)
d: dict[str, int] = {}
d["a"], d["b"] = len(a), i
print(d)
grid = [[0, 0], [0, 0]]
grid[0][1], grid[1][0] = 5, 6
print(grid)
try:
    a[0], a[9] = 1, 2
except IndexError as e:
    print("IndexError", e, a)
