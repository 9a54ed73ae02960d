from typing import Callable


def maker(k: int) -> Callable[[int, int], int]:
    def add(x: int, y: int = 1) -> int:
        return x + y + k

    return add


print(maker(1)(2, 3))
