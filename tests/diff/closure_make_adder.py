from typing import Callable


def make_adder(k: int) -> Callable[[int], int]:
    def add(x: int) -> int:
        return x + k

    return add


print(make_adder(2)(3))
