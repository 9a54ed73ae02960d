# Pins dynamic-code: every call of `eval`, `exec` or `compile` is reported at
# the call, whatever its argument.

value = eval("1 + 2")  # error: [dynamic-code]
exec("answer = 42")  # error: [dynamic-code]
code = compile("1 + 2", "<string>", "eval")  # error: [dynamic-code]
