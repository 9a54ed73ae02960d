def between(lo: int, x: int, hi: int) -> bool:
    return lo <= x < hi


for v in range(-1, 4):
    print(v, between(0, v, 3), 0 < v == 1, v is None)
s: str | None = None
print(s is None, s is not None)
s = "x"
if s is not None:
    print(s + "y")
x = 2.5
print(1.0 < x <= 2.5, x == 2.5 != 3.0)
