#!/usr/bin/env python3
"""bigint_diff.py - differential test of the runtime's ints against CPython.

Generates random operands (small, around the 48-bit small-int boundary, and
huge), feeds "<op> <a> <b>" lines to molt_bigint_driver, and compares every
output line with what python3 computes. Usage: bigint_diff.py DRIVER [N] [SEED]
"""
import math
import random
import sys

from diff_driver import compare

OPS2 = ["add", "sub", "mul", "floordiv", "mod", "divmod", "truediv", "pow",
        "lshift", "rshift", "and", "or", "xor", "lt", "eq", "gcd"]
OPS1 = ["neg", "invert", "float", "hash", "hex", "bin", "str"]


def rand_int(rng):
    kind = rng.randrange(6)
    sign = -1 if rng.random() < 0.5 else 1
    if kind == 0:
        return sign * rng.randrange(0, 1000)
    if kind == 1:  # around the 48-bit small-int boundary
        return sign * (2**47 + rng.randrange(-3, 4))
    if kind == 2:
        return sign * rng.getrandbits(rng.randrange(1, 64))
    if kind == 3:  # around 2**64
        return sign * (2**64 + rng.randrange(-3, 4))
    if kind == 4:
        return sign * rng.getrandbits(rng.randrange(64, 700))
    if rng.random() < 0.5:  # big enough for Karatsuba (40+ limbs), product still < 4300 digits
        return sign * rng.getrandbits(rng.randrange(1300, 6500))
    return sign * rng.getrandbits(rng.randrange(700, 3000))


def err(e):
    return f"ERR {type(e).__name__}: {e}"


def expect(op, a, b):
    try:
        if op == "add": r = a + b
        elif op == "sub": r = a - b
        elif op == "mul": r = a * b
        elif op == "floordiv": r = a // b
        elif op == "mod": r = a % b
        elif op == "divmod": r = divmod(a, b)
        elif op == "truediv": r = a / b
        elif op == "pow": r = a ** b
        elif op == "lshift": r = a << b
        elif op == "rshift": r = a >> b
        elif op == "and": r = a & b
        elif op == "or": r = a | b
        elif op == "xor": r = a ^ b
        elif op == "lt": r = a < b
        elif op == "eq": r = a == b
        elif op == "gcd": r = math.gcd(a, b)
        elif op == "neg": r = -a
        elif op == "invert": r = ~a
        elif op == "float": r = float(a)
        elif op == "hash": r = hash(a)
        elif op == "hex": r = hex(a)
        elif op == "bin": r = bin(a)
        elif op == "str": r = str(a)
        return repr(r)
    except Exception as e:  # noqa: BLE001 - we compare error messages too
        return err(e)




def main():
    driver = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 12345)
    cases, expected = [], []
    for _ in range(n):
        if rng.random() < 0.75:
            op = rng.choice(OPS2)
            a, b = rand_int(rng), rand_int(rng)
            if op == "pow":
                b = rng.randrange(-3, 40) if abs(a) > 2**64 else rng.randrange(-5, 300)
            if op in ("lshift", "rshift"):
                b = rng.randrange(-1, 300)
            if op in ("floordiv", "mod", "divmod", "truediv") and rng.random() < 0.05:
                b = 0
            cases.append(f"{op} {a} {b}")
            expected.append(expect(op, a, b))
        else:
            op = rng.choice(OPS1)
            a = rand_int(rng)
            cases.append(f"{op} {a}")
            expected.append(expect(op, a, None))
    # int() parsing, including the 4300-digit limit and str() of huge values
    for text, base in [("  -1_000  ", 10), ("0x1F", 16), ("0x1f", 0), ("0b101", 0), ("z", 36),
                       ("1__0", 10), ("x", 10), ("", 10), ("010", 0), ("00", 0), ("7" * 4300, 10),
                       ("7" * 4301, 10), ("f" * 5000, 16)]:
        cases.append(f"parse {text.replace(' ', '')} {base}" if text.strip() else f"parse _ {base}")
    exp_parse = []
    for c in cases[len(expected):]:
        _, text, base = c.split(" ")
        if text == "_":
            text = ""
        try:
            exp_parse.append(repr(int(text, int(base))))
        except Exception as e:  # noqa: BLE001
            exp_parse.append(err(e))
    expected += exp_parse
    for e in (4299, 4300):  # repr of 10**e: 4300 digits is the limit
        cases.append(f"pow 10 {e}")
        expected.append(expect("pow", 10, e))

    return compare(driver, cases, expected, shown=15)


if __name__ == "__main__":
    sys.exit(main())
