def squares(n: int) -> list[int]:
    return [i * i for i in range(n)]


print(squares(6))
words = ["apple", "Bob", "cat", "Dan"]
print([w.upper() for w in words if len(w) == 3])
print({len(w) for w in words})
print({w: len(w) for w in words if w[0].islower()})
print([(x, y) for x in range(3) for y in range(x)])
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, sum([sum(row) for row in grid]))
fl = [x / 2 for x in range(4)]
print(fl)
