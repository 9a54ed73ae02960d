# Nested and non-name loop targets: `for i, (k, v) in enumerate(...)`,
# attribute and subscript targets, in loops and comprehensions.
pairs = [("a", 1), ("b", 2), ("c", 3)]
for rank, (name, n) in enumerate(pairs, start=1):
    print(rank, name, n * 2)
table: dict[str, tuple[int, float]] = {"x": (1, 0.5), "y": (2, 1.5)}
for key, (count, weight) in table.items():
    print(key, count + 1, weight * 2)
slots = [0, 0, 0]
for slots[1] in [4, 5, 6]:
    print(slots)


class Box:
    def __init__(self) -> None:
        self.v = 0


b = Box()
for b.v in range(3):
    print("box", b.v)
print([f"{i}:{s}{t}" for i, (s, t) in enumerate([("p", "q"), ("r", "s")])])
total = 0
for (a, bb), c in [((1, 2), 3), ((4, 5), 6)]:
    total += a * bb + c
print(total)
