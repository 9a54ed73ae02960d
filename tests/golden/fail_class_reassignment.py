# Pins class-reassignment: assignment to `__class__` is reported at the
# assignment, inside or outside the class.


class Cat:
    def speak(self) -> str:
        return "meow"

    def become_dog(self) -> None:
        self.__class__ = Dog  # error: [class-reassignment]


class Dog:
    def speak(self) -> str:
        return "woof"


pet = Cat()
pet.__class__ = Dog  # error: [class-reassignment]
