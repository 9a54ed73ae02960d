# molt-test: suggestions
# Pins undeclared-field: fields assigned in methods but not declared in the
# class body; the note sits on the first assignment.


class Counter:
    label: str

    def __init__(self, label: str, start: int) -> None:
        self.label = label
        self.count = start  # note: [undeclared-field]
        self.history: list[int] = []

    def bump(self) -> None:
        self.count += 1
        self.last = self.count  # note: [undeclared-field]


c = Counter("c", 1)
c.bump()
print(c.label, c.count, c.last, c.history)
