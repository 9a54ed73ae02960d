# Pins unsupported-operator: reported at the operation.

total = 1 + "a"  # error: [unsupported-operator]
difference = [1] - [2]  # error: [unsupported-operator]
smaller = "a" < 1  # error: [unsupported-operator]
ratio = 7 / 2
