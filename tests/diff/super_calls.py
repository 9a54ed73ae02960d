class Animal:
    def __init__(self, name: str, legs: int) -> None:
        self.name = name
        self.legs = legs

    def describe(self) -> str:
        return f"{self.name} has {self.legs} legs"

    def sound(self) -> str:
        return "..."


class Dog(Animal):
    def __init__(self, name: str) -> None:
        super().__init__(name, 4)
        self.tricks = 0

    def sound(self) -> str:
        return "woof " + super().sound()

    def describe(self) -> str:
        return super().describe() + f" and knows {self.tricks} tricks"


class Puppy(Dog):
    def __init__(self, name: str, tricks: int) -> None:
        super().__init__(name)
        self.tricks = tricks

    def sound(self) -> str:
        return super().sound().upper()


class Bird(Animal):
    def __init__(self, name: str, flies: bool = True) -> None:
        super().__init__(name, legs=2)
        self.flies = flies

    def describe(self) -> str:
        base = super().describe()
        return base + (" and flies" if self.flies else " and walks")


zoo: list[Animal] = [Animal("generic", 0), Dog("rex"), Puppy("bit", 3), Bird("tweety"), Bird("pingu", flies=False)]
for a in zoo:
    print(a.describe(), "|", a.sound())
