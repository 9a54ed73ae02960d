# Unicode strings: indexing, slicing, case mapping, lengths are in code points
s = "naïve café 日本 🐍!"
print(len(s), s[2], s[-2], s[6:10], s[::-1], s.upper(), s.title())
print(s.find("café"), s.count("é"), s.split(" "), s.replace("é", "e"))
for ch in "aé日🐍":
    print(ch, ord(ch), len(ch), repr(ch))
print("".join([chr(x) for x in range(945, 950)]), ascii("é日"))
print("Straße".upper(), "ΣΑΣ".lower())
print(f"{'日本':>6}|{'ab':*^6}|", "x".ljust(3, "é") + "|")
