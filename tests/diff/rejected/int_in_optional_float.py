# An int stored where `float | None` is declared stays an int in CPython
# (prints `2`); read back as the narrowed float it would print `2.0`. Refused.
best: float | None = None
best = 2
print(best)
