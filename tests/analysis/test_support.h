// Helpers shared by the analysis tests: analyse a snippet, list its codes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "analysis/check_file.h"

namespace molt::test {

struct Analyzed {
  std::unique_ptr<SourceFile> source;
  FileAnalysis analysis;
};

inline Analyzed analyze(std::string text, std::string path = "test.py", AnalysisOptions options = {}) {
  Analyzed a;
  a.source = std::make_unique<SourceFile>(std::move(path), std::move(text));
  a.analysis = analyzeFile(*a.source, options);
  return a;
}

// "line:code" for each diagnostic, in order.
inline std::vector<std::string> codes(const Analyzed& a) {
  std::vector<std::string> out;
  for (const Diagnostic& d : a.analysis.diagnostics)
    out.push_back(std::to_string(a.source->position(d.range.begin).line) + ":" + std::string(d.code()));
  return out;
}

inline std::string messages(const Analyzed& a) {
  std::string out;
  for (const Diagnostic& d : a.analysis.diagnostics) out += std::string(d.code()) + ": " + d.message + "\n";
  return out;
}

}  // namespace molt::test
