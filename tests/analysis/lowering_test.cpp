// The front end fails closed: constructs outside the lowering are reported
// by name (never silently dropped), and syntax errors land on the right line.
#include <doctest/doctest.h>

#include "test_support.h"

using molt::test::analyze;
using molt::test::codes;
using molt::test::messages;

TEST_CASE("unsupported constructs are reported by name") {
  struct Case {
    const char* source;
    const char* mentions;
  };
  const Case cases[] = {
      {"def f() -> int:\n    yield 1\n    return 1\n", "`yield`"},
      {"def f(x: int) -> int:\n    match x:\n        case 1:\n            return 1\n    return 0\n", "`match` statement"},
      {"async def f() -> None:\n    pass\n", "`async def`"},
      {"def f(*args: int) -> None:\n    pass\n", "`*args`"},
      {"def f(**kw: int) -> None:\n    pass\n", "`**kwargs`"},
      {"def f(xs: list[int]) -> int:\n    if (n := len(xs)) > 1:\n        return n\n    return 0\n", ":="},
      {"def f(xs: list[int]) -> None:\n    a, *b = xs\n", "star target"},
      {"def f(xs: list[int]) -> None:\n    print(*xs)\n", "star-unpacking"},
      {"from math import *\n", "wildcard import"},
      {"x = 1 + 2j\n", "complex number literal"},
      {"def f(a: int, /, b: int) -> None:\n    pass\n", "positional-only"},
      {"x = f\"{1=}\"\n", "self-documenting"},
      {"def f() -> None:\n    try:\n        pass\n    except* ValueError:\n        pass\n", "except*"},
  };
  for (const Case& c : cases) {
    auto a = analyze(c.source);
    INFO("source:\n", std::string(c.source), "\nreported:\n", messages(a));
    bool found = false;
    for (const auto& d : a.analysis.diagnostics)
      if ((d.code() == "unsupported-syntax" || d.code() == "syntax-error") && d.message.find(c.mentions) != std::string::npos)
        found = true;
    CHECK(found);
  }
}

TEST_CASE("statements CPython rejects at compile time are syntax errors") {
  CHECK(codes(analyze("return 1\n")) == std::vector<std::string>{"1:syntax-error"});
  CHECK(codes(analyze("x = 1\nbreak\n")) == std::vector<std::string>{"2:syntax-error"});
  CHECK(codes(analyze("def f() -> None:\n    for i in range(3):\n        def g() -> None:\n            continue\n")) ==
        std::vector<std::string>{"4:syntax-error"});
  CHECK(codes(analyze("x = 007\n")) == std::vector<std::string>{"1:syntax-error"});
}

TEST_CASE("syntax errors are reported at their line and stop further checks") {
  auto a = analyze("x: int = 1\n\ndef f(:\n    return undefined_name\n");
  auto c = codes(a);
  REQUIRE_FALSE(c.empty());
  CHECK(c[0] == "3:syntax-error");
  for (const auto& s : c) CHECK(s.find("undefined-name") == std::string::npos);
  CHECK(a.analysis.checked == nullptr);
}

TEST_CASE("string literals are decoded, f-strings split into parts") {
  auto a = analyze("s = 'a\\tb\\x41\\u00e9' \"c\"\nb = b'\\x00\\xff'\nf = f\"{s!r:>{10}} {{x}}\"\nr = r'\\n'\n");
  std::string ast = molt::dumpAst(a.analysis);
  CHECK(ast.find("Str @1:5 \"a\\tbAéc\"") != std::string::npos);
  CHECK(ast.find("Bytes @2:5 \"\\x00\\xff\"") != std::string::npos);
  CHECK(ast.find("field !r") != std::string::npos);
  CHECK(ast.find("literal \" {x}\"") != std::string::npos);
  CHECK(ast.find("Str @4:5 \"\\\\n\"") != std::string::npos);
}

TEST_CASE("integer literals keep arbitrary precision text") {
  auto a = analyze("big = 123456789012345678901234567890\nh = 0xFF_FF\n");
  std::string ast = molt::dumpAst(a.analysis);
  CHECK(ast.find("Int @1:7 123456789012345678901234567890") != std::string::npos);
  CHECK(ast.find("Int @2:5 0xFFFF") != std::string::npos);
}

TEST_CASE("elif chains, else on loops and try clauses all survive lowering") {
  auto a = analyze(
      "def f(x: int) -> int:\n"
      "    if x < 0:\n        return -1\n    elif x == 0:\n        return 0\n    else:\n        pass\n"
      "    for i in range(x):\n        if i > 3:\n            break\n    else:\n        x += 1\n"
      "    try:\n        x = x // 1\n    except ZeroDivisionError as e:\n        raise ValueError('z') from e\n"
      "    else:\n        x += 2\n    finally:\n        x -= 1\n"
      "    assert x > 0, 'positive'\n"
      "    return x\n");
  CHECK(codes(a).empty());
  std::string ast = molt::dumpAst(a.analysis);
  for (const char* piece : {"If @4:5", "For @8:5", "Break", "except @15:5 as e", "finally:", "Assert", "cause:"}) {
    INFO(piece);
    CHECK(ast.find(piece) != std::string::npos);
  }
}

TEST_CASE("ignore comments suppress only the named codes on their line") {
  auto a = analyze("x: int = 'a'  # molt: ignore[invalid-assignment]\ny: int = 'b'  # molt: ignore[undefined-name]\n"
                   "z: int = 'c'  # molt: ignore\n");
  CHECK(codes(a) == std::vector<std::string>{"2:invalid-assignment"});
}
