"""The Python side of the browser example (examples/browser).

`molt build --target wasm app.py -o app.wasm` compiles this file to a
wasm32-wasi module. The page (main.js) starts it once: the module body runs
and its prints fill the page's output panel. After that the page calls
`greet`, exported with `@molt.export`, each time the Greet button is pressed;
module state (the guest book) lives on between calls. Under CPython, with
runtime/python on PYTHONPATH, the same file runs as an ordinary script.
"""

from __future__ import annotations

from typing import Final

import molt

VOWELS: Final = "aeiou"


class Guestbook:
    """Every name greeted so far, in order."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def sign(self, name: str) -> int:
        self.names.append(name)
        return len(self.names)

    def seen(self, name: str) -> int:
        return len([other for other in self.names if other.lower() == name.lower()])


book = Guestbook()


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def describe(name: str) -> str:
    letters = [ch for ch in name if ch.isalpha()]
    vowels = [ch for ch in letters if ch.lower() in VOWELS]
    return f"{plural(len(letters), 'letter')}, {plural(len(vowels), 'vowel')}, backwards {name[::-1]!r}"


@molt.export
def greet(name: str) -> str:
    cleaned = " ".join(name.split())
    if cleaned == "":
        return "Hello, whoever you are! Type a name first."
    before = book.seen(cleaned)
    number = book.sign(cleaned)
    again = "" if before == 0 else f" (welcome back: visit {before + 1})"
    return f"Hello, {cleaned}! {describe(cleaned)}. You are guest #{number}{again}."


def primes_below(limit: int) -> list[int]:
    sieve = [True] * limit
    found: list[int] = []
    for n in range(2, limit):
        if sieve[n]:
            found.append(n)
            for multiple in range(n * n, limit, n):
                sieve[multiple] = False
    return found


def collatz(start: int) -> tuple[int, int]:
    """Steps for `start` to reach 1, and the highest value on the way."""
    n = start
    steps = 0
    peak = n
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        peak = max(peak, n)
        steps += 1
    return steps, peak


def main() -> None:
    print("Hello from Python, compiled by Molt to wasm32-wasi!")
    print(f"primes below 50: {' '.join([str(p) for p in primes_below(50)])}")
    steps, peak = collatz(27)
    print(f"collatz(27): {steps} steps, peaking at {peak:,}")
    print(f"2 ** 100 = {2 ** 100}")
    print(f"sample: {describe('Molt')}")


if __name__ == "__main__":
    main()
