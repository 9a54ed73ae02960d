# lists through the runtime
xs = [3, 1, 4, 1, 5, 9, 2, 6]
xs.append(5)
print(xs, len(xs), xs[0], xs[-1], xs[2:5], xs[::2])
xs[0] = 10
xs[1] += 100
print(xs, xs.index(4), xs.count(1), 9 in xs)
ys = sorted(xs)
print(ys, sorted(xs, reverse=True), min(xs), max(xs), sum(xs))
ys.reverse()
print(ys, ys.pop(), ys.pop(0), ys)
zs: list[str] = []
zs.append("a")
zs.extend(["b", "c"])
zs.insert(0, "z")
zs.remove("b")
print(zs, zs + ["q"], zs * 2)
nested = [[1, 2], [3, 4]]
nested[1][0] = 30
print(nested, nested[1][0])
fl = [1.5, 2.5]
t = 0.0
for v in fl:
    t += v
print(t)
xs.sort()
print(xs)
