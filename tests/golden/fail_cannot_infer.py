# Pins cannot-infer: an empty `[]`, `{}` or `set()` assigned to an unannotated
# local is reported at the target, even when later uses reveal the type.


def collect(n: int) -> int:
    items = []  # error: [cannot-infer]
    for i in range(n):
        items.append(i)
    return len(items)


def index(words: list[str]) -> int:
    seen = set()  # error: [cannot-infer]
    counts = {}  # error: [cannot-infer]
    for word in words:
        seen.add(word)
        counts[word] = len(word)
    return len(seen) + len(counts)


def collect_typed(n: int) -> int:
    items: list[int] = []
    for i in range(n):
        items.append(i)
    return len(items)
