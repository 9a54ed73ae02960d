// The front end's entry point: source text -> Molt AST plus syntax and
// unsupported-syntax diagnostics. Everything the lowering does not handle is
// reported (fail closed); nothing is silently dropped.
#pragma once

#include <string>
#include <string_view>
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

// Parses `text` (reusing `old_tree`, already ts_tree_edit-ed, when given) with
// a parser whose external scanner starts from a clean state, so the result
// never depends on what the thread parsed before. The caller owns the tree
// (wrap it in syntax_tree.h's TreePtr). Never nullptr for valid UTF-8.
// Thread-safe: each thread has its own parser (see parsePython in
// syntax_tree.cpp for why each parse still gets a fresh scanner).
[[nodiscard]] TSTree* parseSyntaxTree(std::string_view text, const TSTree* old_tree = nullptr);

// Where one top-level statement node starts in lowerRegion's output: its
// first byte (module coordinates) and, before it was lowered, the number of
// statements, the next expression id and the number of diagnostics.
struct TopLevelMark {
  uint32_t begin;
  uint32_t stmt_index;
  uint32_t first_id;
  uint32_t diag_index;
};

// For incremental lowering (analysis/incremental.h): lowers `tree`, parsed
// from `region`, the text of a module from byte `base` (after `base_line`
// lines) on. Ranges and ignore lines come out in module coordinates,
// expression ids start at `first_id` (`expr_count` counts only the region's),
// and `marks` receives one entry per top-level statement node. The AST refers
// into `region`'s text.
[[nodiscard]] ParsedModule lowerRegion(const SourceFile& region, const TSTree* tree, uint32_t base, uint32_t base_line,
                                       uint32_t first_id, std::vector<TopLevelMark>& marks);

}  // namespace molt
