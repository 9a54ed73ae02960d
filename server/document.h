// Open documents and their analysis snapshots. A Document holds the current
// text and a tree-sitter tree kept in step with it: every content change is
// applied to the text and, via ts_tree_edit, to the tree, so the next parse
// reuses everything the edit did not touch. analyzeDocument() turns a text +
// edited tree into an immutable DocumentAnalysis that features read from any
// thread. Documents are not thread-safe; the server guards them with a mutex.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/check_file.h"
#include "analysis/incremental.h"
#include "analysis/syntax_tree.h"
#include "server/protocol.h"

namespace molt::lsp {

// One entry of didChange's contentChanges: a range edit, or the whole text
// when `range` is empty.
struct ContentChange {
  std::optional<Range> range;
  std::string text;
};

class Document {
 public:
  Document(std::string uri, int64_t version, std::string text);

  [[nodiscard]] const std::string& uri() const { return uri_; }
  [[nodiscard]] int64_t version() const { return version_; }
  [[nodiscard]] const std::string& text() const { return text_; }

  // Applies the changes in order. Positions out of range clamp to the end of
  // their line / the document; a reversed range is treated as empty at its
  // start. The tree, if any, is edited in step.
  void applyChanges(const std::vector<ContentChange>& changes, int64_t version, PositionEncoding enc);
  // Byte-level edit (used by applyChanges and by tests that inject bytes
  // that are not valid UTF-8): replaces [begin, end) with `replacement`.
  void replaceBytes(size_t begin, size_t end, std::string_view replacement);

  // A shallow copy of the edited tree for a parse on another thread (null
  // when there is none yet).
  [[nodiscard]] TreePtr treeCopy() const;
  // Counts edits; a parse started at editCount() == n produced a tree for
  // the current text iff editCount() is still n when it finishes.
  [[nodiscard]] uint64_t editCount() const { return edits_; }
  // Keeps `tree` for the next incremental parse if no edit happened since
  // the text it was parsed from (edit count `parsed_at`); otherwise drops it.
  void storeTree(TreePtr tree, uint64_t parsed_at);
  // The chunked lowering of an earlier (or the current) text, the base for
  // the next incremental lowering; null before the first analysis.
  [[nodiscard]] std::shared_ptr<const ChunkedModule> chunks() const { return chunks_; }
  // Keeps `chunks` (made from the text at edit count `parsed_at`) unless a
  // newer model is already stored. Any model is a valid base, however old.
  void storeChunks(std::shared_ptr<const ChunkedModule> chunks, uint64_t parsed_at);

 private:
  std::string uri_;
  int64_t version_;
  std::string text_;
  TreePtr tree_;        // matches text_ after its pending ts_tree_edit calls; may be null
  uint64_t edits_ = 0;
  std::shared_ptr<const ChunkedModule> chunks_;
  uint64_t chunks_at_ = 0;
};

// The result of analysing one version of one document. Immutable; shared by
// the features and the diagnostics publisher.
struct DocumentAnalysis {
  std::string uri;
  int64_t version = 0;
  std::unique_ptr<SourceFile> source;  // never null
  FileAnalysis analysis;               // refers into *source
  // What clients see: analysis.diagnostics minus settings-ignored codes, or a
  // single diagnostic when the text is not valid UTF-8.
  std::vector<Diagnostic> diagnostics;
  bool invalid_utf8 = false;
  bool incremental = false;  // the parse reused an edited tree or earlier chunks
  bool chunked = false;      // lowered through ChunkedModule (no whole-file parse)
  double parse_ms = 0;       // tree-sitter (incremental or fresh)
  double check_ms = 0;       // lowering, names, types, suppression
};

struct AnalyzeOptions {
  AnalysisOptions analysis;               // note-level suggestions (off: exactly `molt check`)
  std::vector<std::string> ignore_codes;  // from settings and pyproject.toml
  // With syntax errors, tree-sitter's error recovery can differ between an
  // incremental and a fresh parse; reparse from scratch then so the
  // diagnostics always equal `molt check` on the same text.
  bool fresh_parse_on_error = true;
  // Parse and lower by chunks (analysis/incremental.h), reusing the chunks
  // the edit did not touch; the whole-file path remains the fallback when a
  // chunk has syntax errors.
  bool chunked_lowering = true;
};

// Analyses `text`. `old_tree` (nullable) must already have been edited to
// match `text`. `new_tree` receives the tree parsed from `text` (null for
// invalid UTF-8, and when the chunked path needed no whole-file parse).
// `old_chunks` (nullable) is the ChunkedModule of any earlier text of the
// document; `new_chunks` receives the one for `text` (null for invalid UTF-8).
[[nodiscard]] std::shared_ptr<const DocumentAnalysis> analyzeDocument(
    std::string uri, int64_t version, std::string text, const TSTree* old_tree, const AnalyzeOptions& opts,
    TreePtr* new_tree = nullptr, const ChunkedModule* old_chunks = nullptr,
    std::shared_ptr<const ChunkedModule>* new_chunks = nullptr);

// Removes diagnostics whose code is listed (never syntax errors), as `molt
// check` does for `[tool.molt] ignore`.
void filterIgnoredCodes(std::vector<Diagnostic>& diags, const std::vector<std::string>& codes);

}  // namespace molt::lsp
