# Small-int fast paths at the 48-bit boundary (2**47), at 2**48 and at the
# 64-bit boundary (2**63): every operator, in locals, loops and calls, must
# agree with CPython (the fast path falls back to big ints, never wraps).
def ops(a: int, b: int) -> list[int]:
    out = [a + b, a - b, a * b, -a, a & b, a | b, a ^ b]
    if b != 0:
        out.append(a // b)
        out.append(a % b)
    return out


def cmps(a: int, b: int) -> list[bool]:
    return [a < b, a <= b, a > b, a >= b, a == b, a != b]


edges = [0, 1, -1, 2, -2, 7, -7,
         2 ** 47 - 1, 2 ** 47, 2 ** 47 + 1, -(2 ** 47), -(2 ** 47) - 1, -(2 ** 47) + 1,
         2 ** 48 - 1, 2 ** 48, -(2 ** 48),
         2 ** 63 - 1, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1, 2 ** 64]
for a in edges:
    for b in edges:
        print(a, b, ops(a, b), cmps(a, b))

# accumulators that walk across the boundary one step at a time
acc = 2 ** 47 - 3
for i in range(6):
    acc += 1
    print(acc, acc - 2 ** 47, acc * 2, acc // 3, acc % 5)
acc = -(2 ** 47) + 3
for i in range(6):
    acc -= 1
    print(acc, acc + 2 ** 47, -acc)

# range loops whose counter crosses 2**47 and 2**63 - 1 stays in range
for i in range(2 ** 47 - 2, 2 ** 47 + 2):
    print(i, i + i, i - 2 ** 47)
for i in range(-(2 ** 47) + 1, -(2 ** 47) - 3, -1):
    print(i, i * 3)
total = 0
for i in range(2 ** 62, 2 ** 62 + 3):
    total += i
print(total)

# products that overflow 64 bits inside the fast path
m = 3037000499
print(m * m, (m + 1) * (m + 1), -m * (m + 1))
p = 1
for i in range(1, 25):
    p *= i
    print(i, p)


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def grow(x: int, k: int) -> int:
    while k > 0:
        x = x + x
        k -= 1
    return x


print(fib(20), grow(1, 46), grow(1, 47), grow(1, 48), grow(-1, 47), grow(3, 70))
xs = [1, 2, 3]
big_index = 2 ** 47
try:
    print(xs[big_index])
except IndexError as e:
    print("IndexError", e)
try:
    print(xs[-(2 ** 63) - 1])
except IndexError as e:
    print("IndexError", e)
print(divmod(-(2 ** 47), 7), divmod(2 ** 47, -7), -(2 ** 47) // -1, (-(2 ** 63)) // -1)
