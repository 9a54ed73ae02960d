// Helpers for the language server's tests: `<CURSOR>` markers in sources,
// analysing a snippet the way the server does, and JSON-RPC framing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "server/document.h"

namespace molt::lsp::test {

inline constexpr std::string_view kCursor = "<CURSOR>";

// Source text with every `<CURSOR>` removed; `cursors` are their byte offsets.
struct Marked {
  std::string text;
  std::vector<uint32_t> cursors;
};

inline Marked mark(std::string_view src) {
  Marked m;
  size_t i = 0;
  while (i < src.size()) {
    size_t p = src.find(kCursor, i);
    if (p == std::string_view::npos) {
      m.text.append(src.substr(i));
      break;
    }
    m.text.append(src.substr(i, p - i));
    m.cursors.push_back(static_cast<uint32_t>(m.text.size()));
    i = p + kCursor.size();
  }
  return m;
}

inline std::shared_ptr<const DocumentAnalysis> analyzeText(std::string text, AnalyzeOptions opts = {}) {
  return analyzeDocument("file:///test/t.py", 1, std::move(text), nullptr, opts);
}

// The text at `r` in the analysed source.
inline std::string_view textAt(const DocumentAnalysis& a, SourceRange r) {
  return a.source->text().substr(r.begin, r.end - r.begin);
}

// Applies non-overlapping edits (any order) to `text`.
inline std::string applyEdits(std::string text, std::vector<TextEdit> edits) {
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.range.begin > b.range.begin; });
  for (const TextEdit& e : edits) text.replace(e.range.begin, e.range.end - e.range.begin, e.replacement);
  return text;
}

inline std::vector<std::string> codes(const DocumentAnalysis& a) {
  std::vector<std::string> out;
  for (const Diagnostic& d : a.diagnostics) out.emplace_back(d.code());
  return out;
}

}  // namespace molt::lsp::test
