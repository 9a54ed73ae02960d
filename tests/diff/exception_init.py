# User exceptions with an __init__: super().__init__(message) sets args (and
# so str(e)), attributes set in __init__ are read back in the handler;
# subclasses inherit the __init__; uncaught, the last line is CPython's.
class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account: int, amount: int, available: int) -> None:
        super().__init__(f"account {account}: cannot withdraw {amount}, only {available} available")
        self.shortfall = amount - available
        self.account = account


class Overdrawn(InsufficientFunds):
    pass


class Coded(Exception):
    code: int

    def __init__(self, code: int) -> None:
        super().__init__("code", code)
        self.code = code
        self.ratio = code / 4


def withdraw(balance: int, amount: int) -> int:
    if amount > balance:
        raise InsufficientFunds(7, amount, balance)
    return balance - amount


try:
    withdraw(10, 25)
except InsufficientFunds as e:
    print("caught:", e, "| shortfall", e.shortfall, "| account", e.account, "| args", e.args)
try:
    raise Overdrawn(1, 5, 2)
except BankError as e:
    print("Overdrawn", str(e), isinstance(e, InsufficientFunds))
try:
    raise Coded(42)
except Coded as c:
    print(c.code, c.ratio, c.args, repr(c))
errors: list[InsufficientFunds] = [InsufficientFunds(i, 10, i) for i in range(3)]
print([x.shortfall for x in errors])
raise InsufficientFunds(3, 100, 1)
