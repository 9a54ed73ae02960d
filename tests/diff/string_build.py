parts: list[str] = []
for i in range(20):
    parts.append(str(i * i))
joined = ",".join(parts)
print(len(joined), joined[:30])
words = "the quick brown fox jumps over the lazy dog the end".split()
counts: dict[str, int] = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
out = ""
for ch in "hello":
    out = ch + out
print(out)
