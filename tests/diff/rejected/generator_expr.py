total = sum(i * i for i in range(5))
print(total)
