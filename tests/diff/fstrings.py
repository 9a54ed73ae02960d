# f-strings: conversions and format specs
name = "Molt"
n = 42
pi = 3.14159265
print(f"{name} has {n} items")
print(f"{n:5d}|{n:<5}|{n:^7}|{n:x}|{n:08b}|{n:,}")
print(f"{pi:.2f}|{pi:10.3f}|{pi:e}|{1234567.0:,.1f}|{0.25:%}")
print(f"{name!r} {name!s} {name:>8} {'é'!a}")
w = 6
print(f"{n:{w}}|{pi:.{w}f}")
print(f"{{literal}} {n + 1} {[1, 2]} {None} {True}")
