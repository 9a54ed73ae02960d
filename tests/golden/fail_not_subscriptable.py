# Pins not-subscriptable: reported at the subscript expression.

n = 5
print(n[0])  # error: [not-subscriptable]


def first_digit(x: float) -> int:
    return x[0]  # error: [not-subscriptable]
