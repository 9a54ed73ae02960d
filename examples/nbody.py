"""N-body simulation of the Jovian planets (the classic benchmark).

Each `Body` carries float position, velocity and mass fields; the system is
advanced with a simple symplectic Euler integrator and the total energy is
printed before and after, which should stay almost constant.
"""

from __future__ import annotations

import math

PI: float = math.pi
SOLAR_MASS: float = 4.0 * PI * PI
DAYS_PER_YEAR: float = 365.24


class Body:
    name: str
    x: float
    y: float
    z: float
    vx: float
    vy: float
    vz: float
    mass: float

    def __init__(
        self,
        name: str,
        x: float,
        y: float,
        z: float,
        vx: float,
        vy: float,
        vz: float,
        mass: float,
    ) -> None:
        self.name = name
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx * DAYS_PER_YEAR
        self.vy = vy * DAYS_PER_YEAR
        self.vz = vz * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS

    def kinetic_energy(self) -> float:
        return 0.5 * self.mass * (self.vx * self.vx + self.vy * self.vy + self.vz * self.vz)

    def distance_to(self, other: Body) -> float:
        dx = self.x - other.x
        dy = self.y - other.y
        dz = self.z - other.z
        return math.sqrt(dx * dx + dy * dy + dz * dz)


def make_system() -> list[Body]:
    sun = Body("sun", 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0)
    jupiter = Body(
        "jupiter",
        4.84143144246472090e00,
        -1.16032004402742839e00,
        -1.03622044471123109e-01,
        1.66007664274403694e-03,
        7.69901118419740425e-03,
        -6.90460016972063023e-05,
        9.54791938424326609e-04,
    )
    saturn = Body(
        "saturn",
        8.34336671824457987e00,
        4.12479856412430479e00,
        -4.03523417114321381e-01,
        -2.76742510726862411e-03,
        4.99852801234917238e-03,
        2.30417297573763929e-05,
        2.85885980666130812e-04,
    )
    uranus = Body(
        "uranus",
        1.28943695621391310e01,
        -1.51111514016986312e01,
        -2.23307578892655734e-01,
        2.96460137564761618e-03,
        2.37847173959480950e-03,
        -2.96589568540237556e-05,
        4.36624404335156298e-05,
    )
    neptune = Body(
        "neptune",
        1.53796971148509165e01,
        -2.59193146099879641e01,
        1.79258772950371181e-01,
        2.68067772490389322e-03,
        1.62824170038242295e-03,
        -9.51592254519715870e-05,
        5.15138902046611451e-05,
    )
    return [sun, jupiter, saturn, uranus, neptune]


def offset_momentum(bodies: list[Body]) -> None:
    px = 0.0
    py = 0.0
    pz = 0.0
    for body in bodies:
        px += body.vx * body.mass
        py += body.vy * body.mass
        pz += body.vz * body.mass
    sun = bodies[0]
    sun.vx = -px / SOLAR_MASS
    sun.vy = -py / SOLAR_MASS
    sun.vz = -pz / SOLAR_MASS


def energy(bodies: list[Body]) -> float:
    total = 0.0
    for i, body in enumerate(bodies):
        total += body.kinetic_energy()
        for other in bodies[i + 1 :]:
            total -= body.mass * other.mass / body.distance_to(other)
    return total


def advance(bodies: list[Body], dt: float, steps: int) -> None:
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            a = bodies[i]
            for j in range(i + 1, n):
                b = bodies[j]
                dx = a.x - b.x
                dy = a.y - b.y
                dz = a.z - b.z
                dist2 = dx * dx + dy * dy + dz * dz
                mag = dt / (dist2 * math.sqrt(dist2))
                b_mass_mag = b.mass * mag
                a_mass_mag = a.mass * mag
                a.vx -= dx * b_mass_mag
                a.vy -= dy * b_mass_mag
                a.vz -= dz * b_mass_mag
                b.vx += dx * a_mass_mag
                b.vy += dy * a_mass_mag
                b.vz += dz * a_mass_mag
        for body in bodies:
            body.x += dt * body.vx
            body.y += dt * body.vy
            body.z += dt * body.vz


def report_positions(bodies: list[Body]) -> None:
    for body in bodies:
        r = math.sqrt(body.x * body.x + body.y * body.y + body.z * body.z)
        print(f"  {body.name:<8} r={r:10.6f} AU")


def main() -> None:
    bodies = make_system()
    offset_momentum(bodies)
    before = energy(bodies)
    print(f"energy before: {before:.9f}")
    advance(bodies, 0.01, 1000)
    after = energy(bodies)
    print(f"energy after:  {after:.9f}")
    drift = abs(after - before) / abs(before)
    print(f"relative drift: {drift:.3e}")
    report_positions(bodies)
    assert drift < 1e-4, "energy drift too large"


if __name__ == "__main__":
    main()
