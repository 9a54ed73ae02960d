from typing import Callable

factor = 3
xs: list[int] = [4, -1, 7, 0, -8, 12]
print(list(map(lambda x: x * factor, xs)))
print(list(filter(lambda x: x % 2 == 0, xs)))
print(list(map(lambda a, b: a * b, xs, [1, 2, 3])))
words: list[str] = ["Alpha", "beta", "Gamma", "delta"]
print(list(map(lambda w: w.lower(), words)))
print(list(filter(lambda w: w[0].isupper(), words)))
print(sum(map(lambda x: x * x, xs)))
print(sorted(filter(lambda x: x > 0, xs), reverse=True))
ops: dict[str, Callable[[int, int], int]] = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
for name in sorted(ops):
    print(name, ops[name](6, 7))
for v in map(lambda x: x + 0.5, [1.0, 2.0]):
    print(v)
