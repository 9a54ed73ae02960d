# try/finally (normal and exceptional exit), bare raise re-raising from a handler
log: list[str] = []


def risky(n: int) -> int:
    v = 0
    try:
        log.append(f"start {n}")
        v = 10 // n
    finally:
        log.append(f"cleanup {n}")
    return v


print(risky(5))
try:
    print(risky(0))
except ZeroDivisionError as e:
    print("caught", e)
print(log)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    except ValueError:
        print("no")
try:
    try:
        raise KeyError("k")
    except KeyError:
        print("re-raising")
        raise
    finally:
        print("inner finally")
except LookupError as e:
    print("outer got", repr(e))
try:
    print("x")
finally:
    print("always")
try:
    [1][2]
except IndexError:
    raise
