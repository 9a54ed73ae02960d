# The value of `x[i] = v` is evaluated before the target even when it only
# calls a runtime method (list.index) that runs a user __eq__, which here
# rebinds the list the target names.
class K:
    def __init__(self, v: int) -> None:
        self.v = v

    def __eq__(self, other: object) -> bool:
        global xs
        xs = [7, 7, 7]
        return True


xs: list[int] = [0, 0, 0]
ks: list[K] = [K(1)]


def f() -> None:
    k = K(2)
    xs[0] = ks.index(k)


f()
print(xs)
