# A dict whose keys come and go (insert a new key, delete it) must keep
# finding empty index slots: deleted slots are counted and resized away
# (this looped forever once they filled the table). A list extended with
# itself copies its items after growing (the source array moves).
def churn() -> None:
    d: dict[int, int] = {0: 0}
    for i in range(1, 2000):
        d[i] = i
        del d[i]
    print(len(d), d, 5 in d, d.get(1999, -1))
    e: dict[str, int] = {}
    for i in range(3000):
        e["k" + str(i)] = i
        if i % 3 != 0:
            e.popitem()
    print(len(e), list(e.items())[:3], list(e.items())[-2:])
    f: dict[int, str] = {}
    for r in range(50):
        for i in range(40):
            f[r * 1000 + i] = str(i)
        for i in range(40):
            f.pop(r * 1000 + i)
    f[7] = "seven"
    print(f, len(f), 1000 in f)


def self_extend() -> None:
    for n in range(0, 12):
        a = [str(i) for i in range(n)]
        a.extend(a)
        b = [float(i) / 4 for i in range(n)]
        b += b
        c = [[i] for i in range(n)]
        c.extend(c)
        print(n, a, sum(b, 0.0), len(c), c[-1:] if c else c)


churn()
self_extend()
