def outer(n: int) -> int:
    def inner(m: int) -> int:
        return m + n

    return inner(1)


def counter_text(words: list[str], sep: str) -> str:
    total = 0

    def fmt_word(w: str, width: int = 8) -> str:
        return w.upper().ljust(width) + sep + str(len(w) * scale)

    out: list[str] = []
    for w in words:
        total += len(w)
        out.append(fmt_word(w))
        out.append(fmt_word(w, width=3))
    return "|".join(out) + f" total={total}"


def fact_table(k: int) -> list[int]:
    base = 1

    def fact(x: int) -> int:
        if x <= 1:
            return base
        return x * fact(x - 1)

    res = [fact(i) for i in range(k)]
    base = 10
    res.append(fact(3))
    return res


def late(x: float) -> float:
    y = x * 2.0

    def f(z: float) -> float:
        return y + z

    a = f(1.0)
    y = 100.5
    return a + f(0.25)


def deep(v: int) -> int:
    def mid(a: int) -> int:
        def leaf(b: int) -> int:
            return a * b + v

        return leaf(a + 1)

    return mid(v) + mid(2)


scale = 2
print(outer(41))
print(counter_text(["ab", "cde"], ":"))
print(fact_table(6))
print(late(1.5))
print(deep(3))
print(outer(2 ** 62))
