d: dict[str, int] = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), "a" in d, "z" not in d)
print(d.get("a"), d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d)
print(d.setdefault("e", 5), d.setdefault("a", 100), d)
d.update({"f": 6, "a": 10})
print(d)
e = dict(d)
e.clear()
print(e, d == {"a": 10, "c": 3, "e": 5, "f": 6})
counts: dict[str, int] = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
try:
    print(d["missing"])
except KeyError as ex:
    print("KeyError", ex)
nested: dict[str, list[int]] = {"x": [1], "y": []}
nested["y"].append(7)
print(nested, {k: len(v) for k, v in nested.items()})
print(d["zz"])
