# Pins invalid-assignment: reported at the assigned value. A local's type is
# fixed by its first assignment.


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y


count: int = "three"  # error: [invalid-assignment]


def total(values: list[int]) -> int:
    result = 0
    for v in values:
        result += v
    result = "done"  # error: [invalid-assignment]
    return 0


p = Point(1, 2)
p.x = "left"  # error: [invalid-assignment]
