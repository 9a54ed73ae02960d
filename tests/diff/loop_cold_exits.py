# Two cold paths of hot loops leave the loop instead of rejoining it: an
# int + - * that overflows 48 bits (its result is a big int, so the raw
# loop hands over to the boxed one), and a list index out of range (it
# always raises IndexError). The loop must go on exactly as in CPython:
# the big int carries on, the exception is caught or ends the program.
def crossing_sum(start: int, n: int) -> int:
    total = start
    for i in range(n):
        total += i
    return total


def crossing_sub_mul(n: int) -> int:
    x = -140737488355000
    y = 3
    for i in range(n):
        x -= i
        y *= 7
    return x + y


def count_in_range(xs: list[int], idx: list[int]) -> int:
    hits = 0
    for k in idx:
        try:
            hits += xs[k]
        except IndexError as e:
            print("get", k, e)
    return hits


def store_in_range(xs: list[int], idx: list[int]) -> None:
    for k in idx:
        try:
            xs[k] = k
        except IndexError as e:
            print("set", k, e)
    print(xs)


def sieve_until(n: int, limit: int) -> int:
    flags = [True] * n
    count = 0
    for i in range(2, limit):
        if flags[i]:
            count += 1
            for j in range(i * i, limit, i):
                flags[j] = False
    return count


print(crossing_sum(140737488355000, 1000))
print(crossing_sum(-140737488355328, 5))
print(crossing_sub_mul(40))
print(count_in_range([10, 20, 30], [0, 2, 3, -1, -3, -4, 1]))
store_in_range([0, 0, 0], [2, 5, -3, -4, 0])
print(sieve_until(100, 100))
try:
    print(sieve_until(100, 101))
except IndexError as e:
    print("sieve", e)
print(sieve_until(50, 120))
