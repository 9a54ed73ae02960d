# Pins unknown-attribute: reported at the `obj.attr` expression.


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.z)  # error: [unknown-attribute]
"a".no_such_method()  # error: [unknown-attribute]
[1, 2].push(3)  # error: [unknown-attribute]
print(p.x + p.y)
