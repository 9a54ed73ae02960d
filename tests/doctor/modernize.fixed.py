# Suggestions with safe fixes: builtin spellings, declared fields,
# attribute access instead of getattr, f-strings instead of `%`.
from typing import Dict, List


class Stock:
    name: str
    prices: list[float]

    def __init__(self, name: str, prices: list[float]) -> None:
        self.name = name
        self.prices = prices

    def mean(self) -> float:
        return sum(self.prices) / len(self.prices)


def report(stocks: list[Stock]) -> dict[str, float]:
    out: dict[str, float] = {}
    for s in stocks:
        out[s.name] = s.mean()
    return out


def main() -> None:
    stocks = [Stock("abc", [1.0, 2.5, 3.0]), Stock("xyz", [10.0, 9.5])]
    for name, mean in sorted(report(stocks).items()):
        print(f"{name:<5} {mean:8.3f}")
    print(f'{len(stocks):d} stocks, {"done"}')


main()
