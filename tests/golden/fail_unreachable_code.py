# Pins unreachable-code (a warning): reported at the first statement after a
# `return`, `raise`, `break` or `continue` in the same block.


def check(n: int) -> int:
    return n
    print("never")  # warning: [unreachable-code]


def fail(message: str) -> None:
    raise ValueError(message)
    print(message)  # warning: [unreachable-code]


def count_until_zero(values: list[int]) -> int:
    count = 0
    for v in values:
        if v == 0:
            break
            count = -1  # warning: [unreachable-code]
        count += 1
    return count
