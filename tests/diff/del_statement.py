# `del` of list items and slices, dict keys, locals and module variables.
counter = 10


def show_counter() -> None:
    print(counter)


def main() -> None:
    xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    del xs[0]
    del xs[-1]
    print(xs)
    del xs[1:3]
    print(xs)
    del xs[::2]
    print(xs)
    del xs[:]
    print(xs, len(xs))
    d = {"a": 1, "b": 2, "c": 3}
    del d["b"]
    print(d)
    words = ["x", "y", "z"]
    del words[0], d["a"]
    print(words, d)
    name = "temp"
    print(name)
    del name
    name = "again"
    print(name)
    ratio = 0.5
    del ratio
    try:
        del d["missing"]
    except KeyError as e:
        print("KeyError", e)
    try:
        del xs[5]
    except IndexError as e:
        print("IndexError", e)
    for i in range(3):
        item = [i] * 2
        del item[0]
        print(item)


def kill_counter() -> None:
    global counter
    del counter


main()
show_counter()
del counter
counter = 11
show_counter()
kill_counter()
try:
    kill_counter()  # unbound already: CPython's NameError
except NameError as e:
    print("NameError", e)
