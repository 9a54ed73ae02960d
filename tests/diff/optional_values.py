def find(xs: list[str], target: str) -> int | None:
    for i, x in enumerate(xs):
        if x == target:
            return i
    return None


def describe(v: int | None) -> str:
    if v is None:
        return "missing"
    return f"at {v}"


names = ["a", "b", "c"]
print(describe(find(names, "b")), describe(find(names, "z")))
r = find(names, "c")
if r is not None:
    print(r + 1)
best: float | None = None
for v in [3.5, 1.25, 2.0]:
    if best is None or v < best:
        best = v
print(best)
