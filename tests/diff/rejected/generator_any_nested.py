# any() over a generator with two `for` clauses: not lowered yet.
print(any(i == j for i in range(3) for j in range(2)))
