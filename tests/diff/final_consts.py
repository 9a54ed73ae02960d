from typing import Final, cast

LIMIT: Final = 10
NAME: Final[str] = "molt"
RATE: Final[float] = 0.5


def scaled(x: int) -> float:
    return x * RATE


def main() -> None:
    total = 0
    for i in range(LIMIT):
        total += i
    print(NAME, total, scaled(total))
    v: object = "five"
    n = cast(str, v)
    print(n + "!")


if __name__ == "__main__":
    main()
