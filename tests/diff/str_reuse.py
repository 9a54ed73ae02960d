# Short strings are recycled through size-class free lists: strings grown in
# place (s += t), split, joined, converted from ints and dropped in loops
# must keep their contents, lengths and hashes (as dict keys) intact.
def churn(rounds: int) -> str:
    last = ""
    for r in range(rounds):
        s = ""
        for i in range(r % 40):
            s += chr(97 + i % 26)
        parts = s.split("e")
        joined = "-".join(parts)
        last = joined + str(r) + str(-r * 1000003)
    return last


print(churn(500))
counts: dict[str, int] = {}
for r in range(300):
    key = "k" + str(r % 17)
    counts[key] = counts.get(key, 0) + len(key)
print(sorted(counts.items()))
acc = ""
for i in range(200):
    acc += str(i)
    if len(acc) > 50:
        acc = acc[25:]
print(acc, len(acc))
words = ("alpha beta gamma " * 20).split()
print(len(words), words[0], words[-1], "".join(words)[:30])
nums = [str(i) for i in range(-5, 120, 7)]
print(",".join(nums), [int(x) for x in nums][-3:])
big = str(2 ** 70) + str(-(2 ** 47)) + str(2 ** 47 - 1)
print(big, len(big))
for n in [0, 7, -7, 140737488355327, -140737488355328]:
    print(str(n), repr(n), f"{n}", len(str(n)))
