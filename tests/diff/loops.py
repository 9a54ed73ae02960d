# while/for with break/continue/else, counted range loops
for i in range(5):
    if i == 1:
        continue
    if i == 4:
        break
    print("i", i)
else:
    print("not reached")
j = -1  # a loop may run zero times: Molt asks for the binding (possibly-unbound)
for j in range(3):
    pass
else:
    print("for-else", j)
k = 0
while k < 10:
    k += 3
else:
    print("while-else", k)
for a in range(10, 0, -3):
    print(a, end=",")
print()
for b in range(2, 12, 4):
    print(b, end=";")
print()
step = -2
for c in range(5, -5, step):
    print(c, end=" ")
print()
total = 0
for x in range(3):
    for y in range(3):
        if y > x:
            break
        total += x * 10 + y
print(total)
for e in range(0):
    print("never")
