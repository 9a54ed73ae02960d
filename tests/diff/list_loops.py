# `for x in <list>` walks the list by index inline: nested loops, break,
# continue, return and exceptions out of the body, rebinding the loop's list,
# and lists changed while they are iterated must all behave like CPython.
def total_until(xs: list[int], stop: int) -> int:
    t = 0
    for x in xs:
        if x == stop:
            return t
        if x % 2 == 0:
            continue
        t += x
    return -t


def pairs(a: list[str], b: list[str]) -> list[str]:
    out: list[str] = []
    for x in a:
        for y in b:
            if y == x:
                break
            out.append(x + y)
    return out


def first_bad(xs: list[int]) -> int:
    found = 0
    for x in xs:
        try:
            if x < 0:
                raise ValueError("negative: " + str(x))
        except ValueError as e:
            print("caught", e)
            found = x
        finally:
            print("checked", x)
        if found != 0:
            return found
    return 0


def parse_all(xs: list[str]) -> int:
    total = 0
    for x in xs:
        try:
            total += int(x)
        except ValueError:
            return -total
    return total


print(total_until([1, 2, 3, 4, 5], 4), total_until([1, 3, 5], 9))
print(parse_all(["1", "2", "x", "4"]), parse_all(["5", "6"]))
print(pairs(["a", "b", "c"], ["x", "b", "y"]))
print(first_bad([3, 1, -2, 5]), first_bad([]))

xs = [1, 2, 3]
n = 0
for x in xs:
    xs = [10, 20]  # rebinding the name does not change what is iterated
    n += x
print(n, xs)

grow = [1]
for g in grow:
    if len(grow) < 5:
        grow.append(g * 2)
print(grow)

shrink = [1, 2, 3, 4, 5, 6]
seen: list[int] = []
for s in shrink:
    seen.append(s)
    if shrink:
        shrink.remove(s)
print(seen, shrink)

matrix = [[1, 2], [3, 4], [5, 6]]
flat: list[int] = []
for row in matrix:
    for v in row:
        flat.append(v * v)
print(flat, sum(flat))
for row in matrix:
    row.append(len(row))
print(matrix)

words = "a bb ccc bb a".split()
lengths = {w: len(w) for w in words}
print(lengths, [w.upper() for w in words if len(w) > 1])
acc = ""
for w in words:
    acc += w
else:
    acc += "!"
print(acc)
for w in []:
    print("never")
else:
    print("empty else")


def boom(xs: list[int]) -> int:
    for x in xs:
        if x == 0:
            return 1 // x
    return 0


try:
    boom([3, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
for item in [None, "s", None, "t"]:
    print(repr(item))
boom([1, 2, 0])
