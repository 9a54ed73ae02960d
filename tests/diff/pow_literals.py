# `**` of ints whose type is known exactly: a non-negative literal exponent
# (an int), a negative literal exponent (a float), and float bases.
def main() -> None:
    n = 7
    print(n ** 2, 2 ** 10, 3 ** 0, (-2) ** 3, 2 ** 100)
    print(2 ** -1, 4 ** -2, n ** -1, 10 ** -3)
    x = 1.5
    print(x ** 2, 2.0 ** n, x ** -1, float(n) ** n)


main()
