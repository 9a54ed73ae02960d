def outer(n: int) -> int:
    def inner(m: int) -> int:
        return m + n

    return inner(1)


print(outer(2))
