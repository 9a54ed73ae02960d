# Generator expressions consumed whole by a builtin (built as a list first)
# and by any/all (a loop that stops at the first decisive element).
def noisy(x: int) -> int:
    print("eval", x)
    return x


def main() -> None:
    xs = [3, 1, 4, 1, 5, 9, 2, 6]
    print(sum(x * x for x in xs), sum(x for x in xs if x % 2 == 1), sum((x for x in xs), 10))
    print(sum((float(x) / 2 for x in xs), 0.0), min(x for x in xs), max(x - 10 for x in xs if x > 2))
    print(sorted(x for x in xs), sorted((-x for x in xs), reverse=True), sorted((str(x) for x in xs), key=lambda s: -int(s)))
    print(list(x + 1 for x in range(5)), tuple(c for c in "abc"), sorted(set(x % 3 for x in xs)))
    print(",".join(str(x) for x in xs), "".join(c.upper() for c in "molt" if c != "o"))
    print(max((len(w) for w in "a bb ccc".split()), default=0), min((x for x in xs if x > 100), default=-1))
    print(sum(i * j for i in range(4) for j in range(i)))
    # any/all stop at the first decisive element, like the generator they consume
    print(any(noisy(x) > 3 for x in xs))
    print(all(noisy(x) < 4 for x in xs))
    print(any(x > 100 for x in xs), all(x > 0 for x in xs), any(x for x in []), all(x for x in []))
    print(any(noisy(x) == 5 for x in xs if x % 2 == 1))
    words = ["apple", "kiwi", "fig"]
    print(all(len(w) > 2 for w in words), any(w.startswith("k") for w in words))
    # the element evaluation order is the same as CPython's; sum is a loop
    print(sum(noisy(x) for x in [7, 8]))
    print(sum((noisy(x) for x in [7, 8]), 100), sum((x for x in xs if x > 100), 5), sum(x > 2 for x in xs))
    print(sum((x / 4 for x in xs), 0.5), sum(i for i in range(3000000)))
    print(",".join(str(noisy(x)) for x in [1, 2]))


main()
