# With key=, CPython calls the key between the generator's elements; a list
# built first would call it after all of them (visible here): refused.
def k(x: int) -> int:
    print("key", x)
    return -x


def v(x: int) -> int:
    print("elt", x)
    return x


print(max((v(x) for x in range(3)), key=k))
