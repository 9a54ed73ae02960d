# CPython evaluates sum's start after the generator's first iterable and
# before its elements; the loop Molt builds would evaluate it first. Refused
# when the start has side effects.
def start() -> int:
    print("start")
    return 100


def elt(x: int) -> int:
    print("elt", x)
    return x


print(sum((elt(x) for x in range(3)), start()))
