# @classmethod called through its own class (and through `cls` inside its
# class methods): `cls(...)` constructs, `cls.X` reads class attributes,
# `cls.m()` calls static and class methods.
class Vec:
    DIM = 2

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    @classmethod
    def zero(cls) -> "Vec":
        return cls(0.0, 0.0)

    @classmethod
    def unit(cls, axis: int) -> "Vec":
        v = cls.zero()
        if axis == 0:
            v.x = 1.0
        else:
            v.y = 1.0
        return v

    @classmethod
    def dims(cls) -> int:
        return cls.DIM * cls.twice(1)

    @staticmethod
    def twice(n: int) -> int:
        return 2 * n

    def show(self) -> str:
        return f"({self.x}, {self.y})"


print(Vec.zero().show(), Vec.unit(0).show(), Vec.unit(1).show(), Vec.dims())


# Through an instance or `self` when the class has no subclasses: `cls` is
# that class.
class Leaf:
    label: str = "leaf"

    @classmethod
    def describe(cls) -> str:
        return "a " + cls.label

    def show(self) -> str:
        return self.describe() + "!"


lf = Leaf()
print(lf.describe(), lf.show())
