# Int checks inside counted loops that the compiler may prove unnecessary
# from the counters' ranges (codegen/scev_fold.cpp), next to ones that are
# needed: every result that crosses the 48-bit small-int range must come
# out as the same big int as in CPython, and every index out of range must
# still raise.
def affine_crossing() -> int:
    x = 2 ** 47 - 10
    for i in range(20):
        x += 1
    return x


def products(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i * i * i * i
    return total


def products_fixed() -> list[int]:
    out: list[int] = []
    for i in range(995, 1000):
        out.append(i * i * i * i * i)
    for i in range(0, 1000, 250):
        out.append((i + i) * (i + i + 1) // 2 + i + 1)
    return out


def near_limit() -> list[int]:
    out: list[int] = []
    for i in range(2 ** 47 - 3, 2 ** 47 + 3):
        out.append(i * 2 - i)
        out.append(i + i)
        out.append(i - (-5))
    for j in range(-(2 ** 47) - 2, -(2 ** 47) + 2):
        out.append(j - 1)
    return out


def shifted(n: int) -> int:
    total = 0
    for i in range(n):
        total += (i << 40) + (i << 20)
    return total


def nested_sum(n: int) -> int:
    s = 0
    for i in range(n):
        for j in range(n):
            s += (i + j) * (i + j + 1) // 2 + i + 1
    return s


def offsets(xs: list[int]) -> int:
    total = 0
    for i in range(len(xs)):
        total += xs[i]
        if i + 2 < len(xs):
            total += xs[i + 2]
    try:
        for i in range(3):
            total += xs[i + len(xs) - 1]
    except IndexError as e:
        print("index", e)
    return total


def countdown() -> int:
    t = 0
    for i in range(10, -10, -3):
        t += i * 1000000007 * 1000003
    return t


print(affine_crossing())
print(products(100), products(1000))
print(products_fixed())
print(near_limit())
print(shifted(300))
print(nested_sum(300))
print(offsets([1, 2, 3, 4, 5]))
print(countdown())
