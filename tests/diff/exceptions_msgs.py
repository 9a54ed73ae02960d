# exception messages from the runtime must match CPython's text exactly
def attempt(kind: int) -> str:
    try:
        if kind == 0:
            return str(1 // 0)
        if kind == 1:
            return str([1][5])
        if kind == 2:
            return str({"a": 1}["b"])
        if kind == 3:
            return str(int("abc"))
        if kind == 4:
            return str(1.0 / 0.0)
        if kind == 5:
            return str("abc".index("z"))
        if kind == 6:
            return str([1, 2].index(9))
        if kind == 7:
            return str(10 % 0)
        if kind == 8:
            return str(chr(-1))
        if kind == 9:
            xs: list[int] = []
            return str(xs.pop())
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)
    except IndexError as e:
        return "IndexError: " + str(e)
    except KeyError as e:
        return "KeyError: " + repr(e)
    except ValueError as e:
        return "ValueError: " + str(e)
    return "none"


for k in range(10):
    print(k, attempt(k))
