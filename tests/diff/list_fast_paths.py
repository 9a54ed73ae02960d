# Inline list fast paths (l[i], l[i] = x, len(l), l.append(x), for x in l)
# and their runtime fallbacks: negative indices, out-of-range errors, bool
# and big-int indices, growth, mutation while iterating, non-list receivers.
def get_or_msg(xs: list[int], i: int) -> str:
    try:
        return str(xs[i])
    except IndexError as e:
        return "IndexError: " + str(e)


def set_or_msg(xs: list[int], i: int, v: int) -> str:
    try:
        xs[i] = v
        return str(xs)
    except IndexError as e:
        return "IndexError: " + str(e)


xs = [10, 20, 30, 40]
for i in [0, 3, 4, -1, -4, -5, 2 ** 47, -(2 ** 47), 2 ** 63, -(2 ** 63), 2 ** 64]:
    print(i, get_or_msg(xs, i), set_or_msg(xs, i, i % 1000))
print(xs[True], xs[False])
xs[True] = 7
print(xs, len(xs))

ys: list[int] = []
for i in range(100):
    ys.append(i * i)
print(len(ys), ys[0], ys[-1], ys[50], sum(ys))

# appends and pops while iterating: CPython's list iterator re-reads the length
zs = [1, 2, 3]
seen: list[int] = []
for z in zs:
    seen.append(z)
    if z < 6:
        zs.append(z + 3)
print(seen, zs)
ws = [1, 2, 3, 4, 5, 6]
out: list[int] = []
for w in ws:
    out.append(w)
    ws.pop()
print(out, ws)
vs = [5, 6, 7]
for v in vs:
    vs[len(vs) - 1] = v * 100
print(vs)

# items that are heap objects (refcounts across get/set/iterate)
names = ["a", "b", "c"]
names[1] = names[0] + names[2]
for n in names:
    print(n, len(n))
grid: list[list[float]] = [[0.0] * 3 for _ in range(3)]
for r in range(3):
    for c in range(3):
        grid[r][c] += r * 1.5 + c
print(grid)
print(grid[-1][-1], len(grid), len(grid[0]))

# the same operations on other types take the runtime path
d: dict[str, int] = {"x": 1}
d["y"] = 2
print(d["x"], d["y"], len(d), len("héllo"), len((1, 2, 3)))
t = (4, 5, 6)
print(t[-1], t[0])
s = "abc"
print(s[-1], s[1])
for ch in "xyz":
    print(ch)
for k in d:
    print(k, d[k])
for a, b in [(1, "one"), (2, "two")]:
    print(a, b)

# bools and floats stored in lists
flags = [True] * 5
flags[2] = False
count = 0
for f in flags:
    if f:
        count += 1
print(count, flags)
fs = [0.5, 1.5]
fs.append(2.5)
fs[0] = fs[1] * fs[2]
print(fs, fs[-1])


def find(xs: list[int], target: int) -> int:
    for i in range(len(xs)):
        if xs[i] == target:
            return i
    return -1


def first_big(xs: list[int]) -> int:
    for x in xs:
        if x > 100:
            return x
    return 0


big = [1, 200, 3]
print(find(big, 3), find(big, 9), first_big(big), first_big([1]))
x = -1  # a loop may run zero times: Molt asks for the binding (possibly-unbound)
for x in big:
    if x == 200:
        break
print(x)
print(xs[10])
