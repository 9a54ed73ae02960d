# Pins invalid-return-type: reported at the returned expression, or at a bare
# `return` in a function declared to return a value. `int / int` is `float`.


def count_words(text: str) -> int:
    return text.split()  # error: [invalid-return-type]


def ratio(a: int, b: int) -> int:
    return a / b  # error: [invalid-return-type]


def answer(flag: bool) -> int:
    if flag:
        return 42
    return  # error: [invalid-return-type]
