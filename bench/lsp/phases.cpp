// Phase timings behind one molt-lsp edit: fresh parse, incremental reparse
// after a one-character edit, lowering, and checking, on a given file.
// Not a test; built as `molt_lsp_phase_bench` (see server/CMakeLists.txt).
// usage: molt_lsp_phase_bench FILE [ROUNDS]
#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/check_file.h"
#include "analysis/parse.h"
#include "analysis/syntax_tree.h"
#include "server/document.h"

using Clock = std::chrono::steady_clock;
static double ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [ROUNDS]\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  int rounds = argc > 2 ? std::atoi(argv[2]) : 20;
  // A spot after a nonzero digit in the middle of the file.
  double frac = std::getenv("AT") ? std::atof(std::getenv("AT")) : 0.5;
  size_t at = static_cast<size_t>(static_cast<double>(text.size()) * frac);
  while (at < text.size() && !(text[at] >= '1' && text[at] <= '9' && text[at - 1] == ' ')) ++at;
  ++at;
  std::vector<double> fresh, inc, lower, check, total;
  molt::lsp::Document doc("file:///bench.py", 1, text);
  molt::TreePtr tree = molt::parsePython(doc.text());
  doc.storeTree(std::move(tree), doc.editCount());
  for (int r = 0; r < rounds; ++r) {
    auto t0 = Clock::now();
    molt::TreePtr f = molt::parsePython(doc.text());
    auto t1 = Clock::now();
    fresh.push_back(ms(t0, t1));
    if (r % 2 == 0) doc.replaceBytes(at, at, "7");
    else doc.replaceBytes(at, at + 1, "");
    molt::TreePtr old = doc.treeCopy();
    auto t2 = Clock::now();
    molt::TreePtr t = molt::parsePython(doc.text(), old.get());
    auto t3 = Clock::now();
    molt::SourceFile src("bench.py", doc.text());
    molt::ParsedModule pm = molt::lowerTree(src, t.get());
    auto t4 = Clock::now();
    molt::FileAnalysis a = molt::analyzeParsed(src, std::move(pm));
    auto t5 = Clock::now();
    inc.push_back(ms(t2, t3));
    lower.push_back(ms(t3, t4));
    check.push_back(ms(t4, t5));
    total.push_back(ms(t2, t5));
    doc.storeTree(std::move(t), doc.editCount());
  }
  auto med = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  std::printf("%s: %zu bytes, %d rounds (medians)\n", argv[1], text.size(), rounds);
  std::printf("  fresh parse        %7.2f ms\n", med(fresh));
  std::printf("  incremental parse  %7.2f ms\n", med(inc));
  std::printf("  lowerTree          %7.2f ms\n", med(lower));
  std::printf("  analyzeParsed      %7.2f ms (names + types + suppression)\n", med(check));
  std::printf("  edit total         %7.2f ms\n", med(total));
  return 0;
}
