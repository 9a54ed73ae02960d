# big-integer edge cases around the 48-bit small-int boundary and 64-bit limits
edges = [140737488355327, 140737488355328, -140737488355328, -140737488355329,
         9223372036854775807, -9223372036854775808, 2 ** 100]
for a in edges:
    print(a, a + 1, a - 1, -a, a * 3, a // 7, a % 7, a // -7, a % -7, a == a + 0, a < a + 1)
m = -140737488355328
print(m // -1, m * -1, -m, abs(m), m % -1)
x = 1 << 47
print(x, x - 1, (x - 1) & 0xFFFF, x | 1, x ^ x, x >> 40, hex(x), bin(x - 1)[-5:])
print(10 ** 30 // 10 ** 15, 10 ** 30 % 999, -(10 ** 20) // 3, divmod(-(10 ** 20), 7))
print(str(2 ** 200)[:20], len(str(3 ** 500)), int("123456789012345678901234567890") + 1)
