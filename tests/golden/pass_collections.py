# Pins a clean check for collections and expressions: list, dict and set
# comprehensions, list/dict/set/str methods, tuple unpacking, lambdas passed
# to `sorted(key=...)`, chained comparisons, f-strings with format specs, and
# the arithmetic operators (`int / int` is `float`).

from typing import Dict, List, Tuple


def mean(values: list[int]) -> float:
    return sum(values) / len(values)


def min_max(values: list[int]) -> tuple[int, int]:
    return min(values), max(values)


def letter(score: int) -> str:
    if 90 <= score <= 100:
        return "A"
    elif 75 <= score < 90:
        return "B"
    elif 0 <= score < 75:
        return "C"
    return "?"


def word_lengths(text: str) -> dict[str, int]:
    words = [w.strip(".,").lower() for w in text.split() if w]
    return {w: len(w) for w in words}


def initials(names: List[str]) -> set[str]:
    return {name[0] for name in names if name}


def histogram(grades: List[Tuple[str, int]]) -> Dict[str, int]:
    counts: dict[str, int] = {}
    for _, score in grades:
        key = letter(score)
        counts[key] = counts.get(key, 0) + 1
    return counts


def ranked(grades: list[tuple[str, int]]) -> list[str]:
    ordered = sorted(grades, key=lambda g: g[1], reverse=True)
    return [f"{name:<6}{score:>4}" for name, score in ordered]


def split_even_odd(values: list[int]) -> tuple[list[int], list[int]]:
    evens = [v for v in values if v % 2 == 0]
    odds = [v for v in values if v % 2 != 0]
    return evens, odds


def main() -> None:
    grades: list[tuple[str, int]] = [("ada", 97), ("bob", 71), ("cy", 88), ("dee", 90)]
    scores = [score for _, score in grades]
    low, high = min_max(scores)
    print(f"mean {mean(scores):.2f}, range {low}..{high}")
    print(histogram(grades))
    for line in ranked(grades):
        print(line)

    names = sorted([name for name, _ in grades], key=lambda n: len(n))
    names.append("eve")
    names.extend(["fay", "gus"])
    names.insert(0, "al")
    last = names.pop()
    names.sort()
    print(names, last, names.index("bob"), initials(names))

    tags = {"new", "sale"}
    tags.add("gift")
    tags.discard("sale")
    print(sorted(tags), "gift" in tags, tags.union({"new", "old"}) == {"new", "old", "gift"})

    lengths = word_lengths("The quick brown fox. The lazy dog,")
    longest = max(lengths.keys(), key=lambda w: lengths[w])
    for word, size in sorted(lengths.items()):
        print(f"{word}={size}", end=" ")
    print()
    print(longest, sum(lengths.values()), lengths.setdefault("cat", 3), lengths.pop("dog"))

    evens, odds = split_even_odd(list(range(10)))
    first, second = evens[0], evens[1]
    first, second = second, first
    print(evens, odds, first, second)
    print(7 // 2, 7 % 2, 2 ** 10, 7 / 2, -7 // 2, 1.5 * 4)
    print(", ".join([str(n) for n in odds]))


if __name__ == "__main__":
    main()
