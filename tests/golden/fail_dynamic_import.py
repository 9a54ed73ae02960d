# Pins dynamic-import: `__import__` is reported at the call and `importlib` at
# the import statement.

import importlib  # error: [dynamic-import]
from importlib import import_module  # error: [dynamic-import]

json_module = __import__("json")  # error: [dynamic-import]
