# A dict answers a lookup of the key object it found last without hashing
# again (runtime/src/dict.cpp, memo_hit). These sequences would expose a
# stale hint: deletes, clears, resizes, equal keys that are other objects,
# and keys that compare equal across types.
def main() -> None:
    words = "a b a c b a d e f g h i j k l m n o p q r s t u v w x y z a".split()
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    print(counts)
    d: dict[str, int] = {}
    k1 = "".join(["ke", "y"])
    k2 = "".join(["k", "ey"])
    d[k1] = 1
    d[k2] += 10
    print(d)
    d.pop(k1)
    print(d.get(k2, -1), k2 in d, len(d))
    d[k2] = 5
    d.clear()
    print(d.get(k1, -2), d)
    d[k1] = 7
    print(d[k1], d.get(k1), d.pop(k1), d.get(k1, 0))
    # a resize between two lookups moves every entry
    big: dict[int, int] = {}
    for i in range(100):
        big[i] = big.get(i, 0) + i
        big[i] += 1
    print(sum(big.values()), big[99], len(big))
    for i in range(0, 100, 3):
        big.pop(i)
    for i in range(200):
        big[i % 7] = big.get(i % 7, 0) + 1
    print(sorted(big.items())[:8], len(big))
    # True == 1: one entry, the first key kept
    m: dict[int, str] = {1: "one"}
    m[True] = "true"
    print(m, m[1], m.get(True))


main()
