# Short lists take their item arrays from free lists fed by dying lists (4,
# 8 and 16 slots, runtime/src/list.cpp): an array handed out again must
# hold what is asked of it, grow past it, and carry nothing over. Every
# capacity, in rounds, so later rounds run on recycled arrays.
def shapes(r: int) -> int:
    total = 0
    for cap in range(0, 21):
        a = [r * 100 + i for i in range(cap)]
        b = a.copy()
        b.append(-1)
        for i in range(cap + 5):
            b.append(i * r)
        c = list(b[: cap // 2])
        d = [0] * cap
        d.extend(a)
        e: list[str] = [str(x) for x in a]
        total += sum(a) + sum(b) + len(c) + sum(d) + len("".join(e))
        if cap in (3, 4, 5, 8, 9, 16, 17) and r in (0, 3):
            print(cap, a[-2:], b[-3:], c, d[-2:], e[:2])
    return total


grand = 0
for r in range(5):
    grand += shapes(r)
    kept = [[r, i] for i in range(r + 2)]
    print(r, grand, kept[-1], len(kept))
