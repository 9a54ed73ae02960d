# Fixture for exports_test.mjs: every type that crosses the wasm boundary.
import molt

greeting: str = "Hello"
calls: list[int] = []


@molt.export
def greet(name: str) -> str:
    calls.append(1)
    return f"{greeting}, {name}! (call {len(calls)})"


@molt.export
def add(a: int, b: int) -> int:
    return a + b


@molt.export
def hypot(x: float, y: float) -> float:
    return (x * x + y * y) ** 0.5


@molt.export
def is_even(n: int) -> bool:
    return n % 2 == 0


@molt.export
def shout(text: str, loud: bool) -> None:
    print(text.upper() if loud else text)


@molt.export
def fail(n: int) -> int:
    return 10 // n


if __name__ == "__main__":
    print(greet("world"))
