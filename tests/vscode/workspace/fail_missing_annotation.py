class Point:
    x: int
    y: int

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y


def scale(p, k: int) -> Point:
    return Point(p.x * k, p.y * k)


def main() -> None:
    q = scale(Point(1, 2), 3)
    print(q.x + q.y)


main()
