// finishWasmModule on small hand-built modules: what it keeps, where the
// hints go, and that bad input is an error, never a crash.
#include "codegen/wasm_hints.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using molt::codegen::finishWasmModule;
using molt::codegen::kHintEagerBaseline;
using molt::codegen::kHintEagerOptimized;

namespace {

std::string section(char id, const std::string& payload) {
  // (Every payload here is under 128 bytes: a one-byte size.)
  return std::string(1, id) + static_cast<char>(payload.size()) + payload;
}
std::string str(const std::string& s) { return static_cast<char>(s.size()) + s; }

const std::string kHeader("\0asm\1\0\0\0", 8);
// type: () -> (); import: env.f (a function) and env.mem (a memory, min 1);
// three defined functions, each `end`.
const std::string kType = section(1, std::string("\x01\x60\x00\x00", 4));
const std::string kImport =
    section(2, std::string("\x02", 1) + str("env") + str("f") + std::string("\x00\x00", 2) + str("env") + str("mem") +
                   std::string("\x02\x00\x01", 3));
const std::string kFunction = section(3, std::string("\x03\x00\x00\x00", 4));
const std::string kCode = section(10, std::string("\x03\x02\x00\x0b\x02\x00\x0b\x02\x00\x0b", 10));
// Function names: 0 f (the import), 1 main, 2 hot, 3 cold.
const std::string kNames = section(
    0, str("name") + std::string("\x01", 1) +
           [] {
             std::string sub = std::string("\x04", 1) + std::string("\x00", 1) + str("f") + "\x01" + str("main") +
                               "\x02" + str("hot") + "\x03" + str("cold");
             return static_cast<char>(sub.size()) + sub;
           }());
const std::string kProducers = section(0, str("producers") + std::string("\x00", 1));
const std::string kLinked = kHeader + kType + kImport + kFunction + kCode + kNames + kProducers;

}  // namespace

TEST_CASE("custom sections are dropped; with no eager function, nothing is added") {
  auto f = finishWasmModule(kLinked, {});
  REQUIRE(f.ok);
  CHECK(f.bytes == kHeader + kType + kImport + kFunction + kCode);
  CHECK(f.hinted == 0);
}

TEST_CASE("eager functions get a hints section right before the code section") {
  auto f = finishWasmModule(kLinked, {"hot", "f", "missing"});
  REQUIRE(f.ok);
  // One byte per defined function (main, hot, cold); the import is not one.
  // The others are compiled eagerly too, in baseline code.
  std::string hints = section(0, str("compilationHints") + "\x03" + static_cast<char>(kHintEagerBaseline) +
                                     static_cast<char>(kHintEagerOptimized) + static_cast<char>(kHintEagerBaseline));
  CHECK(f.bytes == kHeader + kType + kImport + kFunction + hints + kCode);
  CHECK(f.hinted == 1);
  CHECK(finishWasmModule(kLinked, {"hot", "f", "missing"}).bytes == f.bytes);
}

TEST_CASE("a module without a name section gets no hints") {
  auto f = finishWasmModule(kHeader + kType + kImport + kFunction + kCode, {"hot"});
  REQUIRE(f.ok);
  CHECK(f.hinted == 0);
}

TEST_CASE("bad input is an error, never a crash") {
  CHECK_FALSE(finishWasmModule("", {"hot"}).ok);
  CHECK_FALSE(finishWasmModule("not wasm at all", {"hot"}).ok);
  // A cut at a section boundary is a shorter module; every other cut fails
  // with a message (and, under the sanitizers, reads nothing past the end).
  std::vector<size_t> boundaries{kHeader.size()};
  for (const std::string* sec : {&kType, &kImport, &kFunction, &kCode, &kNames, &kProducers})
    boundaries.push_back(boundaries.back() + sec->size());
  for (size_t n = kHeader.size(); n < kLinked.size(); ++n) {
    auto f = finishWasmModule(kLinked.substr(0, n), {"hot"});
    bool boundary = std::find(boundaries.begin(), boundaries.end(), n) != boundaries.end();
    CHECK_MESSAGE(f.ok == boundary, "cut at ", n);
    if (!f.ok) CHECK(!f.error.empty());
  }
  // A name section whose subsection claims more than it has.
  std::string bad_names = section(0, str("name") + std::string("\x01\x7f\x01", 3));
  auto f = finishWasmModule(kHeader + kType + kImport + kFunction + kCode + bad_names, {"hot"});
  CHECK(f.ok);  // (names are advisory: unreadable ones give no hints)
  CHECK(f.hinted == 0);
}
