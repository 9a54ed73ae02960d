# Loops whose int locals run unboxed (codegen/int_regions.h): every way the
# speculative copy hands over to the boxed copy, and the values after it.


def grow(n: int) -> int:
    # overflows the small-int range part-way through, then keeps going boxed
    x = 1
    steps = 0
    while steps < n:
        x = x * 3 + steps
        steps += 1
    return x


def cross_back(start: int) -> list[int]:
    # crosses 2**47 upwards and back down: big ints in the boxed copy
    out: list[int] = []
    x = start
    for i in range(6):
        x += 1
        out.append(x)
    for i in range(6):
        x -= 1
        out.append(x)
    return out


def big_range(base: int) -> int:
    # range bounds that are not small ints: the loop runs boxed from the start
    total = 0
    last = 0
    for i in range(base, base + 4):
        total += i
        last = i
    return total + last


def nested_big_range(n: int, shift: int) -> int:
    # the inner loop's bounds are big: the outer loop's raw locals go along
    total = 0
    k = 0
    while k < n:
        k += 1
        total += k
        for i in range(k << shift, (k << shift) + 2):
            total += i >> shift
    return total * 100 + k


def big_param(x: int) -> int:
    # a big int already in a local when the loop starts
    n = 0
    while x > 10:
        x //= 1000
        n += 1
    return n * 1000 + x


def bool_in_int(flag: bool) -> int:
    k: int = flag
    total = 0
    for i in range(3):
        total += k
        k = i
    return total


def del_and_reassign(n: int) -> int:
    total = 0
    for i in range(n):
        t = i * 2
        total += t
        del t
        t = 7
        total += t
    return total


def caught_inside_try(limit: int) -> int:
    i = 0
    try:
        while True:
            i += 1
            if i == limit:
                raise ValueError("stop at " + str(i))
    except ValueError as e:
        print("caught", e, i)
    return i


def index_error_counter(xs: list[int]) -> int:
    i = 0
    total = 0
    try:
        while True:
            total += xs[i]
            i += 1
    except IndexError:
        pass
    return total * 100 + i


def break_after_leave(n: int) -> int:
    x = 2
    count = 0
    while True:
        x = x * x
        count += 1
        if count == n:
            break
    else:
        count = -1
    return count * 1000 + x % 997


def nested_leave(rows: int) -> list[int]:
    # the inner loop overflows in the middle of an outer iteration
    out: list[int] = []
    acc = 1
    for r in range(rows):
        for c in range(4):
            acc = acc * 1000003 + r + c
        out.append(acc % 1000)
    return out


def return_from_boxed(n: int) -> int:
    x = 1
    for i in range(n):
        x = x * 2 ** 20
        if i == 5:
            return x + i
    return -1


def comprehension_in_region(n: int, base: int) -> list[int]:
    out: list[int] = []
    i = 0
    while i < n:
        out += [j - base for j in range(base, base + i)]
        i += 1
    return out


def negative_division(n: int) -> list[int]:
    out: list[int] = []
    for i in range(-n, n):
        out.append(i // 3)
        out.append(i % 3)
        out.append(-i // 7)
    return out


def assigned_in_loop(n: int) -> int:
    # `last` is not assigned yet when the loop starts
    last: int
    while n > 0:
        last = n * n
        n -= 1
        if n < 2:
            break
    else:
        return 0
    return last + 1


def else_after_leave(n: int) -> int:
    x = 1
    for i in range(n):
        x *= 10 ** 8
    else:
        x += 1
    return x


def many_entries(rows: list[list[int]]) -> list[int]:
    # a region entered once per item of a for-over-list loop; some rows overflow
    out: list[int] = []
    for row in rows:
        s = 0
        for v in range(len(row)):
            s = s * 1000000 + row[v]
        out.append(s)
    return out


def raw_expressions(n: int) -> list[str]:
    # int operations on raw locals whose results overflow inside an
    # expression and are never stored raw
    out: list[str] = []
    i = 0
    while i < n:
        out.append(str(i * 2 ** 46 * 8))
        if i * 2 ** 45 > 2 ** 47:
            out.append("over")
        out.append(str(float(i * 2 ** 46) / 3.0))
        out.append(str(i - 2 ** 47 - 1))
        out.append(str((i + 1) * (i - 1) - i * i))
        out.append(str(i * 0.5 + i))
        out.append(str((i + 2 ** 30) * (i - 2 ** 20)) + " " + str((i + 2 ** 31) * (1 - i)) + " " + str((i - 2 ** 16) * (i + 2 ** 16)))
        out.append(str((i - 3) // 2) + " " + str((i - 3) % 2) + " " + str(7 // (i - 3 + (i == 3))))
        i += 1
    low = -(2 ** 47)
    k = 0
    while k < 2:
        low //= -1  # the one quotient of two small ints that is not small
        out.append(str(low))
        low = -low - 1 - k
        low = low % 1000003 - 2 ** 47
        k += 1
    return out


def zero_step(step: int) -> int:
    total = 0
    try:
        for i in range(0, 10, step):
            total += i
    except ValueError as e:
        print("ValueError:", e)
    return total


print(grow(10), grow(40), grow(80))
print(cross_back(2 ** 47 - 3))
print(cross_back(-(2 ** 47) + 2))
print(big_range(2 ** 60), big_range(2 ** 47 - 2), big_range(-5))
print(nested_big_range(3, 48), nested_big_range(3, 5))
print(big_param(10 ** 30), big_param(123456))
print(bool_in_int(True), bool_in_int(False))
print(del_and_reassign(5))
print(caught_inside_try(5))
print(index_error_counter([4, 5, 6]))
print(break_after_leave(3), break_after_leave(7))
print(nested_leave(4))
print(return_from_boxed(10))
print(comprehension_in_region(4, 2 ** 50))
print(negative_division(4))
print(assigned_in_loop(5))
print(else_after_leave(3))
print(many_entries([[1, 2], [999999, 999999, 999999, 999999], [], [3]]))
print(raw_expressions(6))
print(zero_step(3), zero_step(0))
