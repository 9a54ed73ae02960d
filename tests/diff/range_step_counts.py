# Counted range loops with a step only known at run time (trip count counted
# down), and loop targets that held a big int before the loop (released once
# before a non-empty loop, kept by an empty one).


def collect(a: int, b: int, s: int) -> list[int]:
    out: list[int] = []
    for i in range(a, b, s):
        out.append(i)
    return out


def last(n: int, s: int) -> int:
    i = 2**70
    for i in range(0, n, s):
        pass
    return i


def total(n: int, s: int) -> int:
    t = 0
    for i in range(n, -n, s):
        for j in range(0, i, s if s > 0 else -s):
            t += j
    return t


def main() -> None:
    for a, b, s in [(0, 10, 3), (10, 0, -3), (0, 10, -1), (10, 0, 1), (5, 5, 2), (-7, 8, 5), (8, -7, -5),
                    (0, 1, 7), (3, 4, -1), (-2**40, -2**40 + 9, 4)]:
        print(a, b, s, collect(a, b, s))
    print(last(10, 3), last(0, 3), last(-5, 2), last(10, -1))
    print(total(30, 4), total(30, -4), total(0, 1))


main()
