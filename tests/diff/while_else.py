n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
i = 0
while i < 10:
    i += 1
    if i == 20:
        break
else:
    print("loop ended normally", i)
i = 0
while True:
    i += 3
    if i > 10:
        break
print(i)
found = -1
xs: list[int] = [4, 8, 15, 16, 23, 42]
k = 0
while k < len(xs):
    if xs[k] > 15:
        found = xs[k]
        break
    k += 1
else:
    print("none")
print(found)
