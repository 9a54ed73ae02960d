# Pins unstructifiable-base: a subclass of a class that cannot be structified
# is reported at its first base expression, at every level of the hierarchy.
# The base's own cause (here `__getattr__`) is reported where it is.


class Lenient:
    def __getattr__(self, name: str) -> int:  # warning: [dynamic-attribute-hook]
        return 0


class Record(Lenient):  # warning: [unstructifiable-base]
    def __init__(self, key: str) -> None:
        self.key = key


class Entry(Record):  # warning: [unstructifiable-base]
    pass
