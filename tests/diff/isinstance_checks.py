class Animal:
    def __init__(self, name: str) -> None:
        self.name = name


class Dog(Animal):
    def bark(self) -> str:
        return self.name + " says woof"


class Oops(ValueError):
    pass


def kind(a: Animal) -> str:
    if isinstance(a, Dog):
        return "dog"
    return "animal"


pets: list[Animal] = [Animal("generic"), Dog("rex")]
for p in pets:
    print(p.name, kind(p), isinstance(p, Animal), isinstance(p, (Dog, Animal)))
x: object = 3
print(isinstance(x, int), isinstance(x, str), isinstance(True, int), isinstance(1.5, (int, float)))
try:
    raise Oops("bad")
except ValueError as e:
    print(isinstance(e, Oops), isinstance(e, KeyError), isinstance(e, Exception))
