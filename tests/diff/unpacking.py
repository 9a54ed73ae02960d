a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = 1, 2, 3
print(x, y, z)
pairs: list[tuple[str, int]] = [("a", 1), ("b", 2)]
for name, val in pairs:
    print(name, val)
for i, kv in enumerate(pairs):
    k, v = kv
    print(i, k, v)
first, second, third = ["x", "y", "z"]
print(first, second, third)
p, q = divmod(17, 5)
print(p, q)
d: dict[str, float] = {"u": 1.5, "v": -2.25}
for key, fv in sorted(d.items()):
    print(key, fv * 2)
try:
    m, n2 = [1, 2, 3]
    print(m, n2)
except ValueError as e:
    print("ValueError:", e)
try:
    m3, n3, o3 = [1, 2]
    print(m3, n3, o3)
except ValueError as e:
    print("ValueError:", e)
