# Pins not-callable: reported at the call of a value that is not callable.

x = 5
x()  # error: [not-callable]


def shout(name: str) -> str:
    return name()  # error: [not-callable]
