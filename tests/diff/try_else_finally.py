def parse(s: str) -> int:
    try:
        v = int(s)
    except ValueError:
        print("bad", repr(s))
        v = -1
    else:
        print("ok", v)
    finally:
        print("done", s)
    return v


print(parse("12"), parse("x1"))


def divide(a: int, b: int) -> float:
    try:
        return a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return 0.0


print(divide(1, 4), divide(1, 0))
log: list[str] = []
for i in range(4):
    try:
        if i == 1:
            raise KeyError("k")
        if i == 2:
            raise IndexError("idx")
        log.append("body")
    except (KeyError, IndexError) as e:
        log.append("exc " + str(e))
    finally:
        log.append(f"fin{i}")
print(log)
try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)
