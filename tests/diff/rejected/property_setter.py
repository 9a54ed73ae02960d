# Property setters are not compiled yet: refused at the setter.
class Box:
    def __init__(self) -> None:
        self._w = 0

    @property
    def width(self) -> int:
        return self._w

    @width.setter
    def width(self, value: int) -> None:
        self._w = value


b = Box()
b.width = 3
print(b.width)
