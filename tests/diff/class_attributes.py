# Class-body attributes: constants read through the class and through
# instances, annotated fields with a class-level default (shared until
# assigned, like CPython's fallback to the class attribute), inherited.
from typing import Final


def make_label() -> str:
    print("evaluated once, when the class is defined")
    return "acct"


class Account:
    RATE: Final = 0.05
    LIMIT = 1000
    kind: str = "basic"
    label: str = make_label()
    tags: list[str] = []
    balance: int = 0
    active: bool = True
    weight: float = 1.5

    def __init__(self, owner: str) -> None:
        self.owner = owner

    def interest(self) -> float:
        return self.balance * Account.RATE

    def describe(self) -> str:
        return f"{self.owner}:{self.kind}:{self.label}:{self.balance}:{self.active}:{self.weight}:{self.LIMIT}"


class Premium(Account):
    kind: str = "premium"

    def __init__(self, owner: str) -> None:
        super().__init__(owner)
        self.balance = 500


print("before accounts")
a = Account("ann")
b = Account("bob")
print(a.describe(), b.describe())
a.kind = "gold"
a.balance = 200
a.active = False
a.weight = 2.25
print(a.describe(), b.describe(), Account.kind, Account.LIMIT, Account.RATE)
a.tags.append("shared")
print(b.tags, Account.tags, a.tags is b.tags)
b.tags = ["own"]
print(a.tags, b.tags)
p = Premium("pia")
print(p.describe(), p.interest(), Premium.kind, Account.kind)
print(Account.label, Premium.label)
