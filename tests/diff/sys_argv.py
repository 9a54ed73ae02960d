import sys

args = sys.argv[1:]
print(len(args), args)
n = int(args[0]) if len(args) > 0 else 10
print(n * 2)
if len(args) > 1:
    sys.exit(int(args[1]))
