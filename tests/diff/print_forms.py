
print()
print("a", 1, 2.0, True, None)
print("no newline", end="")
print(" continued")
print(1, 2, 3, sep=", ", end=".\n")
print([1.5, 2.0], ["two"], [[None]], (1,), {"k": (2, 3)}, set())
print("", "", sep="|")
print(repr("tab\there"), "tab\there", "quote's", 'dq"', "back\\slash")
