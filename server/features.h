// The feature API: what the editor features compute, in domain terms (byte
// offsets, SourceRanges, Diagnostics, TextEdits). It never sees JSON or LSP
// positions, so it can be unit-tested with marked sources and embedded in
// another front end. Every function is pure over an immutable
// DocumentAnalysis and safe to call from any thread. All of them cope with
// files that have syntax errors (no CheckedModule) or invalid UTF-8.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/document.h"

namespace molt::lsp {

// ---------------------------------------------------------------- hover
struct HoverInfo {
  SourceRange range;     // what the hover is about
  std::string markdown;  // a ```python block, then notes
};
[[nodiscard]] std::optional<HoverInfo> hover(const DocumentAnalysis& a, uint32_t offset);

// ---------------------------------------------------------- definition
// The definition of the name or attribute at `offset`: the def's name for
// functions and classes, the first binding for variables and parameters,
// the field's declaration for attributes. nullopt for builtins and unknowns.
[[nodiscard]] std::optional<SourceRange> definition(const DocumentAnalysis& a, uint32_t offset);

// ----------------------------------------------------- document symbols
enum class SymbolCategory : uint8_t { Class, Method, Function, Field, Variable };
struct OutlineSymbol {
  std::string name;
  std::string detail;  // a signature or type, may be empty
  SymbolCategory category;
  SourceRange range;      // the whole declaration
  SourceRange selection;  // the name
  std::vector<OutlineSymbol> children;
};
[[nodiscard]] std::vector<OutlineSymbol> documentSymbols(const DocumentAnalysis& a);

// ------------------------------------------------------ semantic tokens
// The order is the legend the server advertises.
enum class TokenType : uint8_t { Namespace, Class, Function, Method, Parameter, Variable, Property };
enum TokenModifier : uint32_t { kDeclaration = 1u << 0, kDefaultLibrary = 1u << 1 };
struct SemanticToken {
  SourceRange range;  // on one line
  TokenType type;
  uint32_t modifiers = 0;
};
// Sorted by position, non-overlapping, single-line.
[[nodiscard]] std::vector<SemanticToken> semanticTokens(const DocumentAnalysis& a);

// --------------------------------------------------------- inlay hints
struct InlayHintInfo {
  uint32_t offset;    // where the label goes
  std::string label;  // ": list[int]" or " -> int"
};
// Inferred types of variables at their first binding, and the return types
// of unannotated functions as the doctor's fix would write them, within
// [range.begin, range.end].
[[nodiscard]] std::vector<InlayHintInfo> inlayHints(const DocumentAnalysis& a, SourceRange range);

// ----------------------------------------------------------- code lens
struct CodeLensInfo {
  SourceRange range;  // the def's name
  std::string title;  // "compiles natively", "blocked: 2 problems", "class · 3 fields"
};
[[nodiscard]] std::vector<CodeLensInfo> codeLenses(const DocumentAnalysis& a);
// Error diagnostics whose start lies in `r` (what blocks a def from compiling).
[[nodiscard]] uint32_t errorsWithin(const DocumentAnalysis& a, SourceRange r);

// -------------------------------------------------------- code actions
enum class ActionKind : uint8_t { QuickFix, SourceFixAll };
struct CodeActionInfo {
  std::string title;
  ActionKind kind = ActionKind::QuickFix;
  bool preferred = false;
  std::vector<TextEdit> edits;           // non-overlapping, into the analysed text
  std::vector<size_t> diagnostics;       // indices into a.diagnostics
};
// Quick fixes for diagnostics touching `range`: each attached Fix (not
// DisplayOnly; preferred when Safe), then `# molt: ignore[code]` insertion.
[[nodiscard]] std::vector<CodeActionInfo> codeActions(const DocumentAnalysis& a, SourceRange range);
// "Fix all safe problems in file": every Safe fix, skipping ones that
// overlap an earlier edit. nullopt when there is nothing to fix.
[[nodiscard]] std::optional<CodeActionInfo> fixAllAction(const DocumentAnalysis& a);
// The edit that suppresses `d` with a `# molt: ignore[code]` comment on its
// start line (appending, or extending an existing list). nullopt when the
// diagnostic cannot be suppressed (syntax errors), is already covered, or
// its line ends inside a string literal.
[[nodiscard]] std::optional<TextEdit> ignoreEdit(const DocumentAnalysis& a, const Diagnostic& d);

}  // namespace molt::lsp
