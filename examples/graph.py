"""Shortest paths on a small road network.

The graph is an adjacency map `dict[int, list[tuple[int, int]]]` (node ->
(neighbour, distance)). Breadth-first search finds the path with the fewest
hops, Dijkstra's algorithm (with a linear scan instead of a heap, since only
`typing`, `math` and `sys` are importable) finds the shortest one, and both
return `Optional` results that the caller narrows with `is None`.
"""

from __future__ import annotations

from typing import Optional

INF: int = 1 << 60

class Network:
    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.adj: dict[int, list[tuple[int, int]]] = {i: [] for i in range(len(names))}

    def connect(self, a: int, b: int, distance: int) -> None:
        self.adj[a].append((b, distance))
        self.adj[b].append((a, distance))

    def index_of(self, name: str) -> Optional[int]:
        for i, candidate in enumerate(self.names):
            if candidate == name:
                return i
        return None

    def label(self, path: list[int]) -> str:
        return " -> ".join([self.names[node] for node in path])


def rebuild(parent: dict[int, int], start: int, goal: int) -> list[int]:
    path = [goal]
    while path[-1] != start:
        path.append(parent[path[-1]])
    path.reverse()
    return path


def bfs(adj: dict[int, list[tuple[int, int]]], start: int, goal: int) -> Optional[list[int]]:
    parent: dict[int, int] = {start: start}
    frontier = [start]
    while frontier:
        next_frontier: list[int] = []
        for node in frontier:
            if node == goal:
                return rebuild(parent, start, goal)
            for neighbour, _ in adj[node]:
                if neighbour not in parent:
                    parent[neighbour] = node
                    next_frontier.append(neighbour)
        frontier = next_frontier
    return None


def dijkstra(adj: dict[int, list[tuple[int, int]]], start: int) -> tuple[dict[int, int], dict[int, int]]:
    dist = {node: INF for node in adj}
    parent: dict[int, int] = {}
    dist[start] = 0
    done: set[int] = set()
    while len(done) < len(adj):
        best: Optional[int] = None
        for node, d in dist.items():
            if node in done or d == INF:
                continue
            if best is None or d < dist[best]:
                best = node
        if best is None:
            break
        done.add(best)
        for neighbour, weight in adj[best]:
            candidate = dist[best] + weight
            if candidate < dist[neighbour]:
                dist[neighbour] = candidate
                parent[neighbour] = best
    return dist, parent


def shortest_path(adj: dict[int, list[tuple[int, int]]], start: int, goal: int) -> Optional[tuple[int, list[int]]]:
    dist, parent = dijkstra(adj, start)
    if dist[goal] == INF:
        return None
    return dist[goal], rebuild(parent, start, goal)


def components(adj: dict[int, list[tuple[int, int]]]) -> list[list[int]]:
    seen: set[int] = set()
    result: list[list[int]] = []
    for node in sorted(adj):
        if node in seen:
            continue
        group: list[int] = []
        stack = [node]
        seen.add(node)
        while stack:
            current = stack.pop()
            group.append(current)
            for neighbour, _ in adj[current]:
                if neighbour not in seen:
                    seen.add(neighbour)
                    stack.append(neighbour)
        result.append(sorted(group))
    return result


def main() -> None:
    net = Network(["Avon", "Bree", "Cray", "Dale", "Esk", "Fenn", "Gull", "Holt"])
    roads = [(0, 1, 7), (0, 2, 9), (0, 5, 14), (1, 2, 10), (1, 3, 15), (2, 3, 11), (2, 5, 2), (3, 4, 6), (4, 5, 9)]
    for a, b, d in roads:
        net.connect(a, b, d)
    net.connect(6, 7, 3)

    queries = [("Avon", "Esk"), ("Bree", "Fenn"), ("Avon", "Holt"), ("Avon", "Zed")]
    for source, target in queries:
        start = net.index_of(source)
        goal = net.index_of(target)
        if start is None or goal is None:
            print(f"{source} -> {target}: unknown town")
            continue
        hops = bfs(net.adj, start, goal)
        best = shortest_path(net.adj, start, goal)
        if hops is None or best is None:
            print(f"{source} -> {target}: unreachable")
            continue
        length, path = best
        print(f"{source} -> {target}: {len(hops) - 1} hops via {net.label(hops)}")
        indent = " " * (len(source) + len(target) + 6)
        print(f"{indent}{length} km via {net.label(path)}")

    dist, _ = dijkstra(net.adj, 0)
    reachable = {net.names[n]: d for n, d in dist.items() if d != INF}
    print(f"distances from Avon: {reachable}")
    for group in components(net.adj):
        print(f"component: {', '.join([net.names[n] for n in group])}")


if __name__ == "__main__":
    main()
