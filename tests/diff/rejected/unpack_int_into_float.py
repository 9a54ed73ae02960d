# An int unpacked into a float container slot: CPython keeps the int, a
# native float slot would not, so `molt build` refuses it.
xs = [1.0, 2.0]
xs[0], xs[1] = 3, 4.0
print(xs)
