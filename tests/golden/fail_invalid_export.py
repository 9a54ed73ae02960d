# Pins invalid-export: `@molt.export` functions take and return only what the
# canonical ABI lowers here (int, float, bool, str; None as a result), and
# must be module-level functions.
import molt
from molt import export


@molt.export
def greet(name: str, times: int) -> str:
    return name * times


@export
def scale(x: float, on: bool) -> None:
    print(x if on else 0.0)


@molt.export
def total(values: list[int]) -> int:  # error: [invalid-export]
    return sum(values)


@molt.export
def pair(a: int) -> tuple[int, int]:  # error: [invalid-export]
    return (a, a)


@molt.export
def keyed(a: int, *, b: int) -> int:  # error: [invalid-export]
    return a + b


@molt.export
@molt.export  # error: [invalid-export]
def twice(a: int) -> int:
    return a


@molt.export
def cabi_realloc(n: int) -> int:  # error: [invalid-export]
    return n


class Counter:
    count: int

    def __init__(self) -> None:
        self.count = 0

    @molt.export  # error: [invalid-export]
    def bump(self) -> int:
        self.count += 1
        return self.count
