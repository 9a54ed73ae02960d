# An int unpacked into a float variable stays an int in CPython (prints 1).
x: float
y: int
x, y = 1, 2
print(x, y)
