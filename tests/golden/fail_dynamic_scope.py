# Pins dynamic-scope: calls of `globals()`, `locals()` and `vars()` are
# reported at the call.


class Config:
    def __init__(self) -> None:
        self.debug = False


def show(limit: int) -> None:
    print(locals())  # error: [dynamic-scope]


globals()["answer"] = 42  # error: [dynamic-scope]
print(vars(Config()))  # error: [dynamic-scope]
