// The diagnostics registry: every kind has a stable kebab-case code, a doc
// page and a golden test that exercises it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "analysis/diagnostics.h"

namespace fs = std::filesystem;

TEST_CASE("every diagnostic kind has a doc page and a golden test") {
  fs::path root(MOLT_SOURCE_DIR);
  std::set<std::string_view> seen;
  for (const molt::DiagnosticInfo& i : molt::allDiagnosticKinds()) {
    INFO("code: ", std::string(i.code));
    CHECK(seen.insert(i.code).second);  // unique
    for (char c : i.code) CHECK(((c >= 'a' && c <= 'z') || c == '-'));
    CHECK(molt::kindFromCode(i.code) == i.kind);
    fs::path doc = root / "docs" / "diagnostics" / (std::string(i.code) + ".md");
    CHECK(fs::exists(doc));
    std::string file = std::string(i.code);
    for (char& c : file)
      if (c == '-') c = '_';
    fs::path golden = root / "tests" / "golden" / ("fail_" + file + ".py");
    REQUIRE(fs::exists(golden));
    std::ifstream in(golden);
    std::stringstream ss;
    ss << in.rdbuf();
    CHECK(ss.str().find("[" + std::string(i.code) + "]") != std::string::npos);
  }
  CHECK_FALSE(molt::kindFromCode("no-such-code").has_value());
}
