# molt-test: suggestions
# Pins deprecated-typing-alias: `typing.List[int]` and friends have builtin
# spellings; the note sits on the alias name.
from typing import Dict, List, Optional


def total(values: List[int]) -> int:  # note: [deprecated-typing-alias]
    return sum(values)


def index(words: List[str]) -> Dict[str, int]:  # note: [deprecated-typing-alias] [deprecated-typing-alias]
    return {w: i for i, w in enumerate(words)}


def first(values: list[int]) -> Optional[int]:
    return values[0] if values else None


print(total([1, 2]), index(["a"]), first([]))
