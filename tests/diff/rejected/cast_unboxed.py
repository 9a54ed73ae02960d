from typing import cast

v: object = 5
print(cast(int, v) + 1)
