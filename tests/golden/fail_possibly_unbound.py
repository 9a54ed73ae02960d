# Pins possibly-unbound: a read where CPython could raise UnboundLocalError
# (or NameError at module level), reported once per mistake, at the read.
import sys


def branch(flag: bool) -> int:
    if flag:
        x = 1
    return x + 1  # error: [possibly-unbound]


def both_branches(flag: bool) -> int:
    if flag:
        x = 1
    else:
        x = 2
    return x


def loop_var(n: int) -> int:
    for i in range(n):
        pass
    return i  # error: [possibly-unbound]


def loop_var_bound_first(n: int) -> int:
    i = -1
    for i in range(n):
        pass
    return i


def while_true() -> int:
    while True:
        found = 3
        break
    return found


def try_except(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        print("bad")
    return value  # error: [possibly-unbound]


def try_except_exits(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        sys.exit(2)
    return value


def exception_name_is_deleted() -> str:
    try:
        raise ValueError("x")
    except ValueError as e:
        message = str(e)
    print(message)
    return str(e)  # error: [possibly-unbound]


def before_assignment() -> int:
    print(total)  # error: [possibly-unbound]
    total = 1
    return total


def deleted() -> int:
    y = 1
    del y
    return y  # error: [possibly-unbound]


def closure_reads_later() -> int:
    def inner() -> int:
        return later

    later = 5
    return inner()


def closure_called_too_early() -> int:
    def inner() -> int:
        return later

    first = inner()  # error: [possibly-unbound]
    later = 5
    return first + inner()


print(counter)  # error: [possibly-unbound]
counter = 0


def deleted_in_loop(n: int) -> int:
    item = 0
    for k in range(n):
        print(item)  # error: [possibly-unbound]
        del item
        item = k
    return item


def deleted_before_raise() -> None:
    s = "kept"
    try:
        del s
        raise ValueError("boom")
    except ValueError:
        print(s)  # error: [possibly-unbound]


def deleted_then_rebound(flag: bool) -> str:
    s = "old"
    try:
        del s
        if flag:
            raise ValueError("boom")
        s = "new"
    except ValueError:
        pass
    return s  # error: [possibly-unbound]


def deleted_in_handler_before_finally() -> None:
    r = 0.5
    try:
        raise ValueError("boom")
    except ValueError:
        del r
        raise
    finally:
        print(r)  # error: [possibly-unbound]


def rebound_in_try_is_fine() -> str:
    s = "old"
    try:
        s = "new"
    except ValueError:
        pass
    return s
