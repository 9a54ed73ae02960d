# Pins metaclass: a class with a metaclass or any other class keyword is
# reported at the `class` line.


class Plugin(metaclass=type):  # error: [metaclass]
    name: str = "base"


class Base:
    pass


class Tagged(Base, tag="x"):  # error: [metaclass]
    pass
