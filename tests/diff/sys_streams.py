# sys.stdout.write / sys.stderr.write (and the file object as a value),
# interleaved with print on the same streams.
import sys


def log(out: str) -> None:
    n = sys.stdout.write(out)
    sys.stdout.write(f" ({n})\n")


def main() -> None:
    sys.stdout.write("a")
    print("b")
    log("héllo")
    err = sys.stderr
    err.write("to stderr\n")
    print("also stderr", file=sys.stderr)
    for i in range(3):
        sys.stdout.write(str(i))
    print()


main()
