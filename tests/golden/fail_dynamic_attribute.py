# Pins dynamic-attribute: `getattr`, `setattr` and `delattr` with a name that
# is not a constant string are reported at the call. A constant name is an
# ordinary attribute access and is allowed.


class Settings:
    def __init__(self) -> None:
        self.debug = False
        self.level = 1


def read(s: Settings, name: str) -> bool:
    return getattr(s, name)  # error: [dynamic-attribute]


def write(s: Settings, name: str, value: int) -> None:
    setattr(s, name, value)  # error: [dynamic-attribute]


def drop(s: Settings, name: str) -> None:
    delattr(s, name)  # error: [dynamic-attribute]


level = getattr(Settings(), "level")
