try:
    print("body")
finally:
    print("cleanup")
