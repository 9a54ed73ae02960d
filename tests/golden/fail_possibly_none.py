# Pins possibly-none: reported at the use of an `X | None` value that has not
# been narrowed. Narrowing inside an `if` does not outlive the `if`.

from typing import Optional


class Node:
    def __init__(self, value: int) -> None:
        self.value = value


def length(s: str | None) -> int:
    return len(s)  # error: [possibly-none]


def value_of(node: Optional[Node]) -> int:
    return node.value  # error: [possibly-none]


def shout(s: str | None) -> str:
    if s is not None:
        print(s.upper())
    return s.upper()  # error: [possibly-none]
