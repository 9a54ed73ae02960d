def first_line(p: str) -> str:
    with open(p) as fh:
        return fh.readline()


print(first_line("x"))
