# An int key stored into dict[float, ...] stays an int in CPython (prints 2).
d: dict[float, str] = {}
d[2] = "x"
for k in d:
    print(k)
