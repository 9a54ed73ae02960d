# Pins undefined-name: reported at the use of the name.


def area(width: int, height: int) -> int:
    return width * heigth  # error: [undefined-name]


def greet(name: str) -> str:
    message = f"hello {name}"
    return mesage  # error: [undefined-name]


print(totl)  # error: [undefined-name]
