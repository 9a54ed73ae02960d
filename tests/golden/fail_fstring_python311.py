# Pins syntax-error for f-strings CPython 3.11 (the oracle) rejects and 3.12
# accepts (PEP 701): a replacement field that reuses the string's quote,
# holds a backslash or a comment, also in a field nested in a format spec.
# The fields that stay within 3.11's rules are clean.
count = 3
width = 5
table = {"k": 1}
print(f"{count:>{width}} {count!r} {'a'} {table['k']}")
print(f"""{'"'} {count}""")
print(f"{f'{count}'}")
print(f"{table["k"]}")  # error: [syntax-error]
print(f"{'\n'.join(['a', 'b'])}")  # error: [syntax-error]
print(f"{count:{"<"}5}")  # error: [syntax-error]
print(f"""{count  # error: [syntax-error]
}""")
