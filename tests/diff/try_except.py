# try/except/else with builtin exceptions, `as` binding, nested handlers
def safe_div(a: int, b: int) -> int:
    try:
        return a // b
    except ZeroDivisionError:
        return -1


def parse(s: str) -> int:
    try:
        v = int(s)
    except ValueError as e:
        print("bad:", e)
        return 0
    else:
        print("parsed", v)
    return v


print(safe_div(7, 2), safe_div(1, 0))
print(parse("12"), parse("x1"))
xs = [1, 2, 3]
for i in range(5):
    try:
        print(xs[i])
    except (IndexError, KeyError) as err:
        print("index", i, "failed:", err)
        break
d = {"a": 1}
try:
    print(d["b"])
except LookupError as e2:
    print("lookup", repr(e2))
try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("not here")
except ValueError as e3:
    print("outer caught", e3)
try:
    print(1 / 0)
except ZeroDivisionError:
    print("handled")
    xs[10] = 1
