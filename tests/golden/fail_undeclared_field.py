# molt-test: suggestions
# Pins undeclared-field: fields assigned in methods but not declared in the
# class body; one note per class, on its name, lists them all.


class Counter:  # note: [undeclared-field]
    label: str

    def __init__(self, label: str, start: int) -> None:
        self.label = label
        self.count = start
        self.history: list[int] = []

    def bump(self) -> None:
        self.count += 1
        self.last = self.count


c = Counter("c", 1)
c.bump()
print(c.label, c.count, c.last, c.history)
