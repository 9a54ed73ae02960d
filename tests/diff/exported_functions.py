# @molt.export functions are ordinary functions inside the program (native
# and wasm builds alike); only the wasm module also exports them.
import molt
from molt import export

prefix: str = ">"


@molt.export
def label(name: str, n: int) -> str:
    return f"{prefix} {name}#{n}"


@export
def mean(a: float, b: float) -> float:
    return (a + b) / 2


@molt.export
def parity(n: int) -> bool:
    return n % 2 == 1


@molt.export
def report(msg: str) -> None:
    print("report:", msg)


print(label("item", 3), mean(1.5, 2.0), parity(7), parity(2 ** 80))
report(label("x", -1))
