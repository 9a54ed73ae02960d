class Point:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def move(self, dx: float, dy: float) -> None:
        self.x += dx
        self.y += dy


def main() -> None:
    total = 0.0
    for i in range(1000000):
        p = Point(float(i), 2.0)
        p.move(0.5, -1.0)
        total += p.x + p.y
    print(total)


main()
