# sample.py - reference for sample.c, a hand-lowered "compiled program"
# that exercises the runtime the way generated code will.
import math

text = "the quick brown fox jumps over the lazy dog the fox"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for w, c in items[:3]:
    print(f"{w:>6}: {c}")
nums = [x * x for x in range(10) if x % 2]
print(nums, sum(nums), max(nums), 2 ** 100 // 7, -7 // 2, -7 % 2)
print({1, 2, 3} | {100, 5}, round(2.675, 2), 1e16, 0.1 + 0.2)
s = set()
for i in range(20, 0, -3):
    s.add(i * 7)
print(s)
try:
    d = {"a": 1}
    d["b"]
except KeyError as e:
    print("KeyError", e)
print(math.sqrt(2), math.factorial(25), "%5.2f|%-4s|%x" % (3.14159, "ab", 255))
print("done", end="!\n", sep="")
x = [1, 2, 3]
x.append(x)
print(x)
try:
    1 / 0
except ZeroDivisionError:
    int("oops")
