# On wasm, loops nested in other loops move into functions of their own
# (codegen/wasm_loops.cpp), and a long outermost loop is strip-mined first.
# The values the rest of the program reads after such a loop are stored at
# its exits; stores into buffers the loop passes to calls (print's argument
# array here, after f is inlined) must stay where they are.


def f(n: int) -> int:
    s: int = 0
    for i in range(n):
        s += i
    print(s)
    return s


def chunked(n: int) -> int:
    # crosses the 4096-iteration chunk boundary and leaves in the middle
    total = 0
    k = 0
    while k < n:
        total += k * 3
        if total > 30_000_000:
            break
        k += 1
    return total * 10 + k % 10


for a in [1]:
    for b in [2]:
        print(f(10))
for n in [4095, 4096, 4097, 8192, 12289]:
    print(n, chunked(n))
print(chunked(100000))
