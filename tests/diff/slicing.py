xs: list[int] = list(range(12))
s = "molt compiler"
t: tuple[int, ...] = (1, 2, 3, 4, 5)
print(xs[2:5], xs[:3], xs[9:], xs[::3], xs[::-1], xs[-4:-1], xs[10:2:-2])
print(xs[100:], xs[-100:2], xs[5:5])
print(s[:4], s[5:], s[::-1], s[1::2], s[-3:], s[3:1])
print(t[1:3], t[::-2], t[:0])
ys = xs[:]
ys[2:4] = [20, 30, 40]
print(ys, len(ys))
ys[::2] = [0] * len(ys[::2])
print(ys)
n = 3
print(xs[n:n * 2], s[n - 1:n + 1], xs[-n:])
