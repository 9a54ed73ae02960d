# Pins dynamic-base: a base class given by an expression that is not a class
# known at compile time is reported at that expression.

DEBUG = False


class Fast:
    retries: int = 0


class Traced:
    retries: int = 3


BACKENDS = {"fast": Fast}


class Worker(Traced if DEBUG else Fast):  # error: [dynamic-base]
    pass


class Job(BACKENDS["fast"]):  # error: [dynamic-base]
    pass
