from typing import Callable


def scale_by(f: float) -> Callable[[float], float]:
    return lambda x: x * f


print(scale_by(1.5)(2.0))
