"""Geometry with an abstract base class and overriding subclasses.

`Shape.area` and `Shape.perimeter` raise `NotImplementedError`; each subclass
overrides them. The program sorts shapes by area, uses `isinstance` to reach
subclass-only fields, a `@property`, a `@staticmethod` and a `@classmethod`,
and passes functions around as `Callable[[Shape], float]` values.
"""

from __future__ import annotations

import math
from typing import Callable


class Shape(object):
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        raise NotImplementedError("area")

    def perimeter(self) -> float:
        raise NotImplementedError("perimeter")

    def describe(self) -> str:
        return f"{self.name:<10} area={self.area():8.3f} perimeter={self.perimeter():8.3f}"


class Circle(Shape):
    def __init__(self, radius: float) -> None:
        super().__init__("circle")
        self.radius = radius

    def area(self) -> float:
        return math.pi * self.radius**2

    def perimeter(self) -> float:
        return 2 * math.pi * self.radius


class Rectangle(Shape):
    def __init__(self, width: float, height: float, name: str = "rectangle") -> None:
        super().__init__(name)
        self.width = width
        self.height = height

    def area(self) -> float:
        return self.width * self.height

    def perimeter(self) -> float:
        return 2 * (self.width + self.height)

    @property
    def is_square(self) -> bool:
        return self.width == self.height


class Square(Rectangle):
    def __init__(self, side: float) -> None:
        super().__init__(side, side, "square")

    @classmethod
    def unit(cls) -> Square:
        return cls(1)


class Triangle(Shape):
    def __init__(self, a: float, b: float, c: float) -> None:
        super().__init__("triangle")
        if not Triangle.valid(a, b, c):
            raise ValueError(f"sides {a}, {b}, {c} do not form a triangle")
        self.a = a
        self.b = b
        self.c = c

    @staticmethod
    def valid(a: float, b: float, c: float) -> bool:
        x, y, z = sorted([a, b, c])
        return x > 0 and x + y > z

    def perimeter(self) -> float:
        return self.a + self.b + self.c

    def area(self) -> float:
        s = self.perimeter() / 2
        return math.sqrt(s * (s - self.a) * (s - self.b) * (s - self.c))


class Blob(Shape):
    """A shape that forgot to implement `perimeter`."""

    def __init__(self) -> None:
        super().__init__("blob")

    def area(self) -> float:
        return 1.5


def perimeter_of(shape: Shape) -> float:
    return shape.perimeter()


def total(shapes: list[Shape], measure: Callable[[Shape], float]) -> float:
    return sum([measure(s) for s in shapes], 0.0)


def largest(shapes: list[Shape], measure: Callable[[Shape], float]) -> Shape | None:
    best: Shape | None = None
    for shape in shapes:
        if best is None or measure(shape) > measure(best):
            best = shape
    return best


def scale(shape: Shape, factor: float) -> Shape:
    if isinstance(shape, Circle):
        return Circle(shape.radius * factor)
    if isinstance(shape, Square):
        return Square(shape.width * factor)
    if isinstance(shape, Rectangle):
        return Rectangle(shape.width * factor, shape.height * factor)
    if isinstance(shape, Triangle):
        return Triangle(shape.a * factor, shape.b * factor, shape.c * factor)
    raise TypeError(f"cannot scale a {shape.name}")


def main() -> None:
    shapes: list[Shape] = [Circle(1.5), Rectangle(3, 4.5), Square(2), Triangle(3, 4, 5), Square.unit()]
    for shape in sorted(shapes, key=lambda s: s.area()):
        print(shape.describe())

    print(f"total area      {total(shapes, lambda s: s.area()):.3f}")
    print(f"total perimeter {total(shapes, perimeter_of):.3f}")
    big = largest(shapes, lambda s: s.perimeter())
    if big is not None:
        print(f"longest outline: {big.name}")

    squares = [s for s in shapes if isinstance(s, Rectangle) and s.is_square]
    print(f"{len(squares)} of {len(shapes)} shapes are squares")

    doubled = [scale(s, 2) for s in shapes]
    ratios = [round(d.area() / s.area(), 6) for s, d in zip(shapes, doubled)]
    print(f"area ratios after doubling: {ratios}")

    try:
        Triangle(1, 2, 10)
    except ValueError as err:
        print(f"error: {err}")
    blob = Blob()
    try:
        print(blob.describe())
    except NotImplementedError as err:
        print(f"error: {blob.name} does not implement {err}")
    try:
        scale(blob, 2.0)
    except TypeError as err:
        print(f"error: {err}")


if __name__ == "__main__":
    main()
