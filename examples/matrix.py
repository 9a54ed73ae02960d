"""Dense matrices as list[list[float]]: products, transposes and solving.

Builds matrices with nested comprehensions, multiplies and transposes them,
solves a linear system with Gaussian elimination (partial pivoting) and
checks the answer, and computes a determinant and a matrix power.
"""

from __future__ import annotations

class SingularMatrixError(ValueError):
    pass


def zeros(rows: int, cols: int) -> list[list[float]]:
    return [[0.0 for _ in range(cols)] for _ in range(rows)]


def identity(n: int) -> list[list[float]]:
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]


def shape(m: list[list[float]]) -> tuple[int, int]:
    return len(m), len(m[0]) if m else 0


def transpose(m: list[list[float]]) -> list[list[float]]:
    rows, cols = shape(m)
    return [[m[i][j] for i in range(rows)] for j in range(cols)]


def multiply(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    rows, inner = shape(a)
    inner_b, cols = shape(b)
    if inner != inner_b:
        raise ValueError(f"shape mismatch: {rows}x{inner} times {inner_b}x{cols}")
    bt = transpose(b)
    return [[sum([x * y for x, y in zip(row, col)], 0.0) for col in bt] for row in a]


def mat_vec(m: list[list[float]], v: list[float]) -> list[float]:
    return [sum([a * b for a, b in zip(row, v)], 0.0) for row in m]


def power(m: list[list[float]], exponent: int) -> list[list[float]]:
    result = identity(len(m))
    base = [row[:] for row in m]
    while exponent > 0:
        if exponent % 2 == 1:
            result = multiply(result, base)
        base = multiply(base, base)
        exponent //= 2
    return result


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(a)
    aug = [a[i][:] + [b[i]] for i in range(n)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(aug[r][col]))
        if abs(aug[pivot][col]) < 1e-12:
            raise SingularMatrixError("matrix is singular")
        aug[col], aug[pivot] = aug[pivot], aug[col]
        for r in range(col + 1, n):
            factor = aug[r][col] / aug[col][col]
            for c in range(col, n + 1):
                aug[r][c] -= factor * aug[col][c]
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        acc = aug[i][n]
        for j in range(i + 1, n):
            acc -= aug[i][j] * x[j]
        x[i] = acc / aug[i][i]
    return x


def determinant(a: list[list[float]]) -> float:
    n = len(a)
    m = [row[:] for row in a]
    det = 1.0
    for col in range(n):
        pivot = col
        while pivot < n and abs(m[pivot][col]) < 1e-12:
            pivot += 1
        if pivot == n:
            return 0.0
        if pivot != col:
            m[col], m[pivot] = m[pivot], m[col]
            det = -det
        det *= m[col][col]
        for r in range(col + 1, n):
            factor = m[r][col] / m[col][col]
            for c in range(col, n):
                m[r][c] -= factor * m[col][c]
    return det


def format_matrix(m: list[list[float]]) -> str:
    return "\n".join(["  [" + " ".join([f"{x:8.3f}" for x in row]) + "]" for row in m])


def main() -> None:
    a: list[list[float]] = [[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]]
    b: list[float] = [8.0, -11.0, -3.0]
    print("A =")
    print(format_matrix(a))
    print("A^T =")
    print(format_matrix(transpose(a)))
    x = solve(a, b)
    print(f"solution x = {[round(v, 6) for v in x]}")
    residual = max([abs(p - q) for p, q in zip(mat_vec(a, x), b)])
    print(f"residual below 1e-9: {residual < 1e-9}")
    print(f"det(A) = {determinant(a):.4f}")

    fib: list[list[float]] = [[1.0, 1.0], [1.0, 0.0]]
    f30 = power(fib, 30)
    print(f"fib(30) via matrix power = {int(f30[0][1])}")

    rect = [[float(i * 3 + j) for j in range(3)] for i in range(2)]
    gram = multiply(rect, transpose(rect))
    print(f"gram matrix of a {shape(rect)[0]}x{shape(rect)[1]} matrix:")
    print(format_matrix(gram))
    try:
        multiply(rect, rect)
    except ValueError as err:
        print(f"error: {err}")
    try:
        solve([[1.0, 2.0], [2.0, 4.0]], [1.0, 2.0])
    except SingularMatrixError as err:
        print(f"error: {err}")
    trace = sum([gram[i][i] for i in range(len(gram))], 0.0)
    print(f"trace {trace:g}, zeros {zeros(1, 3)}")


if __name__ == "__main__":
    main()
