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
#include "analysis/definite_assignment.h"
#include "analysis/fixes.h"
#include "analysis/incremental.h"
#include "analysis/parse.h"
#include "analysis/syntax_tree.h"
#include "server/document.h"

using Clock = std::chrono::steady_clock;

// Counts operator new calls, for ONLY=parts (allocations per phase).
static thread_local size_t g_news = 0;
void* operator new(size_t n) {
  ++g_news;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
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
  std::vector<double> fresh, inc, lower, check, total, build, chunk_update, chunk_check, chunk_total;
  auto same = [](const molt::FileAnalysis& x, const molt::FileAnalysis& y) {
    if (x.diagnostics.size() != y.diagnostics.size()) return false;
    for (size_t i = 0; i < x.diagnostics.size(); ++i)
      if (x.diagnostics[i].range != y.diagnostics[i].range || x.diagnostics[i].message != y.diagnostics[i].message) return false;
    return molt::dumpAst(x) == molt::dumpAst(y) && molt::dumpTypes(x) == molt::dumpTypes(y);
  };
  int mismatches = 0;
  {  // The first analysis a server does: a cold process (nothing parsed yet).
    auto c0 = Clock::now();
    auto cold = molt::ChunkedModule::build(text);
    auto c1 = Clock::now();
    molt::SourceFile csrc("bench.py", text);
    molt::FileAnalysis ca = molt::analyzeParsed(csrc, cold->assemble());
    auto c2 = Clock::now();
    std::printf("cold: chunked build %.2f ms, analyzeParsed %.2f ms\n", ms(c0, c1), ms(c1, c2));
  }
  molt::lsp::Document doc("file:///bench.py", 1, text);
  doc.storeTree(molt::parsePython(doc.text()), doc.editCount());
  // ONLY=lower|check|fresh|inc|update: loop that phase alone (for perf record).
  if (const char* only = std::getenv("ONLY")) {
    std::string o = only;
    molt::SourceFile src("bench.py", text);
    molt::TreePtr t = molt::parsePython(text);
    auto cm = molt::ChunkedModule::build(text);
    doc.replaceBytes(at, at, "7");  // ONLY=update alternates between this text and the original
    for (int r = 0; r < rounds; ++r) {
      if (o == "fresh") (void)molt::parsePython(text);
      else if (o == "inc") {
        if (r % 2 == 0) doc.replaceBytes(at, at, "7");
        else doc.replaceBytes(at, at + 1, "");
        molt::TreePtr old = doc.treeCopy();
        doc.storeTree(molt::parsePython(doc.text(), old.get()), doc.editCount());
      }
      else if (o == "lower") (void)molt::lowerTree(src, t.get());
      else if (o == "check") (void)molt::analyzeParsed(src, cm->assemble());
      else if (o == "parts") {  // names / types / layouts, one line per round
        molt::ParsedModule pm = cm->assemble();
        std::vector<molt::Diagnostic> diags;
        size_t n0 = g_news;
        auto p0 = Clock::now();
        molt::NameResolution names = molt::resolveNames(pm.module, diags);
        auto p1 = Clock::now();
        size_t n1 = g_news;
        auto checked = molt::checkModule(pm.module, names, text, diags);
        auto p2 = Clock::now();
        size_t n2 = g_news;
        auto layouts = molt::computeLayouts(*checked, diags);
        auto p3 = Clock::now();
        size_t n3 = g_news;
        molt::checkDefiniteAssignment(pm.module, names, diags);
        auto p3b = Clock::now();
        size_t n3b = g_news;
        auto fa = std::make_unique<molt::FileAnalysis>(molt::analyzeParsed(src, cm->assemble()));
        auto p4 = Clock::now();
        size_t n4 = g_news;
        std::printf("allocations: names %zu  types %zu  layouts %zu  definite assignment %zu  analyzeParsed %zu\n", n1 - n0,
                    n2 - n1, n3 - n2, n3b - n3, n4 - n3b);
        fa.reset();
        names = {};
        checked.reset();
        auto p5 = Clock::now();
        std::printf("names %.2f  types %.2f  layouts %.2f  definite assignment %.2f  analyzeParsed %.2f  destroy both %.2f ms\n",
                    ms(p0, p1), ms(p1, p2), ms(p2, p3), ms(p3, p3b), ms(p3b, p4), ms(p4, p5));
      }
      else (void)molt::ChunkedModule::update(*cm, r % 2 ? text : doc.text());
    }
    return 0;
  }
  std::string prev_text = doc.text();
  auto chunks = molt::ChunkedModule::build(prev_text);
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
    // The chunked path on the same edit.
    auto t6 = Clock::now();
    auto built = molt::ChunkedModule::build(prev_text);
    auto t7 = Clock::now();
    auto next = molt::ChunkedModule::update(*chunks, doc.text());
    molt::ParsedModule cpm = next->assemble();
    auto t8 = Clock::now();
    molt::AnalysisOptions par;
    par.parallel = true;
    molt::FileAnalysis ca = molt::analyzeParsed(src, std::move(cpm), par);
    auto t9 = Clock::now();
    build.push_back(ms(t6, t7));
    chunk_update.push_back(ms(t7, t8));
    chunk_check.push_back(ms(t8, t9));
    chunk_total.push_back(ms(t7, t9));
    if (!next->ok() || !same(a, ca)) ++mismatches;
    chunks = next;
    prev_text = doc.text();
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
  std::printf("chunked lowering (%zu chunks):\n", chunks->chunkCount());
  std::printf("  build (2 threads)  %7.2f ms\n", med(build));
  std::printf("  update + assemble  %7.2f ms (%zu bytes parsed again)\n", med(chunk_update), chunks->reparsedBytes());
  std::printf("  analyzeParsed      %7.2f ms\n", med(chunk_check));
  std::printf("  edit total         %7.2f ms\n", med(chunk_total));
  std::printf("  mismatches with the whole-file path: %d\n", mismatches);
  return 0;
}
