def greet(name: str, greeting: str = "hello", punct: str = "!", times: int = 1) -> str:
    return " ".join([f"{greeting}, {name}{punct}"] * times)


def area(w: float, h: float = 2.0) -> float:
    return w * h


def clamp(x: int, lo: int = 0, hi: int = 10) -> int:
    return max(lo, min(hi, x))


print(greet("ann"))
print(greet("bob", "hi"))
print(greet("cy", punct="?"))
print(greet(times=2, name="dee", greeting="yo"))
print(area(3.0), area(3.0, 0.5), area(h=4.0, w=1.5))
print(clamp(-5), clamp(50), clamp(5, hi=3), clamp(x=7, lo=8))
print(clamp(-5, -10, -1), clamp(lo=-3, hi=-2, x=0))
