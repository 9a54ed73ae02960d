// Feature API tests with `<CURSOR>` markers: hover, definition, outline,
// semantic tokens, inlay hints, code lens and code actions, straight on a
// DocumentAnalysis (no JSON).
#include <doctest/doctest.h>

#include "server/features.h"
#include "test_support.h"

using namespace molt;
using namespace molt::lsp;
using namespace molt::lsp::test;

namespace {

bool has(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

std::string hoverAt(std::string_view src, size_t cursor = 0) {
  Marked m = mark(src);
  REQUIRE(m.cursors.size() > cursor);
  auto a = analyzeText(m.text);
  auto h = hover(*a, m.cursors[cursor]);
  return h ? h->markdown : std::string("<none>");
}

constexpr std::string_view kShapes =
    "class Point:\n"
    "    def __init__(self, x: float, y: float) -> None:\n"
    "        self.x = x\n"
    "        self.y = y\n"
    "\n"
    "    def norm(self) -> float:\n"
    "        return (self.x ** 2 + self.y ** 2) ** 0.5\n"
    "\n"
    "\n"
    "def scale(p: Point, k: float) -> Point:\n"
    "    return Point(p.x * k, p.y * k)\n"
    "\n"
    "\n"
    "ORIGIN = Point(0.0, 0.0)\n";

}  // namespace

TEST_CASE("hover shows the inferred type of a local") {
  CHECK(has(hoverAt("def f(n: int) -> float:\n    half = n / 2\n    return ha<CURSOR>lf\n"), "(variable) half: float"));
  CHECK(has(hoverAt("def f() -> None:\n    names = ['a']\n    print(na<CURSOR>mes)\n"), "names: list[str]"));
}

TEST_CASE("hover on an expression shows its type") {
  CHECK(has(hoverAt("def f(n: int) -> str:\n    return str(n) +<CURSOR> 'x'\n"), "str"));
  CHECK(has(hoverAt("def f(n: int) -> None:\n    print(le<CURSOR>n([n]))\n"), "builtin"));
}

TEST_CASE("hover on a function shows its signature and whether it compiles") {
  std::string src = std::string(kShapes) + "print(sca<CURSOR>le(ORIGIN, 2.0))\n";
  std::string h = hoverAt(src);
  CHECK(has(h, "def scale(p: Point, k: float) -> Point"));
  CHECK(has(h, "compiles natively"));
  std::string bad = hoverAt("def br<CURSOR>oken(x: int) -> int:\n    return x + 'a'\n");
  CHECK(has(bad, "blocked: 1 problem"));
  // A method reached through an attribute.
  std::string m = hoverAt(std::string(kShapes) + "print(ORIGIN.no<CURSOR>rm())\n");
  CHECK(has(m, "def norm(self) -> float"));
}

TEST_CASE("hover on a class lists its fields") {
  std::string h = hoverAt(std::string(kShapes) + "q = Po<CURSOR>int(1.0, 2.0)\n");
  CHECK(has(h, "class Point:"));
  CHECK(has(h, "x: float"));
  CHECK(has(h, "y: float"));
  CHECK(has(h, "2 fields"));
  // On the declaration itself, too.
  CHECK(has(hoverAt("class P<CURSOR>air:\n    def __init__(self) -> None:\n        self.a = 1\n"), "a: int"));
}

TEST_CASE("hover and lens on a class that cannot be structified say why") {
  Marked m = mark(
      "class Pro<CURSOR>xy:\n"
      "    def __init__(self, n: int) -> None:\n"
      "        self.n = n\n"
      "\n"
      "    def __getattr__(self, name: str) -> int:\n"
      "        return 0\n");
  auto a = analyzeText(m.text);
  auto h = hover(*a, m.cursors[0]);
  REQUIRE(h);
  CHECK(has(h->markdown, "not structifiable: it defines `__getattr__`"));
  CHECK(has(h->markdown, "\n- it defines `__getattr__` (line 5)"));
  CHECK(has(h->markdown, "n: int  # offset 8, boxed"));
  auto lenses = codeLenses(*a);
  REQUIRE_FALSE(lenses.empty());
  CHECK(lenses[0].title == "not structifiable: it defines `__getattr__`");
  // The diagnostic sits on the class name with the cause as related information.
  bool found = false;
  for (const Diagnostic& d : a->diagnostics)
    if (d.code() == "dynamic-attribute-hook") found = true;
  CHECK(found);
}

TEST_CASE("hover on a struct class shows offsets and size") {
  std::string h = hoverAt(std::string(kShapes) + "q = Po<CURSOR>int(1.0, 2.0)\n");
  CHECK(has(h, "class Point:  # 24 bytes, align 8"));
  CHECK(has(h, "x: float  # offset 8, unboxed"));
  CHECK(has(h, "y: float  # offset 16, unboxed"));
  CHECK(has(h, "struct · 24 bytes · 2 fields"));
}

TEST_CASE("hover on a parameter shows its declared type") {
  CHECK(has(hoverAt("def f(cou<CURSOR>nt: int) -> int:\n    return count\n"), "(parameter) count: int"));
}

TEST_CASE("hover survives files with syntax errors and empty spots") {
  // No types without a clean parse, but the name is still shown.
  CHECK(hoverAt("def f(:\n    return x<CURSOR>\n").find("x") != std::string::npos);
  CHECK(hoverAt("\n\n<CURSOR>\n") == "<none>");
}

TEST_CASE("go to definition") {
  Marked m = mark(
      "class Box:\n"
      "    def __init__(self, v: int) -> None:\n"
      "        self.v = v\n"
      "\n"
      "def make(v: int) -> Box:\n"
      "    total = v + 1\n"
      "    b = B<CURSOR>ox(tot<CURSOR>al)\n"
      "    print(b.<CURSOR>v, le<CURSOR>n([1]))\n"
      "    return b\n"
      "\n"
      "x = ma<CURSOR>ke(1)\n");
  auto a = analyzeText(m.text);
  auto at = [&](size_t i) { return definition(*a, m.cursors[i]); };
  REQUIRE(at(0));
  CHECK(textAt(*a, *at(0)) == "Box");
  CHECK(a->source->position(at(0)->begin).line == 1);
  REQUIRE(at(1));
  CHECK(a->source->position(at(1)->begin).line == 6);  // `total = v + 1`
  REQUIRE(at(2));
  CHECK(a->source->position(at(2)->begin).line == 3);  // `self.v = v`
  CHECK_FALSE(at(3));                                  // builtins have no location
  REQUIRE(at(4));
  CHECK(textAt(*a, *at(4)) == "make");
}

TEST_CASE("document symbols: classes with methods and fields, functions, module variables") {
  auto a = analyzeText(std::string(kShapes));
  auto syms = documentSymbols(*a);
  REQUIRE(syms.size() == 3);
  CHECK(syms[0].name == "Point");
  CHECK(syms[0].category == SymbolCategory::Class);
  std::vector<std::string> kids;
  for (const auto& c : syms[0].children) kids.push_back(c.name);
  CHECK(kids == std::vector<std::string>{"__init__", "x", "y", "norm"});
  CHECK(syms[0].children[0].category == SymbolCategory::Method);
  CHECK(syms[0].children[1].category == SymbolCategory::Field);
  CHECK(syms[1].name == "scale");
  CHECK(syms[1].category == SymbolCategory::Function);
  CHECK(has(syms[1].detail, "-> Point"));
  CHECK(syms[2].name == "ORIGIN");
  CHECK(syms[2].category == SymbolCategory::Variable);
  CHECK(syms[2].detail == "Point");
}

TEST_CASE("semantic tokens classify names") {
  Marked m = mark(
      "class <CURSOR>Acc:\n"
      "    def __init__(self, <CURSOR>start: int) -> None:\n"
      "        self.<CURSOR>total = start\n"
      "\n"
      "    def <CURSOR>add(self, n: int) -> None:\n"
      "        self.total += n\n"
      "\n"
      "def <CURSOR>run() -> None:\n"
      "    <CURSOR>acc = <CURSOR>Acc(1)\n"
      "    acc.<CURSOR>add(2)\n"
      "    <CURSOR>print(acc.total)\n");
  auto a = analyzeText(m.text);
  auto toks = semanticTokens(*a);
  auto at = [&](size_t i) -> const SemanticToken* {
    for (const auto& t : toks)
      if (t.range.begin == m.cursors[i]) return &t;
    return nullptr;
  };
  struct Want { TokenType type; uint32_t mods; };
  Want want[] = {{TokenType::Class, kDeclaration},  {TokenType::Parameter, kDeclaration}, {TokenType::Property, 0},
                 {TokenType::Method, kDeclaration}, {TokenType::Function, kDeclaration}, {TokenType::Variable, kDeclaration},
                 {TokenType::Class, 0},             {TokenType::Method, 0},              {TokenType::Function, kDefaultLibrary}};
  for (size_t i = 0; i < std::size(want); ++i) {
    CAPTURE(i);
    const SemanticToken* t = at(i);
    REQUIRE(t);
    CHECK(static_cast<int>(t->type) == static_cast<int>(want[i].type));
    CHECK(t->modifiers == want[i].mods);
  }
  for (size_t i = 1; i < toks.size(); ++i) CHECK(toks[i - 1].range.end <= toks[i].range.begin);
}

TEST_CASE("inlay hints: inferred locals at their first binding, inferred returns") {
  Marked m = mark(
      "def f(n: int) -> int:\n"
      "    xs<CURSOR> = [n, 2]\n"
      "    xs = [3]\n"
      "    y: int = 4\n"
      "    a<CURSOR>, b<CURSOR> = 'k', 1.5\n"
      "    return len(xs) + y\n"
      "\n"
      "def g(n: int)<CURSOR>:\n"
      "    return n * 2\n");
  auto a = analyzeText(m.text);
  auto hints = inlayHints(*a, {0, static_cast<uint32_t>(m.text.size())});
  REQUIRE(hints.size() == 4);
  CHECK(hints[0].offset == m.cursors[0]);
  CHECK(hints[0].label == ": list[int]");
  CHECK(hints[1].offset == m.cursors[1]);
  CHECK(hints[1].label == ": str");
  CHECK(hints[2].offset == m.cursors[2]);
  CHECK(hints[2].label == ": float");
  // The unannotated return: the type the doctor's fix would insert.
  CHECK(hints[3].offset == m.cursors[3]);
  CHECK(hints[3].label == " -> int");
  // Restricted to a range: only what lies inside.
  CHECK(inlayHints(*a, {m.cursors[0] - 3, m.cursors[0] + 1}).size() == 1);
}

TEST_CASE("code lens: compile status of functions, struct layout of classes") {
  auto a = analyzeText(std::string(kShapes) +
                       "\ndef bad(x: int) -> int:\n    y = x + 'a'\n    return undefined_thing\n");
  auto lenses = codeLenses(*a);
  std::vector<std::string> titles;
  for (const auto& l : lenses) titles.push_back(std::string(textAt(*a, l.range)) + ": " + l.title);
  CHECK(titles == std::vector<std::string>{"Point: struct · 24 bytes · 2 fields", "__init__: compiles natively",
                                           "norm: compiles natively", "scale: compiles natively",
                                           "bad: blocked: 2 problems"});
}

TEST_CASE("code action: ignore comment appended, re-analysis clears the diagnostic") {
  Marked m = mark("def f(x: int) -> int:\n    return x + <CURSOR>'a'\n");
  auto a = analyzeText(m.text);
  REQUIRE(codes(*a) == std::vector<std::string>{"unsupported-operator"});
  auto acts = codeActions(*a, {m.cursors[0], m.cursors[0]});
  REQUIRE(acts.size() == 1);
  CHECK(acts[0].title == "Ignore `unsupported-operator` on this line");
  CHECK(acts[0].kind == ActionKind::QuickFix);
  CHECK_FALSE(acts[0].preferred);
  CHECK(acts[0].diagnostics == std::vector<size_t>{0});
  std::string fixed = applyEdits(m.text, acts[0].edits);
  CHECK(fixed == "def f(x: int) -> int:\n    return x + 'a'  # molt: ignore[unsupported-operator]\n");
  CHECK(analyzeText(fixed)->diagnostics.empty());
}

TEST_CASE("code action: an existing ignore list is extended") {
  std::string src = "def f() -> int:\n    return undefined_a + 'x'  # molt: ignore[unsupported-operator]\n";
  auto a = analyzeText(src);
  REQUIRE(codes(*a) == std::vector<std::string>{"undefined-name"});
  auto e = ignoreEdit(*a, a->diagnostics[0]);
  REQUIRE(e);
  std::string fixed = applyEdits(src, {*e});
  CHECK(has(fixed, "# molt: ignore[unsupported-operator, undefined-name]"));
  CHECK(analyzeText(fixed)->diagnostics.empty());
}

TEST_CASE("code action: no ignore for syntax errors") {
  auto a = analyzeText("def f(:\n    pass\n");
  REQUIRE_FALSE(a->diagnostics.empty());
  CHECK(codeActions(*a, {0, static_cast<uint32_t>(a->source->text().size())}).empty());
}

TEST_CASE("code action: attached fixes become quick fixes, safe ones preferred and in fix-all") {
  auto base = analyzeText("def f(x: int) -> int:\n    return x + 'a'\n");
  // The checker attaches no fixes yet; add some to exercise the wiring.
  auto a = std::make_shared<DocumentAnalysis>();
  a->uri = base->uri;
  a->source = std::make_unique<SourceFile>("t.py", std::string(base->source->text()));
  a->diagnostics = base->diagnostics;
  Diagnostic& d = a->diagnostics.at(0);
  uint32_t q = static_cast<uint32_t>(a->source->text().find("'a'"));
  d.fixes.push_back({"use a number", Applicability::Safe, {{{q, q + 3}, "1"}}});
  d.fixes.push_back({"convert x to str", Applicability::Unsafe, {{{q - 4, q - 3}, "str(x)"}}});
  d.fixes.push_back({"think about it", Applicability::DisplayOnly, {{{q, q}, "?"}}});
  auto acts = codeActions(*a, d.range);
  REQUIRE(acts.size() == 3);
  CHECK(acts[0].title == "use a number");
  CHECK(acts[0].preferred);
  CHECK(acts[1].title == "convert x to str");
  CHECK_FALSE(acts[1].preferred);
  CHECK(has(acts[2].title, "Ignore"));
  auto all = fixAllAction(*a);
  REQUIRE(all);
  CHECK(all->kind == ActionKind::SourceFixAll);
  CHECK(applyEdits(std::string(a->source->text()), all->edits) == "def f(x: int) -> int:\n    return x + 1\n");
  CHECK_FALSE(fixAllAction(*base));
}

TEST_CASE("code action: the doctor's fixes, preferred when safe, and fix-all") {
  std::string src =
      "def f(x: int):\n"
      "    return x * 2\n"
      "\n"
      "class P:\n"
      "    def __init__(self) -> None:\n"
      "        self.a = 1\n"
      "\n"
      "p = P()\n"
      "p.b = 2\n";
  auto a = analyzeText(src);
  REQUIRE(codes(*a) == std::vector<std::string>{"missing-annotation", "attribute-added-outside"});
  auto acts = codeActions(*a, a->diagnostics[0].range);
  REQUIRE(acts.size() == 2);
  CHECK(acts[0].title == "annotate the return type `-> int`");
  CHECK(acts[0].preferred);
  CHECK(has(acts[1].title, "Ignore"));
  CHECK(applyEdits(src, acts[0].edits).starts_with("def f(x: int) -> int:\n"));
  auto unsafe = codeActions(*a, a->diagnostics[1].range);
  REQUIRE(unsafe.size() == 2);
  CHECK(has(unsafe[0].title, "declare `b: int`"));
  CHECK_FALSE(unsafe[0].preferred);
  auto all = fixAllAction(*a);
  REQUIRE(all);
  CHECK(all->edits.size() == 1);  // the safe one only
  CHECK(codes(*analyzeText(applyEdits(src, all->edits))) == std::vector<std::string>{"attribute-added-outside"});
}

TEST_CASE("suggestions are opt-in, as with `molt check --suggestions`") {
  std::string src = "from typing import List\n\ndef g(xs: List[int]) -> int:\n    return len(xs)\n";
  CHECK(analyzeText(src)->diagnostics.empty());
  AnalyzeOptions o;
  o.analysis.suggestions = true;
  auto a = analyzeText(src, o);
  REQUIRE(codes(*a) == std::vector<std::string>{"deprecated-typing-alias"});
  CHECK(a->diagnostics[0].severity() == Severity::Note);
  auto all = fixAllAction(*a);
  REQUIRE(all);
  CHECK(has(applyEdits(src, all->edits), "xs: list[int]"));
}

TEST_CASE("settings-ignored codes are filtered, syntax errors never") {
  AnalyzeOptions o;
  o.ignore_codes = {"unsupported-operator", "syntax-error"};
  CHECK(analyzeText("def f(x: int) -> int:\n    return x + 'a'\n", o)->diagnostics.empty());
  CHECK(codes(*analyzeText("def f(:\n", o)) == std::vector<std::string>{"syntax-error"});
}

TEST_CASE("invalid UTF-8 gets one diagnostic and no analysis") {
  auto a = analyzeText("x = 1\ny = '\xff'\n");
  CHECK(a->invalid_utf8);
  REQUIRE(a->diagnostics.size() == 1);
  CHECK(a->diagnostics[0].message == "invalid UTF-8 at byte 11 (line 2); Python source must be UTF-8");
  CHECK(a->diagnostics[0].range.begin == 11);
  CHECK_FALSE(hover(*a, 1));
  CHECK(semanticTokens(*a).empty());
  CHECK(codeActions(*a, {0, 20}).empty());
}
