# str methods through the runtime, Unicode included
s = "  Hello, Wörld  "
print(s.strip(), s.lower(), s.upper(), len(s))
print("a,b,,c".split(","), "a b  c".split(), "x".join(["1", "2", "3"]))
print("hello".replace("l", "L"), "hello".find("l"), "hello".rfind("l"), "hello".count("l"))
print("abc".startswith("ab"), "abc".endswith("bc"), "42".isdigit(), "ab1".isalpha())
print("ab" * 3, "ab" + "cd", "hello"[1], "hello"[-1], "hello"[1:3], "hello"[::-1])
print("ß".upper(), "ÉCOLE".lower(), "日本語"[1], len("日本語"), "mississippi".title())
print(repr("it's"), repr('say "hi"'), str(12), str(1.5), str(True), str(None))
print("x".center(5, "*"), "7".zfill(3), "a-b-c".partition("-"), "a b".capitalize())
print(ord("A"), chr(955), "b" in "abc", "z" not in "abc", "abc" < "abd")
