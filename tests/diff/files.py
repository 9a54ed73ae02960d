# with open(...): write, read back, iterate lines; close on exit
with open("molt_diff_files.txt", "w") as fh:
    fh.write("first line\n")
    fh.write("second line\n")
    n = fh.write("third\n")
    print("wrote", n)
with open("molt_diff_files.txt") as fh:
    print(repr(fh.read()))
with open("molt_diff_files.txt", "r") as fh:
    print(fh.readline().strip())
    print(fh.readlines())
count = 0
with open("molt_diff_files.txt") as fh:
    for line in fh:
        count += len(line)
print(count)
with open("molt_diff_files.txt", "a") as fh:
    fh.write("appended\n")
with open("molt_diff_files.txt") as fh:
    print(len(fh.readlines()))
with open("does_not_exist.txt") as fh:
    print(fh.read())
