name = "x"
n = 3
print("%s has %d items, %.2f" % (name, n, 1.5))
print("%5d|" % n)
print("%.*f|%.*s|%*.*d|%-*.*f|" % (-1, 2.5, 2, "abc", 5, 3, 7, 8, 1, 2.25))  # precision from the arguments
try:
    print("%.*5d" % (2, 3))  # digits after `.*` are not part of the precision
except ValueError as e:
    print("ValueError", e)
