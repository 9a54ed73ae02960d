# `Base.method(self, ...)` calls exactly that function (no dispatch), as in
# CPython, including `Base.__init__` from a subclass constructor.
class Account:
    def __init__(self, owner: str, balance: int) -> None:
        self.owner = owner
        self.balance = balance

    def describe(self) -> str:
        return f"{self.owner}: {self.balance}"


class Checking(Account):
    def __init__(self, owner: str, balance: int, overdraft: int) -> None:
        Account.__init__(self, owner, balance)
        self.overdraft = overdraft

    def describe(self) -> str:
        return Account.describe(self) + f" (+{self.overdraft})"


c = Checking("ann", 10, 5)
print(c.describe(), Account.describe(c))
a = Account("bob", balance=3)
print(Account.describe(a))
