# A module variable read (through a function) before the module statement
# that assigns it: CPython's NameError, for boxed and unboxed variables.
def g() -> int:
    return x


def h() -> float:
    return y


def main() -> None:
    try:
        print(g())
    except NameError as e:
        print("NameError:", e)
    try:
        print(h())
    except NameError as e:
        print("NameError:", e)


main()
x = 1
y = 2.5
main()
print(g() + 1, h())
