# Pins monkeypatch: assigning an attribute of a class, module or function from
# outside its definition is reported at the assignment. Instance fields are fine.

import math


class Point:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def norm(self) -> float:
        return math.sqrt(self.x * self.x + self.y * self.y)


def manhattan(p: Point) -> float:
    return abs(p.x) + abs(p.y)


Point.norm = manhattan  # error: [monkeypatch]
math.pi = 3.0  # error: [monkeypatch]
manhattan.calls = 1  # error: [monkeypatch]

p = Point(3.0, 4.0)
p.x = 1.0
