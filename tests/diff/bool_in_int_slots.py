# A bool stored, passed or returned where `int` is declared stays a bool
# (prints True), and arithmetic on it gives CPython's ints.
def flag(n: int) -> int:
    return n > 0


class P:
    def __init__(self) -> None:
        self.v: int = True


x: int = False
print(flag(3), P().v, x, [flag(1)], flag(3) + 1, True + True, sum([True, True, False]), [10, 20][True])
total = 0
for i in range(5):
    total += i > 2
print(total, x * 3, -True, abs(False), flag(0) == 0, hash(True) == hash(1))
