def main() -> None:
    words = "the quick brown fox jumps over the lazy dog and the cat sat on the mat with a hat".split()
    counts: dict[str, int] = {}
    for r in range(250000):
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    keys = sorted(counts.keys())
    for k in keys[:5]:
        print(k, counts[k])


main()
