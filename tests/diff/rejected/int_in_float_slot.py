# CPython keeps an int an int in a float-annotated slot (this prints `1 2`);
# a native float slot would print `1.0 2.0`, so `molt build` refuses it.
def f(x: float) -> float:
    return x


y: float = 1
print(y, f(2))
