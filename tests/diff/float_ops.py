# floats are unboxed doubles; repr must match CPython
x: float = 0.1
y: float = 0.2
print(x + y, x * 3, 1.0 / 3.0, 2.5 * 4, -0.0, 1e300 * 10)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(3 / 2, 1 / 3, 10 / 5, 2 ** 0.5)
z = 1e-7
print(z, 1e16, 1e22, 123456789.125, 0.5 + 1)
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, total < 1.0)
print(round(2.675, 2), round(3.5), round(-2.5), abs(-1.5), float("1.25"))
