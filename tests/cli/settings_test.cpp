// pyproject.toml settings and exclusion globs.
#include <doctest/doctest.h>

#include "cli/file_walk.h"
#include "cli/settings.h"

using namespace molt::cli;

TEST_CASE("[tool.molt] is read; other tables are ignored") {
  CheckSettings s;
  auto r = parsePyprojectText(
      "[project]\nname = \"x\"\nexclude = [\"nope\"]\n\n[tool.molt]\nexclude = [\"build/*\", # comment\n  'gen_*.py']\n"
      "ignore = \"unreachable-code\"\nfuture = 1\nother = \"y\"\n[tool.other]\nignore = [\"x\"]\n",
      s);
  CHECK(r.ok);
  CHECK(s.exclude == std::vector<std::string>{"build/*", "gen_*.py"});
  CHECK(s.ignore_codes == std::vector<std::string>{"unreachable-code"});
  REQUIRE(r.warnings.size() == 2);  // `future = 1` is not a string and not a known key
}

TEST_CASE("exclusion matches paths, basenames and directory names") {
  CHECK(matchesExclude("src/gen_a.py", {"gen_*.py"}));
  CHECK(matchesExclude("./build/x.py", {"build"}));
  CHECK(matchesExclude("a/vendor/b.py", {"vendor/"}));
  CHECK_FALSE(matchesExclude("src/main.py", {"gen_*.py", "build"}));
}
