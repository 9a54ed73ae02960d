from typing import Callable


def make_adder(k: int) -> Callable[[int], int]:
    def add(x: int) -> int:
        return x + k

    return add


def make_counter() -> Callable[[], int]:
    count = 0

    def step() -> int:
        nonlocal count
        count += 1
        return count

    return step


def late_binding() -> list[int]:
    fs: list[Callable[[int], int]] = []
    m = 1
    fs.append(lambda x: x * m)
    m = 10
    fs.append(lambda x: x + m)
    m = 100
    return [f(2) for f in fs]


def scaler(factor: int) -> Callable[[int], int]:
    return lambda v: v * factor


def compose(f: Callable[[int], int], g: Callable[[int], int]) -> Callable[[int], int]:
    return lambda x: f(g(x))


def prefixer(p: str) -> Callable[[str], str]:
    def go(s: str) -> str:
        return p + s

    return go


add5 = make_adder(5)
print(add5(1), add5(10), make_adder(-1)(1))
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())
print(late_binding())
triple = scaler(3)
print(triple(7), list(map(scaler(2), [1, 2, 3])))
print(compose(add5, triple)(1), compose(triple, add5)(1))
print(list(map(prefixer("> "), ["a", "b"])))
big = make_adder(2 ** 70)
print(big(1))


def filter_above(xs: list[int], t: int) -> list[int]:
    return list(filter(lambda x: x > t, xs))


print(filter_above([5, 1, 9, 3], 4))
