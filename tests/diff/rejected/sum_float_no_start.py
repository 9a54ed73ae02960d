# sum() of floats returns the int start `0` for an empty iterable; a float
# result would print `0.0`. Refused: write `sum(xs, 0.0)`.
xs: list[float] = []
print(sum(xs))
