# str.splitlines with and without keepends, every line boundary CPython knows.
text = "one\ntwo\r\nthree\rfour\n\nfive\x0bsix\x0cseven\x1ceight\u2028nine"
print(text.splitlines())
print(text.splitlines(True))
print("".splitlines(), "x\n".splitlines(), "\n".splitlines(True))
for i, line in enumerate("a\nb\n".splitlines()):
    print(i, line)
