# Pins a clean check for classes: fields set in `__init__` and declared at
# class level, class constants, `class C(object):`, single inheritance with
# both `super().__init__(...)` and `Base.__init__(self, ...)`, a base method
# that raises `NotImplementedError`, `Final` constants, string and
# `__future__` forward references, and the three supported decorators.

from __future__ import annotations

import math
from typing import Final

UNIT: Final = "cm"
MAX_SHAPES: Final[int] = 100


class Vector(object):
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def plus(self, other: Vector) -> Vector:
        return Vector(self.x + other.x, self.y + other.y)

    def scaled(self, factor: float) -> "Vector":
        return Vector(self.x * factor, self.y * factor)

    @property
    def length(self) -> float:
        return math.sqrt(self.x * self.x + self.y * self.y)

    @classmethod
    def origin(cls) -> Vector:
        return cls(0.0, 0.0)

    @staticmethod
    def dot(a: Vector, b: Vector) -> float:
        return a.x * b.x + a.y * b.y


class Shape:
    kind: str = "shape"
    sides: int = 0
    name: str

    def __init__(self, name: str, center: Vector) -> None:
        self.name = name
        self.center = center

    def area(self) -> float:
        raise NotImplementedError

    def perimeter(self) -> float:
        raise NotImplementedError(f"{self.kind} has no perimeter")

    def describe(self) -> str:
        return f"{self.name}: {self.kind} with area {self.area():.2f} {UNIT}^2"

    def moved(self, offset: Vector) -> Shape:
        self.center = self.center.plus(offset)
        return self


class Circle(Shape):
    kind = "circle"

    def __init__(self, name: str, center: Vector, radius: float) -> None:
        super().__init__(name, center)
        self.radius = radius

    def area(self) -> float:
        return math.pi * self.radius ** 2

    def perimeter(self) -> float:
        return 2 * math.pi * self.radius


class Rectangle(Shape):
    kind = "rectangle"
    sides = 4

    def __init__(self, name: str, center: Vector, width: float, height: float) -> None:
        Shape.__init__(self, name, center)
        self.width = width
        self.height = height

    def area(self) -> float:
        return self.width * self.height

    def perimeter(self) -> float:
        return 2 * (self.width + self.height)


class Square(Rectangle):
    kind = "square"

    def __init__(self, name: str, center: Vector, side: float) -> None:
        super().__init__(name, center, side, side)


def widest(shapes: list[Shape]) -> float:
    best = 0.0
    for shape in shapes:
        if isinstance(shape, Circle):
            best = max(best, 2 * shape.radius)
        elif isinstance(shape, Rectangle):
            best = max(best, shape.width)
    return best


def total_area(shapes: list[Shape]) -> float:
    total = 0.0
    for shape in shapes:
        total += shape.area()
    return total


def main() -> None:
    shapes: list[Shape] = [
        Circle("c1", Vector.origin(), 1.5),
        Rectangle("r1", Vector(1.0, 2.0), 3.0, 4.0),
        Square("s1", Vector(-1.0, 0.5), 2.0),
    ]
    if len(shapes) > MAX_SHAPES:
        raise ValueError(f"at most {MAX_SHAPES} shapes")
    for shape in shapes:
        print(shape.describe())
        print(f"  perimeter {shape.perimeter():.2f} {UNIT}, sides {shape.sides}")
    moved = shapes[0].moved(Vector(1.0, 1.0).scaled(2.0))
    print(f"{moved.name} now at ({moved.center.x}, {moved.center.y})")
    print(f"widest {widest(shapes):.1f}, total area {total_area(shapes):.2f}")
    print(f"dot {Vector.dot(Vector(1.0, 0.0), Vector(0.5, 2.0))}, length {Vector(3.0, 4.0).length}")
    print(Rectangle.sides, Shape.kind, Square("s2", Vector.origin(), 1.0).kind)


if __name__ == "__main__":
    main()
