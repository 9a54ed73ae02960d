class Point:
    def __init__(self, x: float) -> None:
        self.x = x


p = Point(1.0)
print(p.x)
