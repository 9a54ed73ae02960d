def matmul(a: list[list[float]], b: list[list[float]], n: int) -> list[list[float]]:
    c: list[list[float]] = []
    for i in range(n):
        row = [0.0] * n
        ai = a[i]
        for k in range(n):
            aik = ai[k]
            bk = b[k]
            for j in range(n):
                row[j] += aik * bk[j]
        c.append(row)
    return c


n = 120
a: list[list[float]] = []
b: list[list[float]] = []
for i in range(n):
    ra: list[float] = []
    rb: list[float] = []
    for j in range(n):
        ra.append((i * j % 7) / 7.0)
        rb.append((i + j) % 5 / 5.0)
    a.append(ra)
    b.append(rb)
c = matmul(a, b, n)
s = 0.0
for i in range(n):
    for j in range(n):
        s += c[i][j]
print(f"{s:.6f}")
