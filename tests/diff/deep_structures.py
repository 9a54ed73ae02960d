# Long chains and deep nesting: freeing a 300,000-node linked list must not
# overflow the C stack (frees past a depth wait and are done iteratively),
# and a deeply nested list prints (CPython's repr recursion is deep enough).
class Node:
    def __init__(self, v: int, nxt: "Node | None") -> None:
        self.v = v
        self.nxt = nxt


def build(n: int) -> int:
    head: Node | None = None
    for i in range(n):
        head = Node(i, head)
    total = 0
    cur = head
    while cur is not None:
        total += cur.v
        cur = cur.nxt
    return total


def nested(depth: int) -> int:
    deep: list[object] = []
    cur = deep
    for i in range(depth):
        nxt: list[object] = []
        cur.append(nxt)
        cur = nxt
    return len(str(deep))


def main() -> None:
    print(build(300000))
    print(nested(300))
    chain: list[list[int]] = []
    for i in range(200000):
        chain = [[i], chain[0] if chain else []]
    print(len(chain))


main()
