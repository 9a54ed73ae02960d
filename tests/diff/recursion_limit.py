from typing import Callable


def depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(900))
for n in [997, 998, 999, 1000]:
    try:
        print(n, depth(n))
    except RecursionError as e:
        print(n, "RecursionError", e)
# Through a function value: the runtime calls the compiled function back, and
# each Python frame still counts once.
reached = 0


def via_value(n: int, f: Callable[[int], int]) -> int:
    return f(n)


def rec_value(n: int) -> int:
    global reached
    reached = n
    return via_value(n + 1, rec_value)


try:
    rec_value(1)
except RecursionError as e:
    print("through a value:", reached, e)
print("after:", depth(990))


print(depth(100000))
