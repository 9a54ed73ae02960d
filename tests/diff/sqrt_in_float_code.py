# math.sqrt of a float used as a float (inside arithmetic, assigned to a
# float) is the sqrt instruction; negative and NaN inputs still go to the
# runtime: ValueError, nan.
import math


def norm(xs: list[float]) -> float:
    s = 0.0
    for x in xs:
        s += x * x
    return math.sqrt(s)


def mag(d2: float, dt: float) -> float:
    return dt / (d2 * math.sqrt(d2))


def safe(x: float) -> float:
    try:
        r: float = math.sqrt(x) + 1.0
        return r
    except ValueError as e:
        print("ValueError:", e)
        return -1.0


print(norm([3.0, 4.0]), norm([]), norm([1e200, 1e200]))
print(mag(4.0, 0.01), mag(1e-100, 1.0))
print(safe(2.25), safe(-0.0), safe(float("inf")), safe(-1.0), safe(-float("inf")))
n = safe(float("nan"))
print(n != n, math.sqrt(float("nan")) != math.sqrt(float("nan")))
acc = 0.0
for i in range(1000):
    acc += math.sqrt(float(i)) * 0.5
print(f"{acc:.6f}")
try:
    print(mag(0.0, 1.0))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
