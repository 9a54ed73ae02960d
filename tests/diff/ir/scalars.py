def scale(x: float, k: int = 2) -> float:
    return x * k


def count(n: int) -> int:
    total = 0
    for i in range(n):
        if i % 3 == 0 and i != 6:
            total += i
    return total


print(scale(1.5), count(10), f"{count(4)}!")
