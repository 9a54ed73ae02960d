def counter(start: int) -> int:
    n = start

    def bump(k: int) -> None:
        nonlocal n
        n += k

    for i in range(5):
        bump(i)
    bump(2 ** 62)
    return n


def collect(words: list[str]) -> str:
    out = ""
    count = 0

    def add(w: str) -> int:
        nonlocal out, count
        if out:
            out = out + "," + w
        else:
            out = w
        count += 1
        return count

    for w in words:
        add(w)
    last = add("end")
    return f"{out} ({count}, {last})"


def param_cell(total: int) -> int:
    def dec() -> None:
        nonlocal total
        total -= 1

    dec()
    dec()
    return total


def nested_two(x: int) -> int:
    acc = 0

    def outer_step() -> int:
        nonlocal acc

        def inner_step() -> None:
            nonlocal acc
            acc += x

        inner_step()
        inner_step()
        return acc

    outer_step()
    return outer_step()


def setter() -> list[int]:
    items: list[int] = []
    hits = 0

    def record(v: int) -> None:
        nonlocal hits, items
        items.append(v)
        hits = hits + 1
        if v > 2:
            items = items + [hits * 100]

    for v in [1, 2, 3, 4]:
        record(v)
    return items


print(counter(10))
print(collect(["a", "b", "c"]))
print(param_cell(5))
print(nested_two(3))
print(setter())
