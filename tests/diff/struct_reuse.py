# Struct instances with only float/bool fields are recycled after they die;
# every new instance must start from its __init__ values.
class Vec:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y
        self.live = True

    def norm2(self) -> float:
        return self.x * self.x + self.y * self.y


class Holder:
    def __init__(self, v: Vec, name: str) -> None:
        self.v = v
        self.name = name


def churn(n: int) -> float:
    total = 0.0
    for i in range(n):
        v = Vec(float(i), -1.0)
        total += v.norm2()
        if not v.live:
            total = -1.0
    return total


print(churn(10000))
keep: list[Vec] = []
for i in range(5):
    keep.append(Vec(float(i), float(i * 2)))
for i in range(100):
    tmp = Vec(0.0, 0.0)
    tmp.live = False
hs = [Holder(v, "h" + str(k)) for k, v in enumerate(keep)]
for h in hs:
    print(h.name, h.v.x, h.v.y, h.v.live, h.v.norm2())
a = Vec(1.0, 2.0)
b = a
a = Vec(3.0, 4.0)
print(b.x, b.y, a.x, a.y)
