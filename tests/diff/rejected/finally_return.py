def f() -> int:
    try:
        return 1
    finally:
        print("cleanup")


print(f())
