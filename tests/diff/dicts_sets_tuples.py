# dict, set and tuple displays and methods via the runtime
d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] += 10
print(d, len(d), d["b"], d.get("z"), d.get("z", 0), "a" in d)
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "=", v)
print(list(d.keys()), list(d.values()), d.pop("b"), d)
s = {3, 1, 2}
s.add(5)
s.discard(1)
print(sorted(s), 2 in s, len(s))
t = (1, "two", 3.0)
print(t, t[1], len(t))
p, q = 7, 8
p, q = q, p
print(p, q)
a, b, c = t
print(a, b, c)
for i, ch in enumerate("xyz"):
    print(i, ch)
for n, m in zip([1, 2, 3], "ab"):
    print(n, m)
