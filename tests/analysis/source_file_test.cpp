// Positions: byte offsets to line and UTF-8/UTF-16 columns, and UTF-8 validation.
#include <doctest/doctest.h>

#include "analysis/source_file.h"

using molt::SourceFile;

TEST_CASE("positions count UTF-8 bytes and UTF-16 code units") {
  // "é" is 2 bytes / 1 unit; "😀" is 4 bytes / 2 units.
  SourceFile f("t.py", "a = 1\ns = \"é😀x\"\n");
  auto p = f.position(0);
  CHECK(p.line == 1);
  CHECK(p.column_utf8 == 0);
  uint32_t x = static_cast<uint32_t>(f.text().find('x'));
  p = f.position(x);
  CHECK(p.line == 2);
  CHECK(p.column_utf8 == 11);   // s = " (5) + é (2) + 😀 (4)
  CHECK(p.column_utf16 == 8);   // s = " (5) + é (1) + 😀 (2)
  CHECK(f.offsetOf(2, 8, true) == x);
  CHECK(f.offsetOf(2, 11, false) == x);
  CHECK(f.lineText(2) == "s = \"é😀x\"");
  CHECK(f.lineCount() == 3);
}

TEST_CASE("invalid UTF-8 is found at the right byte") {
  CHECK(molt::findInvalidUtf8("abc") == std::string_view::npos);
  CHECK(molt::findInvalidUtf8("h\xC3\xA9llo") == std::string_view::npos);
  CHECK(molt::findInvalidUtf8("ab\xFF") == 2);
  CHECK(molt::findInvalidUtf8("a\xC3") == 1);             // truncated
  CHECK(molt::findInvalidUtf8("\xC0\x80") == 0);          // overlong
  CHECK(molt::findInvalidUtf8("\xED\xA0\x80") == 0);      // surrogate
  CHECK(molt::findInvalidUtf8("\xF4\x90\x80\x80") == 0);  // > U+10FFFF
}

// The scan skips ASCII 8 bytes at a time, and the line table is built with
// memchr: every offset relative to those 8-byte steps gives the same answers.
TEST_CASE("UTF-8 validation and line starts at every offset of a longer text") {
  for (size_t k = 0; k < 40; ++k) {
    std::string t(40, 'a');
    t[k] = '\xFF';
    CHECK(molt::findInvalidUtf8(t) == k);
    std::string ok(40, 'b');
    ok.replace(k, 1, "\xC3\xA9");  // a valid two-byte sequence straddling any step
    CHECK(molt::findInvalidUtf8(ok) == std::string_view::npos);
    std::string cut(40, 'c');
    cut[39 - k % 8] = '\xE2';  // a three-byte lead without its continuation bytes
    CHECK(molt::findInvalidUtf8(cut) == 39 - k % 8);
    std::string lines(40, 'x');
    lines[k] = '\n';
    SourceFile f("t.py", lines);
    CHECK(f.lineCount() == 2);
    CHECK(f.position(static_cast<uint32_t>(k + 1)).line == 2u);
    CHECK(f.lineText(1).size() == k);
  }
  SourceFile empty("t.py", "");
  CHECK(empty.lineCount() == 1);
  SourceFile nl("t.py", "\n\n");
  CHECK(nl.lineCount() == 3);
}
