# int(s, base) with bases at and past the edges: a base that does not fit 32
# bits must be a ValueError, not silently truncated to a small base.
for b in [0, 2, 16, 36]:
    print(b, int("10", b))
for b in [1, 37, -1, 2**32 + 16, -(2**32) + 16]:
    try:
        print(int("10", b))
    except ValueError as e:
        print("ValueError", e)
print(int("  ff ", 16), int("0x1F", 0), int("-0b101", 0))
