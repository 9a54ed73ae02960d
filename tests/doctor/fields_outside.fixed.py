# A field added from outside the class: the unsafe fix declares it.
class Account:
    owner: str
    balance: float
    note: str

    def __init__(self, owner: str, balance: float) -> None:
        self.owner = owner
        self.balance = balance


def main() -> None:
    acct = Account("ada", 10.0)
    acct.note = "vip"
    print(acct.owner, acct.balance, acct.note)


main()
