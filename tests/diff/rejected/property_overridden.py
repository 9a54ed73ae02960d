# A property overridden in a subclass would need dispatch on the receiver:
# `molt build` refuses it (fail closed) instead of calling the base getter.
class Shape:
    @property
    def sides(self) -> int:
        return 0


class Square(Shape):
    @property
    def sides(self) -> int:
        return 4


def count(s: Shape) -> int:
    return s.sides


print(count(Square()))
