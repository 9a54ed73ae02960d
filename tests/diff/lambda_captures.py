def rank(xs: list[float], pivot: float, flip: bool) -> list[float]:
    return sorted(xs, key=lambda x: -abs(x - pivot) if flip else abs(x - pivot))


def pick(words: list[str], letter: str) -> str:
    best = max(words, key=lambda w: (w.count(letter), w))
    return best


ws: list[str] = ["banana", "apple", "cherry", "papaya"]
print(rank([1.5, -2.0, 4.25, 0.0], 1.0, False))
print(rank([1.5, -2.0, 4.25, 0.0], 1.0, True))
print(pick(ws, "a"), pick(ws, "p"), pick(ws, "r"))
print([sorted(ws, key=lambda w: (w.count(c), w)) for c in "ae"])
table: dict[str, list[int]] = {"x": [3, 1], "y": [2], "z": [5, 0, 1]}
for k in sorted(table, key=lambda key: (len(table[key]), key), reverse=True):
    print(k, sorted(table[k], key=lambda v: -v))
n = 0
for i in range(3):
    n += i
    print(max([1, 2, 3, 4], key=lambda v: (v * n) % 5))
