# Module-level functions as values: keys, callbacks, stored in variables
# and containers, called through the value.
from typing import Callable


def square(n: int) -> int:
    return n * n


def shout(s: str) -> str:
    return s.upper() + "!"


def apply_all(f: Callable[[int], int], xs: list[int]) -> list[int]:
    return [f(x) for x in xs]


def by_length(s: str) -> int:
    return len(s)


print(apply_all(square, [3, 2 ** 40]))
words = ["ccc", "a", "bb"]
print(sorted(words, key=by_length), max(words, key=by_length))
g = shout
table: dict[str, Callable[[str], str]] = {"shout": shout}
print(g("hi"), table["shout"]("yo"), list(map(shout, ["x", "y"])))
