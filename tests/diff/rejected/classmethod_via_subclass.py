# A class method called through a subclass: CPython's `cls` is the subclass,
# which the statically compiled class method cannot follow yet. Refused.
class Base:
    def __init__(self) -> None:
        self.tag = "base"

    @classmethod
    def make(cls) -> "Base":
        return cls()


class Child(Base):
    pass


print(isinstance(Child.make(), Child))
