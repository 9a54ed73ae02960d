def level3(xs: list[int]) -> int:
    return xs[len(xs)]


def level2(xs: list[int]) -> int:
    return level3(xs) + 1


def level1() -> int:
    total = 0
    for i in range(3):
        total += i
    return level2([total])


print("start")
print(level1())
