"""Word and character statistics over an embedded text.

Exercises string methods (lower, strip, split, replace, isalpha, join), dict
counting, sorted with key lambdas, list/dict comprehensions, slicing and
f-strings with width, alignment and precision specifications.
"""

from __future__ import annotations

from typing import Final

TEXT: Final = """
It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair, we had
everything before us, we had nothing before us, we were all going direct to
Heaven, we were all going direct the other way - in short, the period was so
far like the present period, that some of its noisiest authorities insisted
on its being received, for good or for evil, in the superlative degree of
comparison only.
"""

STOP_WORDS: Final = ["the", "of", "it", "was", "we", "to", "in", "or", "for", "so", "on", "that", "its"]
PUNCTUATION: Final = ",.;:-!?\"'"


def normalise(word: str) -> str:
    cleaned = word.lower()
    for mark in PUNCTUATION:
        cleaned = cleaned.replace(mark, "")
    return cleaned.strip()


def tokenize(text: str) -> list[str]:
    words = [normalise(raw) for raw in text.split()]
    return [word for word in words if word != ""]


def count_words(words: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def top_words(counts: dict[str, int], limit: int, skip: list[str]) -> list[tuple[str, int]]:
    candidates = [(word, n) for word, n in counts.items() if word not in skip]
    ranked = sorted(candidates, key=lambda pair: (-pair[1], pair[0]))
    return ranked[:limit]


def letter_histogram(text: str) -> dict[str, int]:
    histogram: dict[str, int] = {}
    for ch in text.lower():
        if ch.isalpha():
            histogram[ch] = histogram.get(ch, 0) + 1
    return histogram


def by_length(words: list[str]) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = {}
    for word in words:
        bucket = groups.setdefault(len(word), [])
        if word not in bucket:
            bucket.append(word)
    return {length: sorted(group) for length, group in groups.items()}


def sentence_case(words: list[str]) -> str:
    if not words:
        return ""
    first = words[0]
    head = first[0].upper() + first[1:]
    return " ".join([head] + words[1:]) + "."


def bar(count: int, scale: float) -> str:
    return "#" * int(round(count * scale))


def main() -> None:
    words = tokenize(TEXT)
    counts = count_words(words)
    unique = len(counts)
    average = sum([len(w) for w in words]) / len(words)
    print(f"{len(words)} words, {unique} distinct, average length {average:.2f}")
    lines = [line for line in TEXT.splitlines() if line.strip()]
    print(f"{len(lines)} non-empty lines, longest has {max([len(line) for line in lines])} chars")

    print("top words (without stop words):")
    for rank, (word, n) in enumerate(top_words(counts, 6, STOP_WORDS), start=1):
        print(f"{rank:>2}. {word:<12}{n:>3}")

    print("most common letters:")
    histogram = letter_histogram(TEXT)
    letters = sorted(histogram.items(), key=lambda pair: pair[1], reverse=True)[:5]
    biggest = letters[0][1]
    for letter, n in letters:
        share = n / sum(histogram.values())
        print(f"  {letter} {n:>4} {share:6.1%} {bar(n, 30 / biggest)}")

    groups = by_length(words)
    longest = max(groups.keys())
    print(f"longest words ({longest} letters): {', '.join(groups[longest])}")
    short_counts = {length: len(groups[length]) for length in sorted(groups) if length <= 3}
    print(f"short word counts: {short_counts}")

    sample = tokenize("Anna saw a level racecar at noon; Otto did too, Anna said.")
    palindromes = sorted({w for w in sample if len(w) > 1 and w == w[::-1]})
    print(f"palindromes: {palindromes}")
    print(sentence_case(words[:7]))
    acronym = "".join([w[0].upper() for w in tokenize("portable operating system interface")])
    print(f"acronym: {acronym!r}, centred: [{acronym:^10}]")


if __name__ == "__main__":
    main()
