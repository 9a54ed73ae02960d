// The analysis pipeline for one file: parse -> lower -> resolve names ->
// check types, then `# molt: ignore[...]` suppression. This is the single
// entry point the CLI and the language server share, so both report the
// same diagnostics.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "checker.h"
#include "names.h"
#include "parse.h"
#include "source_file.h"
#include "structify.h"

namespace molt {

// What the pipeline reports beyond errors and warnings.
struct AnalysisOptions {
  // Note-level suggestions with safe fixes (modern spellings, declared
  // fields, simpler code), as `molt doctor` and the language server show.
  bool suggestions = false;
  // Also suggest `X | None` for `Optional[X]` (a style choice, so opt-in).
  bool prefer_pipe_optional = false;
  // Run definite assignment on a second thread while the checker types a
  // big module (the language server; `molt check` already runs one file
  // per core). Same diagnostics, same order.
  bool parallel = false;
};

struct FileAnalysis {
  const SourceFile* source = nullptr;  // not owned; must outlive this
  ParsedModule parsed;
  NameResolution names;
  std::unique_ptr<CheckedModule> checked;  // null when the file has syntax errors
  std::vector<StructLayout> layouts;       // one per user class, in declaration order
  std::vector<Diagnostic> diagnostics;     // sorted, after suppression

  [[nodiscard]] size_t errorCount() const;
};

[[nodiscard]] FileAnalysis analyzeFile(const SourceFile& file, const AnalysisOptions& options = {});
// For callers that keep their own tree-sitter tree (the language server).
[[nodiscard]] FileAnalysis analyzeParsed(const SourceFile& file, ParsedModule parsed, const AnalysisOptions& options = {});

// Note-level suggestions (suggestions.cpp); appended to `diags`.
void addSuggestions(const FileAnalysis& a, const AnalysisOptions& options, std::vector<Diagnostic>& diags);

// Text dumps of phase boundaries, for `molt check --emit=ast|types`.
[[nodiscard]] std::string dumpAst(const FileAnalysis& a);
[[nodiscard]] std::string dumpTypes(const FileAnalysis& a);
[[nodiscard]] std::string dumpLayouts(const FileAnalysis& a);

}  // namespace molt
