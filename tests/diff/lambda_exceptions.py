from typing import Callable

xs: list[int] = [3, 1, 2]
inv: Callable[[int], float] = lambda x: 1 / x
try:
    print(sorted(xs, key=lambda x: 10 // (x - 1)))
except ZeroDivisionError as e:
    print("caught", e)
print(list(map(inv, xs)))
try:
    print(list(map(lambda s: int(s), ["1", "x"])))
except ValueError as e:
    print("caught", e)
print(max(xs, key=lambda x: xs[x - 1]))
print(sorted(xs, key=lambda x: xs[x]))
