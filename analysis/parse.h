// The front end's entry point: source text -> Molt AST plus syntax and
// unsupported-syntax diagnostics. Everything the lowering does not handle is
// reported (fail closed); nothing is silently dropped.
#pragma once

#include <string>
#include <vector>

#include "ast.h"
#include "diagnostics.h"
#include "source_file.h"

struct TSTree;

namespace molt {

// A `# molt: ignore[code, ...]` comment. An empty code list ignores every code.
struct IgnoreDirective {
  uint32_t line = 0;
  std::vector<std::string> codes;
};

struct ParsedModule {
  Module module;
  std::vector<Diagnostic> diagnostics;
  std::vector<IgnoreDirective> ignores;
  bool has_syntax_errors = false;
};

// Parses and lowers `file`. The result's AST refers into `file`'s text, so the
// SourceFile must outlive it.
[[nodiscard]] ParsedModule parseModule(const SourceFile& file);

// Lowers an existing tree-sitter tree of `file`'s text (used by the language
// server, which keeps trees for incremental reparsing).
[[nodiscard]] ParsedModule lowerTree(const SourceFile& file, const TSTree* tree);

}  // namespace molt
