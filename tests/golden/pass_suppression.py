# Pins ignore comments: each commented line below would produce the diagnostic
# it names, and an ignore comment at the end of the line suppresses exactly
# those codes there (one code, or several separated by commas), so the file
# checks clean.

results: dict[str, int] = {}


def describe(name: str | None) -> int:
    return len(name)  # molt: ignore[possibly-none]


answer = eval("6 * 7")  # molt: ignore[dynamic-code]
globals()["doubled"] = eval("2 * 21")  # molt: ignore[dynamic-scope, dynamic-code]
results["answer"] = 42
print(describe("molt"), answer, results)
