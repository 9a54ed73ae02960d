# Pins unsupported-operator: reported at the operation.

total = 1 + "a"  # error: [unsupported-operator]
difference = [1] - [2]  # error: [unsupported-operator]
smaller = "a" < 1  # error: [unsupported-operator]
ratio = 7 / 2


class Ranked:
    def __init__(self, n: int) -> None:
        self.n = n

    def __lt__(self, other: "Ranked") -> bool:
        return self.n < other.n


def compare_ranked(a: Ranked, b: Ranked) -> bool:
    ok = a < b and a > b  # `__lt__` decides both
    return ok and a <= b  # error: [unsupported-operator]


class Unordered:
    pass


def compare_unordered(a: Unordered, b: Unordered) -> bool:
    return a < b  # error: [unsupported-operator]


class OwnNe:
    def __eq__(self, other: object) -> bool:
        return True

    def __ne__(self, other: object) -> bool:
        return True


def compare_own_ne(a: OwnNe, b: OwnNe) -> bool:
    return a == b and a != b  # error: [unsupported-operator]
