def main() -> None:
    total = 0
    for i in range(10000000):
        total += i
    print(total)


main()
