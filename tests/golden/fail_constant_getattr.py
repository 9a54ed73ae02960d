# molt-test: suggestions
# Pins constant-getattr: getattr with a constant name is attribute access.


class Point:
    x: float
    y: float

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y


p = Point(1.0, 2.0)
print(getattr(p, "x"))  # note: [constant-getattr]
print(getattr(Point(3.0, 4.0), "y") + 1.0)  # note: [constant-getattr]
