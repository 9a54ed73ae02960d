# Counted range loops: small-int bounds (the fast version), bounds past
# 2**47, steps that would overflow 64 bits, negative and computed steps,
# break/continue/else, and loop variables used after the loop.
def collect(a: int, b: int, c: int) -> list[int]:
    out: list[int] = []
    for i in range(a, b, c):
        out.append(i)
    return out


print(collect(0, 10, 3), collect(10, 0, -3), collect(5, 5, 1), collect(0, 1, 2 ** 62))
print(collect(2 ** 63 - 7, 2 ** 63 - 1, 3), collect(-(2 ** 63) + 6, -(2 ** 63), -3))
print(collect(2 ** 63 - 3, 2 ** 63 - 1, 1), collect(-(2 ** 62), -(2 ** 63) + 1, -(2 ** 62)))
print(collect(2 ** 47 - 2, 2 ** 47 + 2, 1), collect(-(2 ** 47) + 1, -(2 ** 47) - 2, -1))
print(collect(0, 2 ** 62, 2 ** 61), collect(0, 100, 2 ** 47))
total = 0
i = -1  # a loop may run zero times: Molt asks for the binding (possibly-unbound)
for i in range(1000):
    if i % 7 == 0:
        continue
    if i > 900:
        break
    total += i
else:
    total = -1
print(total, i)
j = -1
for j in range(3):
    pass
else:
    print("else", j)
k = 0
for k in range(0):
    k = 99
print(k)
n = 5
acc: list[int] = []
for i in range(n):
    for j in range(i, n, 2):
        acc.append(i * 10 + j)
print(acc)
try:
    for i in range(0, 10, 0):
        print(i)
except ValueError as e:
    print("ValueError", e)
