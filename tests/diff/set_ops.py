a: set[int] = {1, 2, 3, 4}
b: set[int] = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(3 in a, 9 in a, len(a), a <= {1, 2, 3, 4, 5}, a == {4, 3, 2, 1})
a.add(10)
a.discard(1)
a.remove(2)
print(sorted(a))
c = set("hello")
print(sorted(c), len(c))
print(sorted({x * x for x in range(-3, 4)}))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
empty: set[str] = set()
print(empty, len(empty), bool(empty))
try:
    a.remove(99)
except KeyError as e:
    print("KeyError", e)
