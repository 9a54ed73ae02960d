def scaled(xs: list[int], k: int) -> list[int]:
    return list(map(lambda x: x * k, xs))


print(scaled([1, 2], 3))
