# Pins a clean check for `None` narrowing and exceptions: `is None`,
# `is not None`, `isinstance`, truthiness and early return all narrow an
# optional value; `typing.cast`; a linked list walked with a `while` loop;
# exception classes with fields; try/except/else/finally.

from typing import Optional, cast


class ParseError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


class EmptyInput(ParseError):
    pass


class Node:
    def __init__(self, value: int, following: Optional["Node"] = None) -> None:
        self.value = value
        self.next = following


class LinkedList:
    def __init__(self) -> None:
        self.head: Optional[Node] = None
        self.size = 0

    def push(self, value: int) -> None:
        self.head = Node(value, self.head)
        self.size += 1

    def first(self) -> Optional[int]:
        if self.head is None:
            return None
        return self.head.value

    def total(self) -> int:
        result = 0
        current = self.head
        while current is not None:
            result += current.value
            current = current.next
        return result

    def find(self, value: int) -> Optional[Node]:
        current = self.head
        while current:
            if current.value == value:
                return current
            current = current.next
        return None


def parse_number(text: str, line: int) -> int:
    stripped = text.strip()
    if not stripped:
        raise EmptyInput(line, "empty input")
    try:
        return int(stripped)
    except ValueError:
        raise ParseError(line, f"not a number: {stripped!r}")


def describe(name: Optional[str]) -> str:
    if name is None:
        return "anonymous"
    return name.title()


def initial(name: str | None) -> str:
    if name:
        return name[0].upper()
    return "?"


def width(value: Optional[str]) -> int:
    if isinstance(value, str):
        return len(value)
    return 0


def safe_ratio(a: int, b: Optional[int]) -> float:
    if b is not None and b != 0:
        return a / b
    return 0.0


def lookup(scores: dict[str, int], name: str) -> int:
    if name in scores:
        return cast(int, scores.get(name))
    return -1


def parse_all(lines: list[str]) -> list[int]:
    numbers: list[int] = []
    for i, text in enumerate(lines):
        try:
            numbers.append(parse_number(text, i + 1))
        except EmptyInput:
            continue
        except ParseError as err:
            print(f"skipped {err} (line {err.line})")
        else:
            print(f"line {i + 1} ok")
        finally:
            print(f"checked line {i + 1}")
    return numbers


def main() -> None:
    items = LinkedList()
    for number in parse_all(["3", "", "x", " 7 ", "11"]):
        items.push(number)
    head = items.first()
    if head is not None:
        print(f"first {head + 1}")
    found = items.find(7)
    if found is not None and found.next is not None:
        print(f"after 7 comes {found.next.value}")
    print(f"size {items.size}, total {items.total()}")
    print(describe(None), describe("ada lovelace"), initial(None), initial("grace"))
    print(width("four"), width(None), safe_ratio(7, 2), safe_ratio(1, None))
    print(lookup({"ada": 3}, "ada"), lookup({}, "bob"))


if __name__ == "__main__":
    main()
