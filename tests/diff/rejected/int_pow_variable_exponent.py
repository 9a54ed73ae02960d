# `2 ** n` is an int for n >= 0 and a float for n < 0; the checker types it
# float, so a native double would print `8.0` where CPython prints `8`. Refused.
def powers(n: int) -> None:
    print(2 ** n)


powers(3)
