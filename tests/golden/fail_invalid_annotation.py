# Pins invalid-annotation: reported at the annotation. Unions other than
# `X | None` are not in the subset.

x: 5 = 1  # error: [invalid-annotation]


def pair() -> list[int, str]:  # error: [invalid-annotation]
    return [1]


def show(value: int | str) -> str:  # error: [invalid-annotation]
    return str(value)
