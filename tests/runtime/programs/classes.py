# classes.py - reference for classes.c: a struct class with __repr__/__eq__/
# __hash__/__lt__, closures, a user exception class, file I/O and sets.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)


class BadInput(ValueError):
    pass


def make_scaler(k):
    def scale(p):
        return Point(p.x * k, p.y * k)
    return scale


pts = [Point(3, 1), Point(1, 2), Point(3, 1), Point(-2, 5)]
print(pts)
print(sorted(pts), len(set(pts)), pts[0] == pts[2], Point(1, 2) in pts)
double = make_scaler(2)
print(list(map(double, pts[:2])))
index = {p: i for i, p in enumerate(pts)}
print(index)
with open("molt_classes_out.txt", "w") as f:
    for p in sorted(set(pts)):
        f.write(f"{p.x},{p.y}\n")
with open("molt_classes_out.txt") as f:
    rows = [line.strip().split(",") for line in f]
print(rows, sum(int(a) * int(b) for a, b in rows))
squares = {n * n % 7 for n in range(20)}
print(squares, sorted(squares, reverse=True))
try:
    raise BadInput("negative radius: -1")
except ValueError as e:
    print("caught", repr(e), isinstance(e, BadInput))
raise BadInput("final")
