def main() -> None:
    total = 0
    for r in range(1500):
        parts: list[str] = []
        for i in range(1000):
            parts.append(str(i))
        s = ",".join(parts)
        fields = s.split(",")
        total += len(fields) + len(s)
    print(total)


main()
