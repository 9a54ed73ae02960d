# A function with a float parameter used as a value: called through a
# Callable[[int], str] it would receive 3 and show 3.0. Refused.
from typing import Callable


def show(x: float) -> str:
    return str(x)


def apply(g: Callable[[int], str], v: int) -> str:
    return g(v)


print(apply(show, 3))
