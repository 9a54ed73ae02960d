# join sizes its result in one pass (one allocation, or an interned
# one-character string); split on a one-byte separator uses memchr.
def main() -> None:
    print(repr("".join(["", "a"])), repr(",".join(["", ""])), repr(",".join([])), repr("".join(["x"])))
    print(repr("é".join(["a", "b"])), len("é".join(["a", "b"])), "-".join(("ü", "v")), len("".join(["ü", "v"])))
    print(",".join([str(i) for i in range(5)]), "ab,,cd,".split(","), "a,b".split(",", 1), "été,ü".split(","))
    print("x".join(["é"]), len(",".join(["é", "ü"])), ",".join(["é", "ü"])[2], "::".join(["a", "b", "c"]).split("::"))
    print("".join({"k": 1}), "+".join("abc"), ",".join(["a" * 200, "b" * 100])[199:202], "é,".split(",")[0] == "é")


main()
