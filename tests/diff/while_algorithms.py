def gcd(a: int, b: int) -> int:
    while b != 0:
        a, b = b, a % b
    return a


def isqrt(n: int) -> int:
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def binary_search(xs: list[int], target: int) -> int:
    lo = 0
    hi = len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        elif xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


print(gcd(1071, 462), gcd(2 ** 80, 6 ** 40), isqrt(10 ** 40), isqrt(99))
xs = [i * 3 for i in range(100)]
print(binary_search(xs, 42), binary_search(xs, 43), binary_search(xs, 297))
