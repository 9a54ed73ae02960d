# module globals, Final constants, global statement, __name__
from typing import Final

LIMIT: Final = 5
counter = 0
names: list[str] = []


def bump(by: int) -> int:
    global counter
    counter += by
    return counter


def remember(s: str) -> None:
    names.append(s)


for i in range(LIMIT):
    bump(i)
    remember(str(i))
print(counter, names, LIMIT)
if __name__ == "__main__":
    print("main", __name__)
