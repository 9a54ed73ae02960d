// LSP-layer tests: UTF-16 vs UTF-8 positions on non-ASCII text, URIs,
// encoding negotiation, Content-Length framing, settings parsing, and
// incremental document edits.
#include <doctest/doctest.h>

#include "server/document.h"
#include "server/protocol.h"
#include "server/settings.h"
#include "server/transport.h"

using namespace molt;
using namespace molt::lsp;

TEST_CASE("positions: UTF-16 and UTF-8 columns differ on non-ASCII text") {
  // 'é' is 2 bytes / 1 UTF-16 unit; '😀' is 4 bytes / 2 units (a surrogate pair).
  SourceFile f("t.py", "s = 'é😀'\nx = 1\n");
  uint32_t x = static_cast<uint32_t>(f.text().find("'", 5));  // the closing quote
  CHECK(x == 11);
  CHECK(toPosition(f, x, PositionEncoding::Utf8) == Position{0, 11});
  CHECK(toPosition(f, x, PositionEncoding::Utf16) == Position{0, 8});
  CHECK(toOffset(f, {0, 8}, PositionEncoding::Utf16) == x);
  CHECK(toOffset(f, {0, 11}, PositionEncoding::Utf8) == x);
  CHECK(toOffset(f, {1, 0}, PositionEncoding::Utf16) == 13);
  // Out of range: clamp to the line end / the file end.
  CHECK(toOffset(f, {0, 999}, PositionEncoding::Utf16) == 12);
  CHECK(toOffset(f, {99, 3}, PositionEncoding::Utf16) == f.text().size());
  // Round trip every offset that starts a character.
  for (uint32_t i = 0; i <= f.text().size(); ++i) {
    unsigned char c = i < f.text().size() ? static_cast<unsigned char>(f.text()[i]) : 0;
    if ((c & 0xC0) == 0x80) continue;
    for (auto e : {PositionEncoding::Utf8, PositionEncoding::Utf16}) CHECK(toOffset(f, toPosition(f, i, e), e) == i);
  }
}

TEST_CASE("offsetInText agrees with SourceFile and never splits a character in UTF-16") {
  std::string t = "a = 'é😀z'\r\nb\n";
  SourceFile f("t.py", t);
  for (uint32_t line = 0; line < 3; ++line)
    for (uint32_t ch = 0; ch < 14; ++ch)
      for (auto e : {PositionEncoding::Utf8, PositionEncoding::Utf16}) {
        CAPTURE(line);
        CAPTURE(ch);
        CHECK(offsetInText(t, {line, ch}, e) == toOffset(f, {line, ch}, e));
      }
  CHECK(offsetInText(t, {0, 7}, PositionEncoding::Utf16) == 11);  // inside the surrogate pair: after it
  CHECK(offsetInText("ab\xff\xfe", {0, 3}, PositionEncoding::Utf16) == 3);  // stray bytes count as one unit
}

TEST_CASE("position encoding negotiation") {
  using json = nlohmann::json;
  CHECK(negotiateEncoding(json::object()) == PositionEncoding::Utf16);
  CHECK(negotiateEncoding(json::parse(R"({"general":{"positionEncodings":["utf-16"]}})")) == PositionEncoding::Utf16);
  CHECK(negotiateEncoding(json::parse(R"({"general":{"positionEncodings":["utf-32","utf-8","utf-16"]}})")) ==
        PositionEncoding::Utf8);
  CHECK(negotiateEncoding(json::parse(R"({"general":{"positionEncodings":"utf-8"}})")) == PositionEncoding::Utf16);
}

TEST_CASE("file URIs round-trip, with percent-encoding") {
  CHECK(uriToPath("file:///home/u/a%20b/%C3%A9.py") == "/home/u/a b/é.py");
  CHECK(pathToUri("/home/u/a b/é.py") == "file:///home/u/a%20b/%C3%A9.py");
  CHECK(uriToPath(pathToUri("/tmp/x#y?.py")) == "/tmp/x#y?.py");
  CHECK(uriToPath("file://localhost/etc/x.py") == "/etc/x.py");
  CHECK(uriToPath("untitled:Untitled-1") == "untitled:Untitled-1");
  CHECK(uriToPath("file:///bad%zz%2") == "/bad%zz%2");
}

TEST_CASE("framing: messages split across reads, back to back, and malformed headers") {
  FrameReader r(1000);
  std::vector<FrameEvent> out;
  std::string two = frame(R"({"a":1})") + frame(R"({"b":2})");
  for (char c : two) r.feed(std::string_view(&c, 1), out);  // one byte at a time
  REQUIRE(out.size() == 2);
  CHECK(out[0].text == R"({"a":1})");
  CHECK(out[1].text == R"({"b":2})");

  out.clear();
  r.feed("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}", out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].kind == FrameEvent::Kind::Message);

  out.clear();
  r.feed("Content-Length: abc\r\n\r\n{}" + frame("[1]"), out);  // bad value, then resync on the next header
  REQUIRE(out.size() == 3);
  CHECK(out[0].kind == FrameEvent::Kind::Error);
  CHECK(out[0].text.find("invalid Content-Length") != std::string::npos);
  CHECK(out[1].kind == FrameEvent::Kind::Error);  // "{}" is junk before the next header
  CHECK(out[2].text == "[1]");

  out.clear();
  r.feed("X-Nothing: 1\r\n\r\n" + frame("[2]"), out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].kind == FrameEvent::Kind::Error);
  CHECK(out[1].text == "[2]");

  out.clear();
  r.feed("Content-Length: 5000\r\n\r\n" + std::string(5000, 'x') + frame("[3]"), out);  // over the cap
  REQUIRE(out.size() == 2);
  CHECK(out[0].text.find("exceeds the limit") != std::string::npos);
  CHECK(out[1].text == "[3]");
}

TEST_CASE("settings: client JSON, nested or dotted, and pyproject [tool.molt]") {
  ServerSettings s;
  applyClientSettings(nlohmann::json::parse(R"({"molt":{"check":{"onType":false},"debounceMs":7,"ignore":["a"]}})"), s);
  CHECK_FALSE(s.check_on_type);
  CHECK(s.debounce_ms == 7);
  CHECK(s.client_ignore == std::vector<std::string>{"a"});
  applyClientSettings(nlohmann::json::parse(R"({"check.onType":true,"debounceMs":-3})"), s);
  CHECK(s.check_on_type);
  CHECK(s.debounce_ms == 7);  // bad value: unchanged
  std::vector<std::string> codes;
  CHECK(parsePyprojectIgnore("[project]\nname = \"x\"\nignore = [\"no\"]\n\n[tool.molt]\nexclude = [\"b\"]  # c\n"
                             "ignore = [\n  \"unreachable-code\", # why\n  'possibly-none',\n]\n[tool.other]\nignore=[\"z\"]\n",
                             codes));
  CHECK(codes == std::vector<std::string>{"unreachable-code", "possibly-none"});
  CHECK_FALSE(parsePyprojectIgnore("[tool.ruff]\nignore = [\"E1\"]\n", codes));
  CHECK(codes.empty());
}

TEST_CASE("documents: incremental edits update the text and keep the tree usable") {
  Document d("file:///t.py", 1, "x = 1\ny = 'é'\n");
  auto a = analyzeDocument(d.uri(), 1, d.text(), nullptr, {});
  TreePtr tree;
  (void)analyzeDocument(d.uri(), 1, d.text(), nullptr, {}, &tree);
  d.storeTree(std::move(tree), d.editCount());
  d.applyChanges({{Range{{1, 6}, {1, 7}}, "z"}}, 2, PositionEncoding::Utf16);  // the closing quote (after 'é')
  CHECK(d.text() == "x = 1\ny = 'éz\n");
  d.applyChanges({{Range{{1, 7}, {1, 8}}, "'"}}, 3, PositionEncoding::Utf8);  // 'é' is 2 bytes in UTF-8
  CHECK(d.text() == "x = 1\ny = 'é'\n");
  d.applyChanges({{Range{{0, 4}, {0, 5}}, "2 + 3"}, {Range{{5, 0}, {9, 9}}, "z = x\n"}}, 4, PositionEncoding::Utf8);
  CHECK(d.text() == "x = 2 + 3\ny = 'é'\nz = x\n");
  d.applyChanges({{Range{{1, 9}, {0, 0}}, "!"}}, 5, PositionEncoding::Utf16);  // reversed: empty at the start
  CHECK(d.text() == "x = 2 + 3\ny = 'é'!\nz = x\n");
  d.applyChanges({{std::nullopt, "w = 0\n"}}, 6, PositionEncoding::Utf16);
  CHECK(d.text() == "w = 0\n");
  CHECK(d.version() == 6);
}

TEST_CASE("documents: analyses reuse chunks, fall back to a whole-file parse on syntax errors, and come back") {
  std::string text;
  for (int i = 0; i < 1000; ++i)
    text += "def f" + std::to_string(i) + "(a: int) -> int:\n    return a + " + std::to_string(i + 1) + "\n\n\n";
  text += "x: str = f3(1)\n";  // one type error
  Document d("file:///big.py", 1, text);
  auto fresh = [&](const std::string& t) { return analyzeDocument(d.uri(), 0, t, nullptr, {})->diagnostics; };
  auto same = [](const std::vector<molt::Diagnostic>& x, const std::vector<molt::Diagnostic>& y) {
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
      if (x[i].range != y[i].range || x[i].message != y[i].message || x[i].kind != y[i].kind) return false;
    return true;
  };
  int64_t version = 1;
  auto step = [&](std::string_view from, std::string_view to) {
    std::string t = d.text();
    size_t at = t.find(from);
    REQUIRE(at != std::string::npos);
    d.replaceBytes(at, at + from.size(), to);
    std::shared_ptr<const molt::ChunkedModule> next;
    TreePtr tree, old = d.treeCopy();
    auto a = analyzeDocument(d.uri(), ++version, d.text(), old.get(), {}, &tree, d.chunks().get(), &next);
    d.storeTree(std::move(tree), d.editCount());
    d.storeChunks(std::move(next), d.editCount());
    CHECK(same(a->diagnostics, fresh(d.text())));
    return a;
  };
  std::shared_ptr<const molt::ChunkedModule> chunks;
  auto first = analyzeDocument(d.uri(), 1, d.text(), nullptr, {}, nullptr, nullptr, &chunks);
  d.storeChunks(chunks, d.editCount());
  CHECK(first->chunked);
  CHECK(first->diagnostics.size() == 1);
  auto a = step("return a + 500", "return a + 5007");
  CHECK((a->chunked && a->incremental));
  a = step("def f100(a: int)", "def f100(a: int");  // syntax error: whole-file fallback
  CHECK_FALSE(a->chunked);
  a = step("return a + 901", "return a + 9011");
  CHECK_FALSE(a->chunked);
  a = step("def f100(a: int", "def f100(a: int)");  // fixed: chunks rebuilt from the whole-file tree
  CHECK(a->chunked);
  a = step("return a + 3", "return a + 37");
  CHECK((a->chunked && a->incremental));
  CHECK(a->diagnostics.size() == 1);
}
