# Pins wrong-argument-count: reported at the call. A constructor call is
# checked against `__init__` without `self`.


def add(a: int, b: int) -> int:
    return a + b


class Box:
    def __init__(self, size: int) -> None:
        self.size = size


add(1)  # error: [wrong-argument-count]
add(1, 2, 3)  # error: [wrong-argument-count]
Box()  # error: [wrong-argument-count]
Box(3)
