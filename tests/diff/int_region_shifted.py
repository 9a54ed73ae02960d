# The raw locals of an int region hold their value shifted left by 16 bits,
# except range-loop counters, which hold it as it is (codegen/lower_llvm.cpp,
# loadRaw). These mix the two forms in every operation that reads them.


def sum_to(n: int, start: int) -> int:
    # a loop-carried sum: crosses 2**47 (and leaves for the boxed copy) when
    # start is near it
    total = start
    for i in range(n):
        total += i
    return total


def down_from(n: int, start: int) -> int:
    total = start
    for i in range(n):
        total -= i
    return total


def mixed(n: int) -> list[int]:
    # shifted sums compared with, multiplied by and divided by counters
    out: list[int] = []
    acc = 0
    prod = 1
    for i in range(1, n):
        acc += i * 3
        if acc > i * i:
            out.append(acc)
        if acc == i + 2:
            out.append(-acc)
        prod = prod * 2 + i
        out.append(prod // i)
        out.append(prod % (i + 1))
        out.append(acc - prod)
    return out


def as_index(n: int) -> int:
    # a shifted local used as a list index, negative included
    xs = list(range(20))
    k = 0
    total = 0
    while k < n:
        total += xs[k % 20] + xs[-(k % 7) - 1]
        k += 1
    return total


def counter_updates(n: int) -> int:
    # a range counter assigned in the body: it stays in its own (unshifted) form
    t = 0
    for i in range(n):
        t += i
        i = i * 2
        t += i
    return t


def near_limits() -> list[int]:
    out: list[int] = []
    big = 2**47 - 5
    for i in range(10):
        big += 1
        out.append(big)
    small = -(2**47) + 5
    for i in range(10):
        small -= 1
        out.append(small)
    m = 2**23
    for i in range(3):
        m = m * 2**12
        out.append(m)
    return out


print(sum_to(10000000, 0))
print(sum_to(10, 2**47 - 30))
print(sum_to(1000, -(2**47)))
print(down_from(10, -(2**47) + 30))
print(down_from(100000, 5))
print(mixed(30))
print(as_index(1000))
print(counter_updates(100))
print(near_limits())
