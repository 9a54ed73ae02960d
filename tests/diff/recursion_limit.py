def depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(900))
for n in [997, 998, 999, 1000]:
    try:
        print(n, depth(n))
    except RecursionError as e:
        print(n, "RecursionError", e)
print(depth(100000))
