# Pins not-iterable: reported at the iterated expression.

for c in 5:  # error: [not-iterable]
    print(c)


def digit_sum(n: int) -> int:
    s = 0
    for d in n:  # error: [not-iterable]
        s += d
    return s


squares = [v * v for v in 3.5]  # error: [not-iterable]
