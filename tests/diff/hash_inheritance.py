# A subclass that overrides __eq__ without __hash__ is unhashable, even
# though its base defines __hash__ (CPython sets __hash__ to None).
class Base:
    def __init__(self, v: int) -> None:
        self.v = v

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Base) and self.v == other.v

    def __hash__(self) -> int:
        return self.v


class Sub(Base):
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sub) and self.v == other.v


def main() -> None:
    s: set[Base] = set()
    try:
        s.add(Sub(1))
        print("added", len(s))
    except TypeError as e:
        print("TypeError", e)


main()
