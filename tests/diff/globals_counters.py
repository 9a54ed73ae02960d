from typing import Final

SIZE: Final = 4
GREETING: Final = "hi"
RATE: Final = 0.5
grid: list[list[int]] = []
calls = 0
total_rate = 0.0


def make_row(n: int) -> list[int]:
    global calls
    calls += 1
    return [n * SIZE + j for j in range(SIZE)]


def accumulate() -> None:
    global total_rate
    total_rate += RATE


for i in range(SIZE):
    grid.append(make_row(i))
    accumulate()
print(grid, calls, total_rate, GREETING * 2)
