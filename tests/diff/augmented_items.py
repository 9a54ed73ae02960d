# `x[i] op= v` on a local list (codegen/lower_llvm.cpp augmentedItemSet): one
# bounds check serves the read and the write when nothing in `v` can change
# the list. Every way off that path must behave as the plain get-compute-set.


def ints(n: int) -> list[int]:
    xs = [0] * n
    for i in range(n):
        xs[i] += i * 3
        xs[i] -= 1
        xs[-1] += i
        xs[i] *= 2
        xs[i] //= 3
        xs[i] %= 1000
    return xs


def floats(n: int) -> list[float]:
    ys = [0.5] * n
    zs = [2.0] * n
    for j in range(n):
        ys[j] += zs[j] * j
        ys[j] -= ys[(j + 1) % n]
        ys[j] *= 1.5
        ys[j] /= 4.0
        ys[0] += ys[j]
    return ys


def overflow() -> list[int]:
    big = [2**47 - 2, -(2**47) + 2, 2**62, 5]
    for k in range(4):
        big[0] += 1
        big[1] -= 1
        big[2] *= 4
        big[3] += big[3]
    return big


def errors() -> list[str]:
    out: list[str] = []
    xs = [1, 2, 3]
    for i in [0, 2, 3, -1, -3, -4]:
        try:
            xs[i] += 10
            out.append(str(xs))
        except IndexError as e:
            out.append("IndexError " + str(e))
    fs = [1.0, 2.0]
    for d in [2.0, 0.0]:
        try:
            fs[0] += 1.0 / d
        except ZeroDivisionError as e:
            out.append("ZeroDivisionError " + str(e) + " " + str(fs))
    try:
        xs[1] += xs[5]
    except IndexError as e:
        out.append("rhs IndexError " + str(e) + " " + str(xs))
    return out


def same_item_twice(n: int) -> list[int]:
    xs = [1] * n
    for i in range(n):
        xs[i] += xs[i] + xs[i - 1]
    return xs


class Acc:
    def __init__(self) -> None:
        self.scale = 3

    def run(self, xs: list[int]) -> list[int]:
        for i in range(len(xs)):
            xs[i] += self.scale * i
        return xs


print(ints(10))
print(floats(6))
print(overflow())
print(errors())
print(same_item_twice(8))
print(Acc().run([1, 2, 3]))
grid = [[1, 2], [3, 4]]
grid[1][0] += 10
words = ["a", "b"]
words[0] += "z"
flags = [True, False]
flags[1] |= True
print(grid, words, flags)
