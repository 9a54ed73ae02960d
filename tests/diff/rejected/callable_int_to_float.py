# An int passed to a callable value whose parameter is float: the callee
# would unbox it as a float, CPython keeps the int. Refused.
from typing import Callable


def half(x: float) -> float:
    return x / 2


f: Callable[[float], float] = half
print(f(3))
