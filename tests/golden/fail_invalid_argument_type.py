# Pins invalid-argument-type: reported at the argument expression, which is
# not always on the line of the call.


def repeat(text: str, times: int) -> str:
    return text * times


repeat("ab", "3")  # error: [invalid-argument-type]
repeat(3, 2)  # error: [invalid-argument-type]
repeat(
    "ab",
    "three",  # error: [invalid-argument-type]
)
repeat("ab", 3)
