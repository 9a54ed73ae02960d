def counter() -> int:
    n = 0

    def bump() -> None:
        nonlocal n
        n += 1

    bump()
    return n


print(counter())
