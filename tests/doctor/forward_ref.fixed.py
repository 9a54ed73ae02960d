from typing import Callable
# Parameters whose inferred type is a class defined later get quoted
# annotations; callables get `from typing import Callable`.
def describe(shape: "Square") -> str:
    return f"{shape.name} with area {shape.area():.2f}"


def apply_twice(f: Callable[[int], int], x: int) -> int:
    return f(f(x))


def double(x: int) -> int:
    return x * 2


class Square:
    name: str
    side: float

    def __init__(self, name: str, side: float) -> None:
        self.name = name
        self.side = side

    def area(self) -> float:
        return self.side * self.side


def main() -> None:
    print(describe(Square("sq", 3.0)))
    print(apply_twice(double, 5))


main()
