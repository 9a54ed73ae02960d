# Pins classes that structify into fixed-layout native structs (no
# diagnostics): fields declared in the class body, with and without defaults,
# or assigned in `__init__`; single inheritance, where the subclass fields
# follow the base fields; float and bool fields (unboxed) next to int, str,
# list and class-typed fields (boxed values); declared fields assigned from
# outside the class; and a class constant that is read but never reassigned.
# `molt check --emit=layout` shows every class as a struct.

from __future__ import annotations

import math


class Vec2:
    x: float
    y: float

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def length(self) -> float:
        return math.sqrt(self.x * self.x + self.y * self.y)


class Body:
    GRAVITY = -9.81
    name: str
    mass: float = 1.0
    resting: bool = False

    def __init__(self, name: str, position: Vec2) -> None:
        self.name = name
        self.position = position
        self.velocity = Vec2(0.0, 0.0)
        self.bounces = 0

    def step(self, dt: float) -> None:
        if self.resting:
            return
        self.velocity.y += Body.GRAVITY * dt
        self.position.x += self.velocity.x * dt
        self.position.y += self.velocity.y * dt
        if self.position.y < 0.0:
            self.position.y = 0.0
            self.velocity.y = -self.velocity.y * 0.5
            self.bounces += 1
            if abs(self.velocity.y) < 0.1:
                self.resting = True


class Ball(Body):
    def __init__(self, name: str, position: Vec2, radius: float) -> None:
        super().__init__(name, position)
        self.radius = radius
        self.mass = 4.0 / 3.0 * math.pi * radius ** 3


class Crate(Body):
    def __init__(self, name: str, position: Vec2, labels: list[str]) -> None:
        Body.__init__(self, name, position)
        self.labels = labels
        self.opened = False

    def open(self) -> str:
        self.opened = True
        return ", ".join(self.labels)


class World:
    def __init__(self) -> None:
        self.bodies: list[Body] = []
        self.time = 0.0
        self.ticks = 0

    def add(self, body: Body) -> None:
        self.bodies.append(body)

    def run(self, seconds: float, dt: float) -> None:
        while self.time < seconds:
            for body in self.bodies:
                body.step(dt)
            self.time += dt
            self.ticks += 1

    def at_rest(self) -> list[str]:
        return [body.name for body in self.bodies if body.resting]


def main() -> None:
    world = World()
    ball = Ball("ball", Vec2(0.0, 10.0), 0.25)
    ball.velocity.x = 2.0
    crate = Crate("crate", Vec2(5.0, 2.0), ["tools", "rope"])
    crate.mass = 20.0
    world.add(ball)
    world.add(crate)
    world.run(10.0, 0.01)
    print(f"{world.ticks} ticks, {len(world.bodies)} bodies")
    for body in world.bodies:
        print(f"{body.name}: x={body.position.x:.2f} y={body.position.y:.2f} bounces={body.bounces}")
    print(f"ball mass {ball.mass:.3f}, speed {ball.velocity.length():.3f}")
    print(f"crate holds {crate.open()}, opened={crate.opened}, mass {crate.mass}")
    print(f"at rest: {world.at_rest()}")


if __name__ == "__main__":
    main()
