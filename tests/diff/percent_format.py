name = "x"
n = 3
print("%s has %d items, %.2f" % (name, n, 1.5))
print("%5d|" % n)
