# Pins missing-annotation: a parameter without an annotation is reported at
# the parameter, a missing return annotation at the `def` line. `self` needs
# no annotation.


def scale(value, factor: float) -> float:  # error: [missing-annotation]
    return value * factor


def label(count: int):  # error: [missing-annotation]
    return f"{count} items"


def clamp(
    low: int,
    high,  # error: [missing-annotation]
    value: int,
) -> int:
    return max(low, min(high, value))


class Counter:
    def __init__(self, start: int) -> None:
        self.value = start
