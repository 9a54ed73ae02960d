// The analysis never crashes or hangs on bad input: seeded random mutations
// of the example programs and golden files (deleted, duplicated and swapped
// byte ranges, inserted tokens) all analyse to some diagnostics.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "test_support.h"

namespace fs = std::filesystem;

TEST_CASE("random mutations of real programs never crash the analysis") {
  std::vector<std::string> seeds;
  for (const char* dir : {"examples", "tests/golden", "tests/doctor"}) {
    for (const auto& e : fs::directory_iterator(fs::path(MOLT_SOURCE_DIR) / dir)) {
      if (e.path().extension() != ".py") continue;
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      seeds.push_back(ss.str());
    }
  }
  REQUIRE(seeds.size() > 10);
  static const char* tokens[] = {"(", ")", ":", "def ", "class ", "lambda", "yield", "**", "*", "[", "]", "{", "}",
                                 "\n", "    ", "'", "\"", "\"\"\"", "f\"{", "}", "if ", "else", "None", ".", ",",
                                 "=", "->", "@", "\\", "#", "é", "\t", "import ", "from ", "as ", "return ", "del "};
  std::mt19937 rng(20261125);
  size_t analysed = 0, with_diagnostics = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string text = seeds[rng() % seeds.size()];
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits && !text.empty(); ++k) {
      size_t a = rng() % text.size();
      size_t len = std::min<size_t>(rng() % 40, text.size() - a);
      switch (rng() % 4) {
        case 0: text.erase(a, len); break;
        case 1: text.insert(a, text.substr(a, len)); break;
        case 2: text.insert(a, tokens[rng() % std::size(tokens)]); break;
        case 3: {
          size_t b = rng() % text.size();
          std::string piece = text.substr(b, std::min<size_t>(len, text.size() - b));
          text.replace(a, len, piece);
          break;
        }
      }
    }
    // Mutations can split a multi-byte character; the CLI rejects such files
    // before analysis, so do the same here.
    if (molt::findInvalidUtf8(text) != std::string_view::npos) continue;
    auto r = molt::test::analyze(text);
    ++analysed;
    with_diagnostics += !r.analysis.diagnostics.empty();
    for (const auto& d : r.analysis.diagnostics) {
      CHECK(d.range.begin <= d.range.end);
      CHECK(d.range.end <= text.size());
    }
    (void)molt::dumpAst(r.analysis);
    (void)molt::dumpTypes(r.analysis);
    (void)molt::dumpLayouts(r.analysis);
  }
  CHECK(analysed > 1000);
  CHECK(with_diagnostics > analysed / 2);  // most mutations break something
}
