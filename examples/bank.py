"""A tiny bank: an account hierarchy with single inheritance.

`SavingsAccount` and `CheckingAccount` extend `Account`, call
`super().__init__`, and override `withdraw` and `month_end`. Failures are
custom exception classes; transfers use try/except/finally so the audit
trail is written whether or not the transfer succeeds.
"""

from __future__ import annotations


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account_id: int, amount: int, available: int) -> None:
        super().__init__(f"account {account_id}: cannot withdraw {amount}, only {available} available")
        self.shortfall = amount - available


class AccountFrozen(BankError):
    pass


class Account:
    kind: str = "basic"

    def __init__(self, account_id: int, owner: str, balance: int = 0) -> None:
        self.account_id = account_id
        self.owner = owner
        self.balance = balance  # in cents
        self.frozen = False
        self.history: list[int] = []

    def deposit(self, amount: int) -> None:
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self._check_open()
        self.balance += amount
        self.history.append(amount)

    def withdraw(self, amount: int) -> None:
        self._check_open()
        if amount > self.balance:
            raise InsufficientFunds(self.account_id, amount, self.balance)
        self.balance -= amount
        self.history.append(-amount)

    def month_end(self) -> None:
        pass

    def _check_open(self) -> None:
        if self.frozen:
            raise AccountFrozen(f"account {self.account_id} is frozen")

    def describe(self) -> str:
        return f"#{self.account_id} {self.kind:<8} {self.owner:<6} {format_cents(self.balance):>10}"


class SavingsAccount(Account):
    kind: str = "savings"

    def __init__(self, account_id: int, owner: str, balance: int, rate_percent: float) -> None:
        super().__init__(account_id, owner, balance)
        self.rate_percent = rate_percent
        self.withdrawals_this_month = 0

    def withdraw(self, amount: int) -> None:
        if self.withdrawals_this_month >= 2:
            raise BankError(f"account {self.account_id}: withdrawal limit reached")
        super().withdraw(amount)
        self.withdrawals_this_month += 1

    def month_end(self) -> None:
        interest = int(self.balance * self.rate_percent / 100 / 12)
        if interest > 0:
            self.deposit(interest)
        self.withdrawals_this_month = 0


class CheckingAccount(Account):
    kind: str = "checking"

    def __init__(self, account_id: int, owner: str, balance: int, overdraft: int) -> None:
        Account.__init__(self, account_id, owner, balance)
        self.overdraft = overdraft

    def withdraw(self, amount: int) -> None:
        self._check_open()
        if amount > self.balance + self.overdraft:
            raise InsufficientFunds(self.account_id, amount, self.balance + self.overdraft)
        self.balance -= amount
        self.history.append(-amount)

    def month_end(self) -> None:
        if self.balance < 0:
            fee = 500
            self.balance -= fee
            self.history.append(-fee)


def format_cents(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole:,}.{rest:02d}"


class Bank:
    def __init__(self) -> None:
        self.accounts: dict[int, Account] = {}
        self.audit: list[str] = []

    def open(self, account: Account) -> Account:
        self.accounts[account.account_id] = account
        return account

    def transfer(self, source: int, target: int, amount: int) -> bool:
        ok = False
        try:
            self.accounts[source].withdraw(amount)
            try:
                self.accounts[target].deposit(amount)
            except BankError:
                # Roll the withdrawal back so that no money disappears.
                self.accounts[source].balance += amount
                self.accounts[source].history.append(amount)
                raise
            ok = True
        except InsufficientFunds as err:
            print(f"  transfer failed: {err} (short {format_cents(err.shortfall)})")
        except BankError as err:
            print(f"  transfer failed: {err}")
        finally:
            status = "ok" if ok else "failed"
            self.audit.append(f"{source}->{target} {format_cents(amount)} {status}")
        return ok

    def month_end(self) -> None:
        for account in self.accounts.values():
            account.month_end()

    def total(self) -> int:
        return sum([a.balance for a in self.accounts.values()])


def main() -> None:
    bank = Bank()
    bank.open(Account(1, "ada", 10_000))
    bank.open(SavingsAccount(2, "grace", 250_000, 3.5))
    bank.open(CheckingAccount(3, "linus", 5_000, overdraft=20_000))

    print("transfers:")
    bank.transfer(1, 2, 2_500)
    bank.transfer(2, 3, 1_000)
    bank.transfer(2, 1, 1_000)
    bank.transfer(2, 1, 1_000)
    bank.transfer(3, 1, 30_000)
    bank.transfer(3, 1, 24_000)
    bank.accounts[1].frozen = True
    bank.transfer(3, 1, 100)
    bank.accounts[1].frozen = False
    try:
        bank.accounts[1].deposit(-5)
    except ValueError as err:
        print(f"  rejected: {err}")

    bank.month_end()
    print("after month end:")
    for account in bank.accounts.values():
        print(f"  {account.describe()}")
        if isinstance(account, SavingsAccount):
            print(f"    rate {account.rate_percent}%, history {account.history}")
    print(f"total held: {format_cents(bank.total())}")
    print(f"audit entries: {len(bank.audit)}, failures: {len([a for a in bank.audit if a.endswith('failed')])}")


if __name__ == "__main__":
    main()
