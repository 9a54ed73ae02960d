# An int inside a container of floats stays an int in CPython (prints `1`);
# reading it through a `float` slot would print `1.0`, so it is refused.
xs: list[float] = [2.5]
xs.append(1)
print(xs[1])
