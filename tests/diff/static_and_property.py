# @staticmethod (called through the class and through an instance) and
# read-only @property getters, including inherited ones.
import math


class Vec:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    @staticmethod
    def origin_distance(x: float, y: float) -> float:
        return math.sqrt(x * x + y * y)

    @staticmethod
    def describe(label: str, n: int = 2) -> str:
        return f"{label}:{n}"

    @property
    def length(self) -> float:
        return Vec.origin_distance(self.x, self.y)

    @property
    def is_unit(self) -> bool:
        return abs(self.length - 1.0) < 1e-12

    def scaled(self, k: float) -> "Vec":
        return Vec(self.x * k, self.y * k)


class Named(Vec):
    def __init__(self, name: str, x: float, y: float) -> None:
        super().__init__(x, y)
        self.name = name

    @property
    def title(self) -> str:
        return self.name.upper() + " " + Vec.describe("len", round(self.length))


v = Vec(3.0, 4.0)
print(v.length, v.is_unit, Vec.origin_distance(1.0, 1.0), v.origin_distance(6.0, 8.0))
print(Vec.describe("a"), Vec.describe("b", n=5), v.describe("c", 7))
u = v.scaled(0.2)
print(u.length, u.is_unit)
n = Named("north", 0.0, 12.0)
print(n.title, n.length, n.is_unit)
total = 0.0
for i in range(1, 6):
    total += Vec(float(i), 0.0).length
print(total)
