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

struct FileAnalysis {
  const SourceFile* source = nullptr;  // not owned; must outlive this
  ParsedModule parsed;
  NameResolution names;
  std::unique_ptr<CheckedModule> checked;  // null when the file has syntax errors
  std::vector<StructLayout> layouts;       // one per user class, in declaration order
  std::vector<Diagnostic> diagnostics;     // sorted, after suppression

  [[nodiscard]] size_t errorCount() const;
};

[[nodiscard]] FileAnalysis analyzeFile(const SourceFile& file);
// For callers that keep their own tree-sitter tree (the language server).
[[nodiscard]] FileAnalysis analyzeParsed(const SourceFile& file, ParsedModule parsed);

// Text dumps of phase boundaries, for `molt check --emit=ast|types`.
[[nodiscard]] std::string dumpAst(const FileAnalysis& a);
[[nodiscard]] std::string dumpTypes(const FileAnalysis& a);
[[nodiscard]] std::string dumpLayouts(const FileAnalysis& a);

}  // namespace molt
