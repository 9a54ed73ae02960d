// Incremental lowering for the language server: a module kept as a list of
// chunks, each a run of whole top-level statements parsed and lowered on its
// own. After an edit only the chunks around the changed bytes are parsed and
// lowered again; the others are reused, copied with shifted positions and
// expression ids when the edit moved them. The assembled ParsedModule is the
// one parseModule() would produce for the same text (same statements, ranges,
// ids, diagnostics), which is what keeps the server's diagnostics identical to
// `molt check`.
//
// Why that holds: a chunk boundary is always the first byte of a top-level
// statement that starts a line, taken from an error-free parse. Before such a
// byte the Python lexer has no open bracket, string or indentation, so a
// region of whole chunks parses on its own exactly as inside the full file.
// When any chunk's text has a tree-sitter error the model is not ok() and the
// caller parses the whole file instead (error recovery is not local); the
// erroneous chunks are then parsed again, merged with the edited region, on
// every later update until they parse cleanly. In a file over 32 KiB a merged
// region over half the text is not parsed at all: the caller's whole-file
// parse is about as cheap, and fromTree() turns it into a model again once
// it is clean.
//
// A ChunkedModule is immutable once built and may be shared between threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parse.h"

namespace molt {

struct ModuleChunk;

class ChunkedModule {
 public:
  // Parses and lowers `text` from scratch, in up to `threads` regions at once.
  [[nodiscard]] static std::shared_ptr<const ChunkedModule> build(std::string_view text, unsigned threads = 2);
  // The model of `text`, reusing what `previous` (the model of an earlier
  // text of the same document) has outside the bytes that differ.
  [[nodiscard]] static std::shared_ptr<const ChunkedModule> update(const ChunkedModule& previous, std::string_view text);
  // The model of `text` from `tree`, an error-free whole-file parse of it
  // (what the caller parsed after a model that was not ok()).
  [[nodiscard]] static std::shared_ptr<const ChunkedModule> fromTree(std::string_view text, const TSTree* tree);

  // True when every chunk parsed without errors, so assemble() equals
  // parseModule() on text().
  [[nodiscard]] bool ok() const { return error_chunks_ == 0; }
  [[nodiscard]] std::string_view text() const { return *text_; }
  [[nodiscard]] size_t chunkCount() const { return chunks_.size(); }
  // Bytes parsed again by the update that made this model (all for build()).
  [[nodiscard]] size_t reparsedBytes() const { return reparsed_bytes_; }

  // The lowered module; requires ok(). The result shares the chunks' storage.
  [[nodiscard]] ParsedModule assemble() const;

 private:
  std::shared_ptr<const std::string> text_;
  std::vector<std::shared_ptr<const ModuleChunk>> chunks_;  // cover text_ in order, without gaps
  size_t error_chunks_ = 0;
  size_t reparsed_bytes_ = 0;
};

}  // namespace molt
