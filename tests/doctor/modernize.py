# Suggestions with safe fixes: builtin spellings, declared fields,
# attribute access instead of getattr, f-strings instead of `%`.
from typing import Dict, List


class Stock:
    def __init__(self, name: str, prices: List[float]) -> None:
        self.name = name
        self.prices = prices

    def mean(self) -> float:
        return sum(self.prices) / len(self.prices)


def report(stocks: List[Stock]) -> Dict[str, float]:
    out: Dict[str, float] = {}
    for s in stocks:
        out[getattr(s, "name")] = s.mean()
    return out


def main() -> None:
    stocks = [Stock("abc", [1.0, 2.5, 3.0]), Stock("xyz", [10.0, 9.5])]
    for name, mean in sorted(report(stocks).items()):
        print("%-5s %8.3f" % (name, mean))
    print("%d stocks, %s" % (len(stocks), "done"))


main()
