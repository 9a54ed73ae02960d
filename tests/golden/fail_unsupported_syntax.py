# Pins unsupported-syntax: valid Python outside Molt's subset is reported once
# per construct, at the line where the construct starts, and nothing inside it
# is checked further.

values: list[int] = [1, 2, 3]

command = "go"
match command:  # error: [unsupported-syntax]
    case "go":
        print("moving")
    case _:
        print("unknown")


async def fetch(url: str) -> str:  # error: [unsupported-syntax]
    return url


if (count := len(values)) > 2:  # error: [unsupported-syntax]
    print("many")
