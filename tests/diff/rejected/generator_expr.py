# A generator expression kept as a value is lazy in CPython; Molt only
# lowers one that a builtin consumes on the spot (tests/diff/generator_args.py).
squares = (i * i for i in range(5))
print(sum(squares))
