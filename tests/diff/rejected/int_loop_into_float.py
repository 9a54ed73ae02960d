# An int iterated into a float variable stays an int in CPython (prints 2).
z: float = 0.0
for z in [1, 2]:
    pass
print(z)
