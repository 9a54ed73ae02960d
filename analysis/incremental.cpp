// Chunked, incremental lowering (see incremental.h): splitting a module into
// chunks, re-lowering the edited region, and relocating reused chunks.
#include "incremental.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <system_error>
#include <thread>

#include "syntax_tree.h"

namespace molt {

// A run of whole top-level statements (or, with has_errors, text that did not
// parse cleanly on its own). Immutable once shared.
struct ModuleChunk {
  uint32_t begin = 0, end = 0;  // bytes of the module text
  uint32_t line = 0;            // 0-based line of `begin`
  uint32_t newlines = 0;        // '\n' bytes in [begin, end)
  uint32_t first_id = 0;        // the body's expression ids are [first_id, first_id + expr_count)
  uint32_t expr_count = 0;
  bool has_errors = false;
  std::vector<Stmt*> body;
  std::vector<Diagnostic> diagnostics;   // from the lowering, module coordinates
  std::vector<IgnoreDirective> ignores;  // 1-based module lines
  std::shared_ptr<const SourceFile> region;  // the text the body's names point into
  std::shared_ptr<const Arena> arena;        // the body's nodes
};

namespace {

using ChunkPtr = std::shared_ptr<const ModuleChunk>;

// Files above this size are parsed in two halves at first, and a region of
// over half of such a file is left to the caller's whole-file parse.
constexpr size_t kParallelBytes = 32 * 1024;

uint32_t countNewlines(std::string_view s) { return static_cast<uint32_t>(std::count(s.begin(), s.end(), '\n')); }

// Bytes equal at the start (end) of two buffers, up to `n`: 32 bytes at a
// time (a fixed-size memcmp compiles to vector compares), as every edit
// compares the whole old and new text (a byte loop was ~0.1 ms on 150 KiB).
size_t commonPrefix(const char* x, const char* y, size_t n) {
  size_t i = 0;
  while (i + 32 <= n && std::memcmp(x + i, y + i, 32) == 0) i += 32;
  while (i < n && x[i] == y[i]) ++i;
  return i;
}

size_t commonSuffix(const char* x_end, const char* y_end, size_t n) {
  size_t i = 0;
  while (i + 32 <= n && std::memcmp(x_end - i - 32, y_end - i - 32, 32) == 0) i += 32;
  while (i < n && x_end[-1 - static_cast<ptrdiff_t>(i)] == y_end[-1 - static_cast<ptrdiff_t>(i)]) ++i;
  return i;
}

// Deep-copies statements into `arena`, moving byte ranges by `dpos` and
// expression ids by `did`. Strings that point into `text` stay there; other
// strings (decoded literals in the old arena) are copied. The empty range at
// 0, which the lowering gives to nodes it could not place, stays put.
class Relocator {
 public:
  Relocator(Arena& arena, int64_t dpos, int64_t did, std::string_view text)
      : arena_(arena), dpos_(dpos), did_(did), text_(text) {}

  SourceRange range(SourceRange r) const {
    if (r.begin == 0 && r.end == 0) return r;
    return {static_cast<uint32_t>(r.begin + dpos_), static_cast<uint32_t>(r.end + dpos_)};
  }

  Stmt* stmt(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::Expr: {
        auto* c = dup(as<ExprStmt>(s));
        c->value = expr(c->value);
        return c;
      }
      case StmtKind::Assign: {
        auto* c = dup(as<AssignStmt>(s));
        c->targets = exprs(c->targets);
        c->value = expr(c->value);
        return c;
      }
      case StmtKind::AnnAssign: {
        auto* c = dup(as<AnnAssignStmt>(s));
        c->target = expr(c->target);
        c->annotation = expr(c->annotation);
        c->value = expr(c->value);
        return c;
      }
      case StmtKind::AugAssign: {
        auto* c = dup(as<AugAssignStmt>(s));
        c->target = expr(c->target);
        c->value = expr(c->value);
        return c;
      }
      case StmtKind::Return: {
        auto* c = dup(as<ReturnStmt>(s));
        c->value = expr(c->value);
        return c;
      }
      case StmtKind::If: {
        auto* c = dup(as<IfStmt>(s));
        c->test = expr(c->test);
        c->body = block(c->body);
        c->orelse = block(c->orelse);
        return c;
      }
      case StmtKind::While: {
        auto* c = dup(as<WhileStmt>(s));
        c->test = expr(c->test);
        c->body = block(c->body);
        c->orelse = block(c->orelse);
        return c;
      }
      case StmtKind::For: {
        auto* c = dup(as<ForStmt>(s));
        c->target = expr(c->target);
        c->iter = expr(c->iter);
        c->body = block(c->body);
        c->orelse = block(c->orelse);
        return c;
      }
      case StmtKind::Break:
      case StmtKind::Continue:
      case StmtKind::Pass: return dup(s);
      case StmtKind::Raise: {
        auto* c = dup(as<RaiseStmt>(s));
        c->exc = expr(c->exc);
        c->cause = expr(c->cause);
        return c;
      }
      case StmtKind::Try: {
        auto* c = dup(as<TryStmt>(s));
        c->body = block(c->body);
        c->handlers = map(c->handlers, [&](const ExceptHandler& h) {
          ExceptHandler n = h;
          n.range = range(h.range);
          n.type = expr(h.type);
          n.name = str(h.name);
          n.name_range = range(h.name_range);
          n.body = block(h.body);
          return n;
        });
        c->orelse = block(c->orelse);
        c->finalbody = block(c->finalbody);
        return c;
      }
      case StmtKind::With: {
        auto* c = dup(as<WithStmt>(s));
        c->items = map(c->items, [&](const WithItem& w) { return WithItem{expr(w.context), expr(w.target)}; });
        c->body = block(c->body);
        return c;
      }
      case StmtKind::Assert: {
        auto* c = dup(as<AssertStmt>(s));
        c->test = expr(c->test);
        c->msg = expr(c->msg);
        return c;
      }
      case StmtKind::FunctionDef: {
        auto* c = dup(as<FunctionDef>(s));
        c->name = str(c->name);
        c->name_range = range(c->name_range);
        c->params = params(c->params);
        c->returns = expr(c->returns);
        c->body = block(c->body);
        c->decorators = exprs(c->decorators);
        c->header = range(c->header);
        return c;
      }
      case StmtKind::ClassDef: {
        auto* c = dup(as<ClassDef>(s));
        c->name = str(c->name);
        c->name_range = range(c->name_range);
        c->bases = exprs(c->bases);
        c->keywords = keywords(c->keywords);
        c->body = block(c->body);
        c->decorators = exprs(c->decorators);
        return c;
      }
      case StmtKind::Import: {
        auto* c = dup(as<ImportStmt>(s));
        c->names = aliases(c->names);
        return c;
      }
      case StmtKind::ImportFrom: {
        auto* c = dup(as<ImportFromStmt>(s));
        c->module = str(c->module);
        c->names = aliases(c->names);
        return c;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        auto* c = dup(as<NameListStmt>(s));
        c->names = map(c->names, [&](const Identifier& i) { return Identifier{str(i.name), range(i.range)}; });
        return c;
      }
      case StmtKind::Delete: {
        auto* c = dup(as<DeleteStmt>(s));
        c->targets = exprs(c->targets);
        return c;
      }
    }
    return dup(s);
  }

  Block block(Block b) {
    return map(b, [&](Stmt* s) { return stmt(s); });
  }

 private:
  Arena& arena_;
  int64_t dpos_, did_;
  std::string_view text_;

  template <typename T>
  T* dup(const T* x) {
    T* y = new (arena_.allocate(sizeof(T), alignof(T))) T(*x);
    y->range = range(x->range);
    if constexpr (std::is_base_of_v<Expr, T>) y->id = static_cast<uint32_t>(x->id + did_);
    return y;
  }

  template <typename T, typename F>
  std::span<T> map(std::span<T> in, F f) {
    if (in.empty()) return {};
    T* p = static_cast<T*>(arena_.allocate(sizeof(T) * in.size(), alignof(T)));
    for (size_t i = 0; i < in.size(); ++i) new (p + i) T(f(in[i]));
    return {p, in.size()};
  }

  std::string_view str(std::string_view s) {
    if (s.empty()) return s;
    if (s.data() >= text_.data() && s.data() + s.size() <= text_.data() + text_.size()) return s;
    return arena_.copy(s);
  }

  std::span<Expr*> exprs(std::span<Expr*> es) {
    return map(es, [&](Expr* e) { return expr(e); });
  }
  std::span<Keyword> keywords(std::span<Keyword> ks) {
    return map(ks, [&](const Keyword& k) { return Keyword{str(k.name), range(k.name_range), expr(k.value)}; });
  }
  std::span<Alias> aliases(std::span<Alias> as_) {
    return map(as_, [&](const Alias& a) { return Alias{str(a.name), str(a.asname), range(a.range)}; });
  }
  std::span<Param> params(std::span<Param> ps) {
    return map(ps, [&](const Param& p) {
      Param n = p;
      n.name = str(p.name);
      n.range = range(p.range);
      n.annotation = expr(p.annotation);
      n.default_value = expr(p.default_value);
      return n;
    });
  }
  std::span<FStringPart> parts(std::span<FStringPart> ps) {
    return map(ps, [&](const FStringPart& p) {
      FStringPart n = p;
      n.literal = str(p.literal);
      n.expr = expr(p.expr);
      n.spec = parts(p.spec);
      return n;
    });
  }

  Expr* expr(const Expr* e) {
    if (!e) return nullptr;
    switch (e->kind) {
      case ExprKind::Name: {
        auto* c = dup(as<NameExpr>(e));
        c->name = str(c->name);
        return c;
      }
      case ExprKind::Int: {
        auto* c = dup(as<IntExpr>(e));
        c->digits = str(c->digits);
        return c;
      }
      case ExprKind::Float: return dup(as<FloatExpr>(e));
      case ExprKind::Str:
      case ExprKind::Bytes: {
        auto* c = dup(as<StrExpr>(e));
        c->value = str(c->value);
        return c;
      }
      case ExprKind::FString: {
        auto* c = dup(as<FStringExpr>(e));
        c->parts = parts(c->parts);
        return c;
      }
      case ExprKind::Bool: return dup(as<BoolExpr>(e));
      case ExprKind::None:
      case ExprKind::Ellipsis: return dup(e);
      case ExprKind::List:
      case ExprKind::Tuple:
      case ExprKind::Set: {
        auto* c = dup(as<SequenceExpr>(e));
        c->elts = exprs(c->elts);
        return c;
      }
      case ExprKind::Dict: {
        auto* c = dup(as<DictExpr>(e));
        c->keys = exprs(c->keys);
        c->values = exprs(c->values);
        return c;
      }
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::DictComp:
      case ExprKind::GeneratorExp: {
        auto* c = dup(as<ComprehensionExpr>(e));
        c->generators = map(c->generators, [&](const Comprehension& g) {
          return Comprehension{expr(g.target), expr(g.iter), exprs(g.ifs)};
        });
        c->elt = expr(c->elt);
        c->value = expr(c->value);
        return c;
      }
      case ExprKind::Attribute: {
        auto* c = dup(as<AttributeExpr>(e));
        c->value = expr(c->value);
        c->attr = str(c->attr);
        c->attr_range = range(c->attr_range);
        return c;
      }
      case ExprKind::Subscript: {
        auto* c = dup(as<SubscriptExpr>(e));
        c->value = expr(c->value);
        c->index = expr(c->index);
        return c;
      }
      case ExprKind::Slice: {
        auto* c = dup(as<SliceExpr>(e));
        c->lower = expr(c->lower);
        c->upper = expr(c->upper);
        c->step = expr(c->step);
        return c;
      }
      case ExprKind::Call: {
        auto* c = dup(as<CallExpr>(e));
        c->func = expr(c->func);
        c->args = exprs(c->args);
        c->keywords = keywords(c->keywords);
        return c;
      }
      case ExprKind::Unary: {
        auto* c = dup(as<UnaryExpr>(e));
        c->operand = expr(c->operand);
        return c;
      }
      case ExprKind::Binary: {
        auto* c = dup(as<BinaryExpr>(e));
        c->lhs = expr(c->lhs);
        c->rhs = expr(c->rhs);
        return c;
      }
      case ExprKind::BoolOp: {
        auto* c = dup(as<BoolOpExpr>(e));
        c->lhs = expr(c->lhs);
        c->rhs = expr(c->rhs);
        return c;
      }
      case ExprKind::Compare: {
        auto* c = dup(as<CompareExpr>(e));
        c->ops = map(c->ops, [](CmpOp o) { return o; });
        c->operands = exprs(c->operands);
        return c;
      }
      case ExprKind::IfExp: {
        auto* c = dup(as<IfExpr>(e));
        c->test = expr(c->test);
        c->body = expr(c->body);
        c->orelse = expr(c->orelse);
        return c;
      }
      case ExprKind::Lambda: {
        auto* c = dup(as<LambdaExpr>(e));
        c->params = params(c->params);
        c->body = expr(c->body);
        return c;
      }
    }
    return dup(e);
  }
};

// `chunk` moved by dpos bytes, dline lines and did expression ids, its nodes
// copied into a new arena of its own (so that an arena never outlives the
// chunks it holds: edits relocate different chunks each time).
ChunkPtr relocate(const ModuleChunk& chunk, int64_t dpos, int64_t dline, int64_t did) {
  auto arena = std::make_shared<Arena>(static_cast<size_t>(chunk.end - chunk.begin) * 20);
  auto c = std::make_shared<ModuleChunk>();
  c->begin = static_cast<uint32_t>(chunk.begin + dpos);
  c->end = static_cast<uint32_t>(chunk.end + dpos);
  c->line = static_cast<uint32_t>(chunk.line + dline);
  c->newlines = chunk.newlines;
  c->first_id = static_cast<uint32_t>(chunk.first_id + did);
  c->expr_count = chunk.expr_count;
  c->has_errors = chunk.has_errors;
  c->region = chunk.region;
  c->arena = arena;
  Relocator r(*arena, dpos, did, chunk.region ? chunk.region->text() : std::string_view{});
  c->body.reserve(chunk.body.size());
  for (const Stmt* s : chunk.body) c->body.push_back(r.stmt(s));
  c->diagnostics = chunk.diagnostics;
  for (Diagnostic& d : c->diagnostics) {
    d.range = r.range(d.range);
    for (RelatedInfo& ri : d.related) ri.range = r.range(ri.range);
    for (Fix& f : d.fixes)
      for (TextEdit& e : f.edits) e.range = r.range(e.range);
  }
  c->ignores = chunk.ignores;
  for (IgnoreDirective& i : c->ignores) i.line = static_cast<uint32_t>(i.line + dline);
  return c;
}

struct RegionResult {
  std::vector<ChunkPtr> chunks;
  uint32_t expr_count = 0;
  bool has_errors = false;
};

// text[begin, end) as one chunk that is not lowered (it has errors, or was
// not parsed: `parsed` false).
RegionResult errorRegion(std::string_view text, uint32_t begin, uint32_t end, uint32_t line, uint32_t first_id) {
  RegionResult out;
  auto c = std::make_shared<ModuleChunk>();
  c->begin = begin;
  c->end = end;
  c->line = line;
  c->newlines = countNewlines(text.substr(begin, end - begin));
  c->first_id = first_id;
  c->has_errors = true;
  out.chunks.push_back(std::move(c));
  out.has_errors = true;
  return out;
}

// Parses text[begin, end) on its own (or takes `given`, a tree of exactly that
// text) and cuts it into chunks at top-level statements that start a line.
// `line` is the 0-based line of `begin`.
RegionResult lowerRegionChunks(std::string_view text, uint32_t begin, uint32_t end, uint32_t line, uint32_t first_id,
                               const TSTree* given = nullptr) {
  RegionResult out;
  auto src = std::make_shared<const SourceFile>(std::string(), std::string(text.substr(begin, end - begin)));
  TreePtr parsed(given ? nullptr : parseSyntaxTree(src->text()));
  const TSTree* tree = given ? given : parsed.get();
  if (!tree || ts_node_has_error(ts_tree_root_node(tree))) {
    auto c = std::make_shared<ModuleChunk>();
    c->begin = begin;
    c->end = end;
    c->line = line;
    c->newlines = countNewlines(src->text());
    c->first_id = first_id;
    c->has_errors = true;
    out.chunks.push_back(std::move(c));
    out.has_errors = true;
    return out;
  }
  std::vector<TopLevelMark> marks;
  ParsedModule pm = lowerRegion(*src, tree, begin, line, first_id, marks);
  std::shared_ptr<const Arena> arena(std::move(pm.module.arena));
  out.expr_count = pm.module.expr_count;
  std::string_view rt = src->text();
  // Chunk starts: the region's start, then every top-level statement at the start of a line.
  std::vector<size_t> starts = {0};
  for (size_t k = 1; k < marks.size(); ++k) {
    uint32_t rel = marks[k].begin - begin;
    if (rel > 0 && rel <= rt.size() && rt[rel - 1] == '\n') starts.push_back(k);
  }
  for (size_t g = 0; g < starts.size(); ++g) {
    bool last = g + 1 == starts.size();
    auto c = std::make_shared<ModuleChunk>();
    c->begin = g == 0 ? begin : marks[starts[g]].begin;
    c->end = last ? end : marks[starts[g + 1]].begin;
    c->line = line + (c->begin == begin ? 0 : src->position(c->begin - begin).line - 1);
    c->newlines = countNewlines(rt.substr(c->begin - begin, c->end - c->begin));
    c->region = src;
    c->arena = arena;
    if (marks.empty()) {  // only blank lines and comments
      c->first_id = first_id;
      c->ignores = pm.ignores;
      out.chunks.push_back(std::move(c));
      break;
    }
    const TopLevelMark& m = marks[starts[g]];
    uint32_t stmt_end = last ? static_cast<uint32_t>(pm.module.body.size()) : marks[starts[g + 1]].stmt_index;
    uint32_t id_end = last ? first_id + pm.module.expr_count : marks[starts[g + 1]].first_id;
    uint32_t diag_end = last ? static_cast<uint32_t>(pm.diagnostics.size()) : marks[starts[g + 1]].diag_index;
    uint32_t stmt_begin = g == 0 ? 0 : m.stmt_index;
    uint32_t id_begin = g == 0 ? first_id : m.first_id;
    uint32_t diag_begin = g == 0 ? 0 : m.diag_index;
    c->body.assign(pm.module.body.begin() + stmt_begin, pm.module.body.begin() + stmt_end);
    c->first_id = id_begin;
    c->expr_count = id_end - id_begin;
    c->diagnostics.assign(pm.diagnostics.begin() + diag_begin, pm.diagnostics.begin() + diag_end);
    for (const IgnoreDirective& i : pm.ignores)
      if (i.line - 1 >= c->line && i.line - 1 < c->line + c->newlines + (last ? 1 : 0)) c->ignores.push_back(i);
    out.chunks.push_back(std::move(c));
  }
  return out;
}

// A byte near `target` where a top-level statement plausibly starts: the start
// of a line beginning with a character that can start a statement and not with
// a clause keyword. A wrong guess costs time (the caller parses the whole text
// when a part has errors), never correctness.
size_t splitPoint(std::string_view text, size_t target) {
  static const std::string_view kClauses[] = {"else", "elif", "except", "finally", "case"};
  for (size_t p = text.find('\n', target); p != std::string_view::npos && p + 1 < text.size(); p = text.find('\n', p + 1)) {
    char c = text[p + 1];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '#' || c == ')' || c == ']' || c == '}' ||
        c == '@' || c == '"' || c == '\'')
      continue;
    std::string_view rest = text.substr(p + 1, 10);
    bool clause = false;
    for (std::string_view k : kClauses)
      if (rest.starts_with(k) && (rest.size() == k.size() || !(std::isalnum(static_cast<unsigned char>(rest[k.size()])) || rest[k.size()] == '_')))
        clause = true;
    if (clause) continue;
    // Keep a decorator with its definition.
    size_t prev = text.rfind('\n', p == 0 ? 0 : p - 1);
    size_t prev_start = prev == std::string_view::npos ? 0 : prev + 1;
    if (prev_start < p && text[prev_start] == '@') continue;
    return p + 1;
  }
  return std::string_view::npos;
}

}  // namespace

std::shared_ptr<const ChunkedModule> ChunkedModule::build(std::string_view text, unsigned threads) {
  auto out = std::make_shared<ChunkedModule>();
  out->text_ = std::make_shared<const std::string>(text);
  out->reparsed_bytes_ = text.size();
  const uint32_t n = static_cast<uint32_t>(text.size());
  // Two halves on two threads when the file is big enough to pay for a thread.
  size_t split = threads >= 2 && n > kParallelBytes ? splitPoint(text, n / 2) : std::string_view::npos;
  if (split != std::string_view::npos) {
    uint32_t s = static_cast<uint32_t>(split);
    RegionResult left, right;
    bool parallel = true;
    try {
      std::thread t([&] { right = lowerRegionChunks(text, s, n, countNewlines(text.substr(0, s)), 0); });
      left = lowerRegionChunks(text, 0, s, 0, 0);
      t.join();
    } catch (const std::system_error&) {
      parallel = false;  // no thread: one region below
    }
    if (parallel && !left.has_errors && !right.has_errors) {
      out->chunks_ = std::move(left.chunks);
      for (const ChunkPtr& c : right.chunks) out->chunks_.push_back(relocate(*c, 0, 0, left.expr_count));
      return out;
    }
  }
  // A small file, or a half with errors: one region. When the halves were
  // parsed, the file has errors; the caller's whole-file parse tells.
  RegionResult all = split != std::string_view::npos ? errorRegion(text, 0, n, 0, 0) : lowerRegionChunks(text, 0, n, 0, 0);
  out->chunks_ = std::move(all.chunks);
  out->error_chunks_ = all.has_errors ? 1 : 0;
  return out;
}

std::shared_ptr<const ChunkedModule> ChunkedModule::fromTree(std::string_view text, const TSTree* tree) {
  auto out = std::make_shared<ChunkedModule>();
  out->text_ = std::make_shared<const std::string>(text);
  RegionResult all = lowerRegionChunks(text, 0, static_cast<uint32_t>(text.size()), 0, 0, tree);
  out->chunks_ = std::move(all.chunks);
  out->error_chunks_ = all.has_errors ? 1 : 0;
  out->reparsed_bytes_ = 0;
  return out;
}

std::shared_ptr<const ChunkedModule> ChunkedModule::update(const ChunkedModule& previous, std::string_view text) {
  auto out = std::make_shared<ChunkedModule>();
  out->text_ = std::make_shared<const std::string>(text);
  std::string_view old = *previous.text_;
  const auto& cs = previous.chunks_;
  if (old == text || cs.empty()) {
    if (cs.empty()) return build(text);
    out->chunks_ = cs;
    out->error_chunks_ = previous.error_chunks_;
    return out;
  }
  // The changed bytes: [a, b_old) of the old text became [a, b_new) of the new.
  size_t limit = std::min(old.size(), text.size());
  size_t a = commonPrefix(old.data(), text.data(), limit);
  size_t suffix = commonSuffix(old.data() + old.size(), text.data() + text.size(), limit - a);
  size_t b_old = old.size() - suffix;
  // The chunks holding the byte before the change and the byte after it: the
  // change may move a statement start onto or off a line start at either end.
  auto chunkAt = [&](size_t pos) {
    auto it = std::upper_bound(cs.begin(), cs.end(), pos, [](size_t p, const ChunkPtr& c) { return p < c->begin; });
    return it == cs.begin() ? size_t{0} : static_cast<size_t>(it - cs.begin()) - 1;
  };
  size_t i = a == 0 ? 0 : chunkAt(a - 1);
  size_t j = std::min(chunkAt(b_old), cs.size() - 1);
  // Chunks that did not parse are parsed again with the region until they do.
  for (size_t k = 0; k < cs.size(); ++k) {
    if (!cs[k]->has_errors) continue;
    i = std::min(i, k);
    j = std::max(j, k);
  }
  const int64_t dpos = static_cast<int64_t>(text.size()) - static_cast<int64_t>(old.size());
  uint32_t r0 = cs[i]->begin;
  uint32_t r1 = static_cast<uint32_t>(cs[j]->end + dpos);
  uint32_t old_newlines = 0;
  for (size_t k = i; k <= j; ++k) old_newlines += cs[k]->newlines;
  bool skip = previous.error_chunks_ > 0 && text.size() > kParallelBytes && r1 - r0 > text.size() / 2;
  RegionResult region = skip ? errorRegion(text, r0, r1, cs[i]->line, cs[i]->first_id)
                             : lowerRegionChunks(text, r0, r1, cs[i]->line, cs[i]->first_id);
  out->reparsed_bytes_ = skip ? 0 : r1 - r0;
  out->chunks_.reserve(i + region.chunks.size() + (cs.size() - j - 1));
  out->chunks_.assign(cs.begin(), cs.begin() + static_cast<long>(i));
  for (size_t k = 0; k < i; ++k) out->error_chunks_ += cs[k]->has_errors;  // none: errors are inside [i, j]
  for (ChunkPtr& c : region.chunks) {
    out->error_chunks_ += c->has_errors;
    out->chunks_.push_back(std::move(c));
  }
  if (j + 1 < cs.size()) {
    int64_t region_newlines = 0;
    for (size_t k = i; k < out->chunks_.size(); ++k) region_newlines += out->chunks_[k]->newlines;
    int64_t dline = region_newlines - old_newlines;
    int64_t did = static_cast<int64_t>(cs[i]->first_id + region.expr_count) - cs[j + 1]->first_id;
    if (dpos == 0 && dline == 0 && did == 0) {
      out->chunks_.insert(out->chunks_.end(), cs.begin() + static_cast<long>(j + 1), cs.end());
    } else {
      for (size_t k = j + 1; k < cs.size(); ++k) out->chunks_.push_back(relocate(*cs[k], dpos, dline, did));
    }
  }
  return out;
}

ParsedModule ChunkedModule::assemble() const {
  ParsedModule pm;
  size_t stmts = 0;
  for (const ChunkPtr& c : chunks_) stmts += c->body.size();
  std::vector<Stmt*> body;
  body.reserve(stmts);
  uint32_t ids = 0;
  for (const ChunkPtr& c : chunks_) {
    body.insert(body.end(), c->body.begin(), c->body.end());
    pm.diagnostics.insert(pm.diagnostics.end(), c->diagnostics.begin(), c->diagnostics.end());
    pm.ignores.insert(pm.ignores.end(), c->ignores.begin(), c->ignores.end());
    ids = c->first_id + c->expr_count;
    pm.module.shared.push_back(c);
  }
  pm.module.body = pm.module.arena->copy(body);
  pm.module.expr_count = ids;
  pm.has_syntax_errors = std::any_of(pm.diagnostics.begin(), pm.diagnostics.end(),
                                     [](const Diagnostic& d) { return d.kind == DiagnosticKind::SyntaxError; });
  return pm;
}

}  // namespace molt
