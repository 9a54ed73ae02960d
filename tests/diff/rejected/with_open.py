with open("x.txt", "w") as fh:
    fh.write("hi")
