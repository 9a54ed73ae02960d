# molt-test: suggestions
# Pins printf-formatting: `%` formatting that has an exact f-string spelling.
name = "ada"
count = 3
ratio = 0.25
print("%s has %d items" % (name, count))  # note: [printf-formatting]
print("%5.1f%%" % ratio)  # note: [printf-formatting]
print("%-6s|%04d|%x" % (name, count, 255))  # note: [printf-formatting]
print("%d" % ratio)
