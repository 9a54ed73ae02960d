# crossing the 48-bit small-int boundary must give big integers, never wrong answers
big: int = 140737488355327
print(big + 1, big * 2, -big - 2, big * big)
x = 1
for i in range(70):
    x = x * 3
print(x, x // 7, x % 1000003, -x // 11)
y = x - x + 5
print(y, y + 1, y == 5, x > big, -x < -big)
f = 1
n = 1
while n <= 30:
    f *= n
    n += 1
print(f)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(2 ** 64, 2 ** 64 // 3, (2 ** 64) % 7)
