# int arithmetic: small-int fast paths and their edges
a: int = 17
b: int = -5
print(a + b, a - b, a * b, a // b, a % b, -a // 3, -a % 3, a // -3, a % -3)
print(7 // 7, 0 // 5, -1 // 2, 1 % -2, -9 % 9)
print(a & 6, a | 8, a ^ 5, a << 3, a >> 2, ~a, -a, +a)
print(2 ** 10, 3 ** 0, (-2) ** 3)
print(abs(b), divmod(17, 5), divmod(-17, 5), pow(3, 4))
