from typing import Callable

words: list[str] = ["pear", "fig", "banana", "kiwi", "apple"]
print(sorted(words, key=lambda w: len(w)))
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
print(min(words, key=lambda w: w[-1]))
print(max(words, key=lambda w: len(w)))
print(max([3, 1, 2], key=lambda x: -x))
empty: list[int] = []
print(min(empty, key=lambda x: x, default=-1))
nums: list[int] = [5, -3, 2, -8, 7]
nums = sorted(nums, key=lambda n: abs(n))
print(nums)
print(list(map(lambda x: x * x, nums)))
print(list(filter(lambda x: x > 0, nums)))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
square: Callable[[int], int] = lambda x: x * x
print(square(12), square(2 ** 40))
half: Callable[[float], float] = lambda x: x / 2
print(half(3.0), half(5.0))  # an int argument would be refused: rejected/callable_int_to_float.py
pos: Callable[[int], bool] = lambda x: x > 0
print(pos(3), pos(-3))
scale = 3


def apply(f: Callable[[int], int], v: int) -> int:
    return f(v)


print(apply(lambda v: v * scale, 7))
print(apply(square, 9))


def by_distance(xs: list[int], target: int) -> list[int]:
    return sorted(xs, key=lambda x: abs(x - target))


def closest(pts: list[tuple[float, float]], cx: float, cy: float) -> tuple[float, float]:
    return min(pts, key=lambda p: (p[0] - cx) ** 2 + (p[1] - cy) ** 2)


print(by_distance([1, 5, 9, 12, 20], 10))
print(closest([(0.0, 0.0), (3.0, 4.0), (1.5, 1.0)], 2.0, 1.0))
pairs: list[tuple[str, int]] = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(pairs, key=lambda p: (-p[1], p[0])))
d: dict[str, int] = {"x": 3, "y": 1, "z": 2}
print(sorted(d, key=lambda k: d[k]))
print(sorted(d.items(), key=lambda kv: kv[1], reverse=True))
