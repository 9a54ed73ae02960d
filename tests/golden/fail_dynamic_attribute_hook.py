# Pins dynamic-attribute-hook: a class that defines `__getattr__`,
# `__getattribute__`, `__setattr__` or `__delattr__` is reported at the name
# in the `def` line, once per hook.


class Defaults:
    def __init__(self) -> None:
        self.width = 80

    def __getattr__(self, name: str) -> int:  # warning: [dynamic-attribute-hook]
        return 0


class Frozen:
    def __init__(self, key: str) -> None:
        self.key = key

    def __setattr__(self, name: str, value: str) -> None:  # warning: [dynamic-attribute-hook]
        raise AttributeError(name)

    def __delattr__(self, name: str) -> None:  # warning: [dynamic-attribute-hook]
        raise AttributeError(name)
