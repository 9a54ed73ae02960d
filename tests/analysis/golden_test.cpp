// Golden diagnostics: every tests/golden/*.py file carries its expectations
// inline (`# error: [code]` / `# warning: [code]` on the line where the
// diagnostic starts). The set of reported (line, code) pairs must equal the
// set of markers exactly: a missing or an extra diagnostic fails.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "test_support.h"

namespace fs = std::filesystem;

namespace {

std::set<std::pair<uint32_t, std::string>> expectations(const std::string& text) {
  std::set<std::pair<uint32_t, std::string>> out;
  std::istringstream in(text);
  std::string line;
  uint32_t n = 0;
  static const std::regex marker(R"(#\s*(error|warning|note):\s*((\[[a-z-]+\]\s*)+))");
  static const std::regex code(R"(\[([a-z-]+)\])");
  while (std::getline(in, line)) {
    ++n;
    std::smatch m;
    if (!std::regex_search(line, m, marker)) continue;
    std::string codes = m[2];
    for (std::sregex_iterator it(codes.begin(), codes.end(), code), end; it != end; ++it) out.emplace(n, (*it)[1]);
  }
  return out;
}

}  // namespace

TEST_CASE("golden diagnostics files match their inline markers") {
  fs::path dir = fs::path(MOLT_SOURCE_DIR) / "tests" / "golden";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".py") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 27);
  for (const fs::path& p : files) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    auto want = expectations(text);
    // A first line `# molt-test: suggestions` turns on note-level suggestions.
    molt::AnalysisOptions options;
    options.suggestions = text.starts_with("# molt-test: suggestions");
    auto a = molt::test::analyze(text, p.string(), options);
    std::set<std::pair<uint32_t, std::string>> got;
    std::string detail;
    for (const auto& d : a.analysis.diagnostics) {
      uint32_t line = a.source->position(d.range.begin).line;
      got.emplace(line, std::string(d.code()));
      detail += "  " + std::to_string(line) + ": [" + std::string(d.code()) + "] " + d.message + "\n";
    }
    INFO("file: ", p.filename().string(), "\nreported:\n", detail);
    CHECK(want == got);
    // fail_* files must fail, pass_* files must be clean.
    if (p.filename().string().starts_with("pass_")) CHECK(got.empty());
    if (p.filename().string().starts_with("fail_")) CHECK_FALSE(want.empty());
  }
}
