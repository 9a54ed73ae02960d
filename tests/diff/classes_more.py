class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        return 0.0

    def describe(self) -> str:
        return f"{self.name} with area {self.area():.2f}"


class Rect(Shape):
    def __init__(self, w: float, h: float) -> None:
        self.name = "rect"
        self.w = w
        self.h = h

    def area(self) -> float:
        return self.w * self.h


class Square(Rect):
    def __init__(self, s: float) -> None:
        self.w = s
        self.h = s
        self.name = "square"


class Circle(Shape):
    def __init__(self, r: float) -> None:
        self.name = "circle"
        self.r = r

    def area(self) -> float:
        return 3.14159 * self.r * self.r


shapes: list[Shape] = [Rect(2.0, 3.0), Square(1.5), Circle(1.0), Shape("blob")]
for sh in shapes:
    print(sh.describe(), isinstance(sh, Rect), isinstance(sh, Square), isinstance(sh, (Circle, Square)))
print(sorted([s.area() for s in shapes]))
big = max(shapes, key=lambda s: s.area())
print(big.name)
