# Pins syntax-error: reported where the erroneous region starts. `return`
# outside a function and `break` outside a loop are syntax errors too, because
# CPython rejects them at compile time. This file is deliberately not valid
# Python, and syntax-error cannot be suppressed.


def increment(n: int) -> int:
    return n + 1


return 0  # error: [syntax-error]

for i in range(3):
    print(i)
break  # error: [syntax-error]


def broken(:  # error: [syntax-error]
    return 1
