# Small self-recursive functions are inlined into themselves once
# (codegen/recursive_inline.h): evaluation order, side effects, exceptions
# raised at every depth, the recursion limit and big-int results must be
# exactly those of the calls.
calls: list[int] = []


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def traced(n: int) -> int:
    calls.append(n)
    if n < 2:
        return n
    return traced(n - 1) * 10 + traced(n - 2)


def fails_at(n: int, bad: int) -> int:
    if n == bad:
        raise ValueError("bad " + str(n))
    if n <= 0:
        return 1
    return fails_at(n - 1, bad) + fails_at(n - 2, bad)


def big(n: int) -> int:
    # crosses into big ints part-way down
    if n == 0:
        return 3
    return big(n - 1) * big(n - 1) if n < 7 else big(n - 1) + 1


def count_down(n: int) -> int:
    if n == 0:
        return 0
    return 1 + count_down(n - 1)


def mixed(n: int, acc: float) -> float:
    if n == 0:
        return acc
    return mixed(n - 1, acc * 1.5 + n) - mixed(n - 1, 0.0) / 4


print(fib(25))
print(traced(6), calls)
for bad in [-1, 0, 1, 2, 3, 5]:
    try:
        print(bad, fails_at(4, bad))
    except ValueError as e:
        print(bad, "ValueError", e)
print(big(6), big(9))
for n in [500, 998, 999]:
    try:
        print(n, count_down(n))
    except RecursionError as e:
        print(n, "RecursionError", e)
print(mixed(8, 1.0))
print(fails_at(6, 2))
