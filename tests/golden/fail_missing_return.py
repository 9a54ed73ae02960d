# Pins missing-return: reported at the `def` line of a function declared to
# return a value when control can reach the end of its body. Ending in `raise`
# is fine.


def sign(n: int) -> int:  # error: [missing-return]
    if n > 0:
        return 1
    elif n < 0:
        return -1


def find(items: list[str], target: str) -> int:  # error: [missing-return]
    for i in range(len(items)):
        if items[i] == target:
            return i


def parse_positive(text: str) -> int:
    value = int(text)
    if value > 0:
        return value
    raise ValueError(f"not positive: {text}")
