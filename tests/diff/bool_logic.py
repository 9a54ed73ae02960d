# bool as i1, and/or/not, truthiness of every kind
t: bool = True
f: bool = False
print(t and f, t or f, not t, not f, t and not f)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 2 != 2)
s = ""
xs: list[int] = []
print(bool(s), bool("x"), bool(xs), bool([0]), bool(0), bool(0.0), bool(-1))
print(s or "default", "a" and "b", 0 or 5, 3 and 0)
n = 0
if not xs and n == 0:
    print("empty")
print(t + t, t * 5, f - 1)
