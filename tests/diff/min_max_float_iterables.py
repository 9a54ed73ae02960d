# min/max over an iterable of floats (its items are floats, so the result is).
xs = [abs(p - q) for p, q in zip([1.5, 2.0, 9.25], [0.5, 4.0, 3.0])]
print(max(xs), min(xs), max([0.1, 0.2]), min((3.5, -1.25)))
ys: list[float] = []
for i in range(4):
    ys.append(i * 0.5)
print(max(ys), min(ys), max(ys, default=0.0))
