# functions: defaults, keyword arguments, recursion, typed returns
def add(a: int, b: int = 10) -> int:
    return a + b


def scale(x: float, factor: float = 2.0) -> float:
    return x * factor


def greet(name: str, punct: str = "!", loud: bool = False) -> str:
    s = "hello " + name + punct
    if loud:
        return s.upper()
    return s


def ack(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def is_even(n: int) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n: int) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


def nothing() -> None:
    print("side effect")


print(add(1), add(1, 2), add(b=5, a=1), scale(1.5), scale(2.0, factor=0.25))
print(greet("x"), greet("y", loud=True), greet(punct="?", name="z"))
print(ack(2, 3), is_even(10), is_odd(7), nothing())
