# Module-level functions as values: keys, callbacks, stored in variables
# and containers, called through the value.
from typing import Callable


def area(side: float) -> float:
    return side * side


def shout(s: str) -> str:
    return s.upper() + "!"


def apply_all(f: Callable[[float], float], xs: list[float]) -> list[float]:
    return [f(x) for x in xs]


def by_length(s: str) -> int:
    return len(s)


print(apply_all(area, [1.5, 2.0]))
words = ["ccc", "a", "bb"]
print(sorted(words, key=by_length), max(words, key=by_length))
g = shout
table: dict[str, Callable[[str], str]] = {"shout": shout}
print(g("hi"), table["shout"]("yo"), list(map(shout, ["x", "y"])))
