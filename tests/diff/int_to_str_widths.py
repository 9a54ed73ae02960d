# str() of small ints writes two digits per division; every width from 1 to 19
# digits and both signs.
def main() -> None:
    xs = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12345, 99999, 100000, -1, -9, -10, -99, -100, -101,
          2**31, -2**31, 2**46 - 1, -2**46, 2**47, 2**60, -2**62, 2**63 - 1, -2**63, 2**64, 10**18, 10**19 - 1]
    print([str(x) for x in xs])
    print(f"{7}|{-70}|{700:5}|{12:x}")
    t = 0
    for i in range(-1000, 100000, 7):
        t += len(str(i)) + int(str(i)) - i
    print(t)


main()
