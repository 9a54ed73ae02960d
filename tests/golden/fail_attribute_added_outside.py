# Pins attribute-added-outside: assigning an attribute that the class does not
# declare, from outside the class, is reported at the assignment target.
# Fields declared in the class body or set in its methods are fine.


class Point:
    label: str

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y


def tag(p: Point) -> None:
    p.visited = True  # warning: [attribute-added-outside]


origin = Point(0.0, 0.0)
origin.name = "origin"  # warning: [attribute-added-outside]
origin.label = "O"
origin.x = 1.0
