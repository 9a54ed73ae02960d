# A richards-style OO scheduler: tasks with overridden run() methods, a work
# queue of packets, and a scheduler loop (virtual dispatch + struct fields).
class Packet:
    def __init__(self, kind: int, datum: int) -> None:
        self.kind = kind
        self.datum = datum
        self.hops = 0


class Task:
    def __init__(self, ident: int, priority: int) -> None:
        self.ident = ident
        self.priority = priority
        self.runs = 0
        self.held = False

    def run(self, p: Packet) -> int:
        self.runs += 1
        return p.datum


class IdleTask(Task):
    def run(self, p: Packet) -> int:
        self.runs += 1
        return (p.datum * 3 + 1) % 7


class WorkerTask(Task):
    def run(self, p: Packet) -> int:
        self.runs += 1
        p.hops += 1
        v = p.datum
        for i in range(4):
            v = (v * 17 + i) % 1021
        return v


class DeviceTask(Task):
    def run(self, p: Packet) -> int:
        self.runs += 1
        if p.kind == 2:
            self.held = not self.held
        return p.datum + self.priority


def schedule(rounds: int) -> int:
    tasks: list[Task] = [IdleTask(0, 1), WorkerTask(1, 5), DeviceTask(2, 3), WorkerTask(3, 4), Task(4, 2)]
    queue: list[Packet] = []
    for i in range(16):
        queue.append(Packet(i % 3, i))
    checksum = 0
    for r in range(rounds):
        for i in range(len(queue)):
            p = queue[i]
            t = tasks[(p.datum + r) % 5]
            if t.held:
                continue
            v = t.run(p)
            checksum = (checksum + v) % 1000003
            p.datum = v
    total_runs = 0
    for t in tasks:
        total_runs += t.runs
    return checksum * 1000 + total_runs % 1000


print(schedule(60000))
