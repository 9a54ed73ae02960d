matrix = [[1, 2, 3], [4, 5, 6]]
transposed: list[list[int]] = []
for c in range(3):
    row: list[int] = []
    for r in range(2):
        row.append(matrix[r][c])
    transposed.append(row)
print(transposed)
index: dict[str, list[int]] = {}
for i, w in enumerate("a b a c b a".split()):
    if w not in index:
        index[w] = []
    index[w].append(i)
print(index, sorted(index.items()))
pairs = [(1, "one"), (2, "two")]
for n, name in pairs:
    print(n, name)
lookup = dict(pairs)
print(lookup[2], len(lookup), list(zip([1, 2], ["x", "y"])))
s = set([1, 2, 3]) | {4}
print(sorted(s), {1, 2} & {2, 3}, sorted({1, 2} ^ {2, 3}))
