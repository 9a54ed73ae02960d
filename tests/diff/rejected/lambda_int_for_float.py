# A lambda returning an int where a callable returning float is declared:
# CPython's call returns the int (prints `1`). Refused.
from typing import Callable

g: Callable[[], float] = lambda: 1
print(g())
