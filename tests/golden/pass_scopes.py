# Pins a clean check for scopes and functions as values: a closure that
# updates its enclosing variable with `nonlocal`, a module counter updated
# with `global`, `Callable` parameters and return types, lambdas checked
# against a `Callable` parameter, and `with open(...)` reading this file.

from typing import Callable, Final

GREETING: Final = "hello"
calls: int = 0


def record_call() -> int:
    global calls
    calls += 1
    return calls


def make_counter(start: int) -> Callable[[], int]:
    count = start

    def increment() -> int:
        nonlocal count
        count += 1
        return count

    return increment


def make_scaler(factor: float) -> Callable[[float], float]:
    def scale(value: float) -> float:
        return value * factor

    return scale


def apply_twice(f: Callable[[int], int], value: int) -> int:
    record_call()
    return f(f(value))


def negate(value: int) -> int:
    return -value


def compose(f: Callable[[int], int], g: Callable[[int], int]) -> Callable[[int], int]:
    def both(value: int) -> int:
        return g(f(value))

    return both


def count_lines(path: str, prefix: str) -> int:
    matching = 0
    with open(path) as source:
        for line in source.read().splitlines():
            if line.startswith(prefix):
                matching += 1
    return matching


def main() -> None:
    counter = make_counter(10)
    counter()
    print(f"{GREETING}: counter at {counter()}")
    halve = make_scaler(0.5)
    print(halve(9.0))
    print(apply_twice(lambda n: n * 3, 2), apply_twice(negate, -4))
    add_then_double = compose(lambda n: n + 1, lambda n: n * 2)
    print(add_then_double(5))
    print(f"{count_lines(__file__, 'def ')} functions, {calls} calls")


if __name__ == "__main__":
    main()
