#!/usr/bin/env python3
"""float_format_diff.py - differential test of float repr, float() parsing
and format() specs (int and float) against CPython.

Usage: float_format_diff.py DRIVER [N] [SEED] (DRIVER = molt_bigint_driver).
"""
import random
import struct
import sys

from diff_driver import compare


def rand_float(rng):
    k = rng.randrange(6)
    if k == 0:  # any finite bit pattern
        while True:
            f = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
            if f == f and abs(f) != float("inf"):
                return f
    if k == 1:
        return rng.uniform(-1e6, 1e6)
    if k == 2:
        return round(rng.uniform(-1000, 1000), rng.randrange(0, 6))
    if k == 3:
        return rng.choice([0.0, -0.0, -0.0001, -0.004, 0.1, 0.5, 1.5, 2.5, 1e16, 1e15, 1e-4, 1e-5, 123456789.0, 1e22, 5e-324,
                           1.7976931348623157e308, 0.3, 2.675, 1.005])
    if k == 4:
        return float(rng.randrange(-10**6, 10**6)) * 10.0 ** rng.randrange(-30, 30)
    return rng.random() * 10 ** rng.randrange(-10, 20)


def rand_spec(rng, is_int):
    fill_align = rng.choice(["", "", "<", ">", "^", "=", "*>", "0="])
    sign = rng.choice(["", "", "+", "-", " "]) + ("z" if not is_int and rng.random() < 0.15 else "")
    alt = rng.choice(["", "", "#"])
    zero = rng.choice(["", "", "0"])
    width = rng.choice(["", "", str(rng.randrange(1, 25))])
    group = rng.choice(["", "", ",", "_"])
    if is_int:
        typ = rng.choice(["", "d", "x", "X", "o", "b", "n", "e", "f", "%", "g"])
        prec = "" if typ in ("", "d", "x", "X", "o", "b", "n") else rng.choice(["", "." + str(rng.randrange(0, 8))])
    else:
        typ = rng.choice(["", "f", "F", "e", "E", "g", "G", "%"])
        prec = rng.choice(["", "." + str(rng.randrange(0, 12))])
    if typ in ("n",):
        group = ""
    if group == "," and typ in ("x", "X", "o", "b"):
        group = "_"
    return fill_align + sign + alt + zero + width + group + prec + typ




def main():
    driver = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 4242)
    cases, expected = [], []
    for _ in range(n):
        k = rng.randrange(3)
        if k == 0:
            f = rand_float(rng)
            text = repr(f) if rng.random() < 0.7 else "%.*g" % (rng.randrange(1, 20), f)
            cases.append(f"frepr\t{text}")
            expected.append(repr(float(text)))
        elif k == 1:
            f = rand_float(rng)
            spec = rand_spec(rng, False)
            cases.append(f"ffmt\t{f!r}\t{spec or '<empty>'}")
            try:
                expected.append(format(f, spec) + "|")
            except Exception as e:  # noqa: BLE001
                expected.append(f"ERR {type(e).__name__}: {e}")
        else:
            i = rng.choice([rng.randrange(-1000, 1000), rng.getrandbits(rng.randrange(1, 100)) * rng.choice([1, -1])])
            spec = rand_spec(rng, True)
            cases.append(f"ifmt\t{i}\t{spec or '<empty>'}")
            try:
                expected.append(format(i, spec) + "|")
            except Exception as e:  # noqa: BLE001
                expected.append(f"ERR {type(e).__name__}: {e}")
    return compare(driver, cases, expected, shown=25)


if __name__ == "__main__":
    sys.exit(main())
