# Two exports whose names map to the same WIT name (`get-x`) cannot form a
# valid WIT world: refused.
import molt


@molt.export
def get_x(n: int) -> int:
    return n


@molt.export
def getX(n: int) -> int:
    return n + 1


print(get_x(1), getX(1))
