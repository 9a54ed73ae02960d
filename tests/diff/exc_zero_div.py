# uncaught ZeroDivisionError: traceback line and exit status 1
def ratio(a: int, b: int) -> int:
    return a // b


print("before")
print(ratio(10, 2))
print(ratio(1, 0))
print("after")
