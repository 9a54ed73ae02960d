def pick(flag: bool) -> int:
    if flag:
        def f(x: int) -> int:
            return x + 1
    else:
        def f(x: int) -> int:
            return x - 1
    return f(10)


print(pick(False))
