# Pins class-mutated: assigning an attribute that the class body defines,
# through the class, is reported at the assignment target.


class Retry:
    attempts: int = 3
    delay = 0.5

    def __init__(self, name: str) -> None:
        self.name = name


def slow_down() -> None:
    Retry.delay = 2.0  # warning: [class-mutated]


Retry.attempts = 5  # warning: [class-mutated]
r = Retry("fetch")
r.attempts = 1
print(Retry.attempts, Retry.delay)
