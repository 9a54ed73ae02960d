# `x[i] = v` and `o.a = v` evaluate v before the target's subexpressions, so
# a v that raises (a division or modulo by zero, a negative shift) raises
# before the target's calls run, even though v runs no code of its own.


def ti(n: int, v: int) -> int:
    print("target part", n)
    return v


class Box:
    def __init__(self) -> None:
        self.v = 0.0


def boxed(n: int, b: Box) -> Box:
    print("target part", n)
    return b


def store(xs: list[int], k: int, f: float) -> None:
    b = Box()
    for case in range(4):
        try:
            if case == 0:
                xs[ti(1, 0)] = xs[0] % k
            elif case == 1:
                xs[min(ti(2, 1), 5)] = xs[1] // k
            elif case == 2:
                boxed(3, b).v = f / (f - f)
            else:
                xs[ti(4, 0)] = xs[0] << (k - 1)
        except ZeroDivisionError as e:
            print("case", case, "ZeroDivisionError:", e)
        except ValueError as e:
            print("case", case, "ValueError:", e)
    xs[ti(5, 0)] = xs[0] % 7  # a constant divisor cannot raise: either order
    print(xs, b.v)


store([10, 20], 0, 1.5)
