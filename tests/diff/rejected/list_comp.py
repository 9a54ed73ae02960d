xs = [i * i for i in range(5)]
print(xs)
