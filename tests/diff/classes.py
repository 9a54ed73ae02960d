# structified classes: fixed-offset fields (float/bool raw, others boxed), direct method calls
class Point:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def move(self, dx: float, dy: float) -> None:
        self.x += dx
        self.y += dy

    def norm2(self) -> float:
        return self.x * self.x + self.y * self.y


class Counter:
    def __init__(self, name: str) -> None:
        self.name = name
        self.count = 0
        self.active = True
        self.items: list[int] = []

    def add(self, n: int) -> int:
        self.count += n
        self.items.append(n)
        if self.count > 10:
            self.active = False
        return self.count


class Labeled(Point):
    def __init__(self, x: float, y: float, label: str) -> None:
        self.x = x
        self.y = y
        self.label = label

    def describe(self) -> str:
        return f"{self.label}@({self.x}, {self.y})"


p = Point(1.0, 2.0)
p.move(0.5, -1.0)
print(p.x, p.y, p.norm2())
c = Counter("c")
for i in range(6):
    c.add(i)
print(c.name, c.count, c.active, c.items)
c.name = c.name + "!"
print(c.name)
q = Labeled(3.0, 4.0, "q")
q.move(1.0, 1.0)
print(q.describe(), q.norm2())
big = Counter("big")
big.add(2 ** 70)
print(big.count, big.active)
pts = [Point(float(i), 0.5) for i in range(3)]
print(len(pts), pts[0].x)
