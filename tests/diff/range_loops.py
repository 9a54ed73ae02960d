for i in range(5):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(-5, 5, 2):
    print(i, end=" ")
print()
for i in range(3, 3):
    print("never")
else:
    print("empty else")
i = -1  # a loop may run zero times: Molt asks for the binding (possibly-unbound)
for i in range(10):
    if i == 4:
        break
else:
    print("not printed")
print("broke at", i)
total = 0
for i in range(100):
    if i % 3:
        continue
    total += i
print(total)
n = 7
step = -2
for j in range(n, -n, step):
    print(j, end=",")
print()
try:
    for k in range(0, 10, 0):
        print(k)
except ValueError as e:
    print("ValueError:", e)
print(list(range(0, 20, 7)), len(range(1, 100, 9)), 5 in range(0, 10, 5))
