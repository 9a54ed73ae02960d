# overridden methods dispatch on the receiver's runtime class
class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        return 0.0

    def describe(self) -> str:
        return f"{self.name} with area {self.area():.2f}"


class Square(Shape):
    def __init__(self, side: float) -> None:
        self.name = "square"
        self.side = side

    def area(self) -> float:
        return self.side * self.side


class Circle(Shape):
    def __init__(self, r: float) -> None:
        self.name = "circle"
        self.r = r

    def area(self) -> float:
        return 3.14159 * self.r * self.r


class BigSquare(Square):
    pass


def total(shapes: list[Shape]) -> float:
    t = 0.0
    for s in shapes:
        t += s.area()
    return t


shapes: list[Shape] = [Square(2.0), Circle(1.0), Shape("blob"), BigSquare(3.0)]
for s in shapes:
    print(s.describe())
print(f"{total(shapes):.4f}")
