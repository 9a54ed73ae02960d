# Pins syntax-error for a compound statement with no indented body: the
# grammar accepts the bare header (so half-typed code parses), CPython raises
# IndentationError. Reported at the header's keyword; a comment is no body.


def sign(x: int) -> int:
    if x > 0:  # error: [syntax-error]
        # positive
    return x


for i in range(2):
    print(i)
else:  # error: [syntax-error]
print("done")

try:
    print(sign(1))
except ValueError as e:  # error: [syntax-error]
print("after")


class Empty:  # error: [syntax-error]
x = 1
