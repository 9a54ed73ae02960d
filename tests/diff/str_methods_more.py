s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(s.lower(), s.upper())
w = "a,b,,c"
print(w.split(","), w.split(",", 1), "a b  c".split(), "x".join(["1", "2", "3"]))
print("hello".replace("l", "L"), "hello".find("l"), "hello".rfind("l"), "hello".find("z"))
print("hello".startswith("he"), "hello".endswith("lo"), "hello".count("l"))
print("abc".center(9, "*"), "abc".ljust(6, "-"), "abc".rjust(6), "42".zfill(5))
print("Hello World".title(), "hello".capitalize(), "ABC".isupper(), "abc".isalpha(), "123".isdigit())
print("  ".isspace(), "a1".isalnum())
print("hello"[1], "hello"[-1], len("héllo"), "é" in "héllo")
print("%s=%d (%.2f) %5s|%-5s|" % ("k", 42, 3.14159, "r", "l"))
print("{} {:>6} {:<4}| {:.3f} {:,}".format("a", "b", "c", 2.0, 1234567))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
