# A class constant redefined in a subclass, read through an instance of the
# base type, would need dispatch on the receiver: refused (fail closed).
class Base:
    SIDES = 0

    def sides(self) -> int:
        return self.SIDES


class Square(Base):
    SIDES = 4


print(Square().sides())
