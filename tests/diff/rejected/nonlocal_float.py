def average(xs: list[float]) -> float:
    total = 0.0

    def add(x: float) -> None:
        nonlocal total
        total += x

    for x in xs:
        add(x)
    return total / len(xs)


print(average([1.0, 2.0]))
