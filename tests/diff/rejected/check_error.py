def f(x: int) -> int:
    return x + "a"


print(f(1))
