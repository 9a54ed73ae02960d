// Output formats: SARIF 2.1.0 structure, GitHub escaping, human snippets.
#include <doctest/doctest.h>

#include "analysis/check_file.h"
#include "cli/output_formats.h"

using namespace molt;

namespace {
FileAnalysis run(const SourceFile& f) { return analyzeFile(f); }
}  // namespace

TEST_CASE("SARIF has the 2.1.0 fields that consumers read") {
  SourceFile f("dir/a b.py", "x: int = 'é'\ny = undefined\n");
  auto a = run(f);
  REQUIRE(a.diagnostics.size() == 2);
  auto log = cli::sarifLog(cli::sarifResults(f, a.diagnostics));
  CHECK(log["version"] == "2.1.0");
  const auto& results = log["runs"][0]["results"];
  REQUIRE(results.size() == 2);
  CHECK(results[0]["ruleId"] == "invalid-assignment");
  CHECK(results[0]["level"] == "error");
  const auto& loc = results[0]["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "dir/a b.py");
  CHECK(loc["region"]["startLine"] == 1);
  CHECK(loc["region"]["startColumn"] == 10);
  CHECK(results[1]["ruleId"] == "undefined-name");
  CHECK(results[1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2);
  // Every ruleIndex points at the matching rule.
  const auto& rules = log["runs"][0]["tool"]["driver"]["rules"];
  for (const auto& r : results) CHECK(rules[r["ruleIndex"].get<int>()]["id"] == r["ruleId"]);
}

TEST_CASE("GitHub annotations escape properties and messages") {
  SourceFile f("a,b.py", "x = undefined\n");
  auto a = run(f);
  std::string out = cli::renderGithub(f, a.diagnostics);
  CHECK(out.starts_with("::error file=a%2Cb.py,line=1,col=5,endLine=1,endColumn=14,title=molt [undefined-name]::"));
}

TEST_CASE("human output shows the line and a caret under the exact range") {
  SourceFile f("t.py", "def f() -> int:\n    return 'abc'\n");
  auto a = run(f);
  std::string out = cli::renderHuman(f, a.diagnostics, false);
  CHECK(out.find("t.py:2:12: error[invalid-return-type]:") == 0);
  CHECK(out.find("2 |     return 'abc'\n  |            ^^^^^\n") != std::string::npos);
}
