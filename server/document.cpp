// Text + tree edits for open documents, and per-version analysis.
#include "server/document.h"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "analysis/parse.h"

namespace molt::lsp {

namespace {

// Row and byte column of `offset` (tree-sitter points are byte-based).
TSPoint pointAt(std::string_view text, size_t offset) {
  uint32_t row = 0;
  size_t line_start = 0;
  size_t i = 0;
  while (i < offset) {
    const void* nl = std::memchr(text.data() + i, '\n', offset - i);
    if (!nl) break;
    i = static_cast<size_t>(static_cast<const char*>(nl) - text.data()) + 1;
    ++row;
    line_start = i;
  }
  return {row, static_cast<uint32_t>(offset - line_start)};
}

TSPoint advance(TSPoint p, std::string_view inserted) {
  size_t last_nl = inserted.rfind('\n');
  if (last_nl == std::string_view::npos) return {p.row, p.column + static_cast<uint32_t>(inserted.size())};
  uint32_t rows = static_cast<uint32_t>(std::count(inserted.begin(), inserted.end(), '\n'));
  return {p.row + rows, static_cast<uint32_t>(inserted.size() - last_nl - 1)};
}

}  // namespace

Document::Document(std::string uri, int64_t version, std::string text)
    : uri_(std::move(uri)), version_(version), text_(std::move(text)) {}

void Document::replaceBytes(size_t begin, size_t end, std::string_view replacement) {
  begin = std::min(begin, text_.size());
  end = std::clamp(end, begin, text_.size());
  ++edits_;
  if (tree_) {
    TSInputEdit e;
    e.start_byte = static_cast<uint32_t>(begin);
    e.old_end_byte = static_cast<uint32_t>(end);
    e.new_end_byte = static_cast<uint32_t>(begin + replacement.size());
    e.start_point = pointAt(text_, begin);
    e.old_end_point = pointAt(text_, end);
    e.new_end_point = advance(e.start_point, replacement);
    ts_tree_edit(tree_.get(), &e);
  }
  text_.replace(begin, end - begin, replacement);
}

void Document::applyChanges(const std::vector<ContentChange>& changes, int64_t version, PositionEncoding enc) {
  for (const ContentChange& c : changes) {
    if (!c.range) {
      text_ = c.text;
      tree_.reset();  // a full replacement: nothing to reuse
      ++edits_;
      continue;
    }
    size_t begin = offsetInText(text_, c.range->start, enc);
    size_t end = offsetInText(text_, c.range->end, enc);
    if (end < begin) end = begin;
    replaceBytes(begin, end, c.text);
  }
  version_ = version;
}

TreePtr Document::treeCopy() const { return tree_ ? TreePtr(ts_tree_copy(tree_.get())) : nullptr; }

void Document::storeTree(TreePtr tree, uint64_t parsed_at) {
  if (parsed_at == edits_) tree_ = std::move(tree);
}

void Document::storeChunks(std::shared_ptr<const ChunkedModule> chunks, uint64_t parsed_at) {
  if (!chunks || (chunks_ && parsed_at < chunks_at_)) return;
  chunks_ = std::move(chunks);
  chunks_at_ = parsed_at;
}

void filterIgnoredCodes(std::vector<Diagnostic>& diags, const std::vector<std::string>& codes) {
  if (codes.empty()) return;
  std::erase_if(diags, [&](const Diagnostic& d) {
    return d.kind != DiagnosticKind::SyntaxError && std::find(codes.begin(), codes.end(), d.code()) != codes.end();
  });
}

std::shared_ptr<const DocumentAnalysis> analyzeDocument(std::string uri, int64_t version, std::string text,
                                                        const TSTree* old_tree, const AnalyzeOptions& opts,
                                                        TreePtr* new_tree, const ChunkedModule* old_chunks,
                                                        std::shared_ptr<const ChunkedModule>* new_chunks) {
  auto out = std::make_shared<DocumentAnalysis>();
  out->uri = std::move(uri);
  out->version = version;
  size_t bad = findInvalidUtf8(text);
  if (bad != std::string::npos) {
    // Same wording as `molt check`, which refuses such files outright.
    size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n'));
    out->source = std::make_unique<SourceFile>(uriToPath(out->uri), std::move(text));
    out->invalid_utf8 = true;
    out->analysis.source = out->source.get();
    Diagnostic d{DiagnosticKind::SyntaxError,
                 {static_cast<uint32_t>(bad), static_cast<uint32_t>(bad + 1)},
                 "invalid UTF-8 at byte " + std::to_string(bad) + " (line " + std::to_string(line) +
                     "); Python source must be UTF-8",
                 {},
                 {},
                 {}};
    out->diagnostics.push_back(std::move(d));
    if (new_tree) new_tree->reset();
    if (new_chunks) new_chunks->reset();
    return out;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.replace(0, 3, std::string(3, ' '));  // as `molt check`: keep offsets
  out->source = std::make_unique<SourceFile>(uriToPath(out->uri), std::move(text));
  const SourceFile& src = *out->source;
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  auto t0 = Clock::now();
  std::shared_ptr<const ChunkedModule> chunks;
  if (opts.chunked_lowering) {
    chunks = old_chunks ? ChunkedModule::update(*old_chunks, src.text()) : ChunkedModule::build(src.text());
    if (new_chunks) *new_chunks = chunks;
  }
  if (chunks && chunks->ok()) {
    // Parse + lowering of the changed chunks only (parse_ms covers both).
    ParsedModule parsed = chunks->assemble();
    auto t1 = Clock::now();
    out->chunked = true;
    out->incremental = old_chunks != nullptr;
    out->analysis = analyzeParsed(src, std::move(parsed), opts.analysis);
    out->parse_ms = ms(t0, t1);
    out->check_ms = ms(t1, Clock::now());
    if (new_tree) new_tree->reset();
  } else {
    TreePtr tree(parseSyntaxTree(src.text(), old_tree));
    out->incremental = old_tree != nullptr;
    if (old_tree && opts.fresh_parse_on_error && ts_node_has_error(ts_tree_root_node(tree.get()))) {
      tree.reset(parseSyntaxTree(src.text()));
      out->incremental = false;
    }
    ParsedModule parsed;
    if (chunks && !ts_node_has_error(ts_tree_root_node(tree.get()))) {
      // The chunks could not tell (errors in a part, or a region too big to
      // try); the whole file parses cleanly, so chunk it for the next edit.
      chunks = ChunkedModule::fromTree(src.text(), tree.get());
      if (new_chunks) *new_chunks = chunks;
      parsed = chunks->assemble();
      out->chunked = true;
    } else {
      parsed = lowerTree(src, tree.get());
    }
    auto t1 = Clock::now();
    out->analysis = analyzeParsed(src, std::move(parsed), opts.analysis);
    out->parse_ms = ms(t0, t1);
    out->check_ms = ms(t1, Clock::now());
    if (new_tree) *new_tree = std::move(tree);
  }
  out->diagnostics = out->analysis.diagnostics;
  filterIgnoredCodes(out->diagnostics, opts.ignore_codes);
  return out;
}

}  // namespace molt::lsp
