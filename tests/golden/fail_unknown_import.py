# Pins unknown-import: reported at the import statement. Molt knows `typing`,
# `math` and `__future__`; anything else, including an unknown name from a
# known module, is an error.

import math
import os  # error: [unknown-import]
from collections import deque  # error: [unknown-import]
from typing import NoSuchThing  # error: [unknown-import]


def hypotenuse(a: float, b: float) -> float:
    return math.sqrt(a * a + b * b)
