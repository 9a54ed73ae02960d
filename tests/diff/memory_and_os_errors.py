# Requests too large to satisfy raise MemoryError (refused before allocating,
# past 1 TiB), and opening a directory raises IsADirectoryError, as in CPython.
def grow(n: int) -> int:
    return len("a" * n)


try:
    print(grow(2 ** 62))
except MemoryError as e:
    print("MemoryError", repr(str(e)), repr(e), e.args)
try:
    xs = [0] * (2 ** 62)
    print(len(xs))
except MemoryError:
    print("MemoryError again")
try:
    open(".")
except IsADirectoryError as e:
    print("IsADirectoryError", e)
print(grow(3))
