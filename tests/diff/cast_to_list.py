# A value cast to a list type is checked once at the cast; afterwards the
# list is read inline like any other list (codegen markList).
from typing import cast


def first_and_len(o: object) -> int:
    xs = cast(list[int], o)
    xs.append(7)
    xs[0] += 1
    return xs[0] + len(xs) + xs[-1]


def main() -> None:
    boxes: list[object] = [[1, 2], [3]]
    total = 0
    for b in boxes:
        total += first_and_len(b)
    print(total, boxes)


main()
