def run(xs: list[int]) -> list[int]:
    k = 1

    def bump() -> None:
        nonlocal k
        k += 1

    bump()
    return sorted(xs, key=lambda x: x * k)


print(run([3, 1, 2]))
