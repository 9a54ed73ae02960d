# Call sites disagree (int and float): the widened annotation is unsafe.
def scale(value, factor: float) -> float:
    return value * factor


def main() -> None:
    print(scale(2, 1.5))
    print(scale(2.5, 2.0))


main()
