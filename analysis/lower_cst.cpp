// Lowers the tree-sitter-python CST into the Molt AST (ast.h).
//
// Fail closed: every CST node kind is either lowered or reported as
// `unsupported-syntax` naming the construct; ERROR and MISSING nodes become
// `syntax-error`. Statements CPython rejects at compile time although the
// grammar accepts them (`return` outside a function, `break` outside a loop)
// are syntax errors too.
#include <tree_sitter/api.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>

#include "parse.h"
#include "syntax_tree.h"

namespace molt {
namespace {

// The CST node kinds the lowering knows by name. Anything else is unsupported.
#define MOLT_NODE_KINDS(X)                                                                       \
  X(module) X(block) X(comment) X(ERROR) X(expression_statement) X(assignment)                   \
  X(augmented_assignment) X(return_statement) X(if_statement) X(elif_clause) X(else_clause)      \
  X(for_statement) X(while_statement) X(try_statement) X(except_clause) X(finally_clause)        \
  X(with_statement) X(with_clause) X(with_item) X(function_definition) X(parameters)             \
  X(typed_parameter) X(default_parameter) X(typed_default_parameter) X(keyword_separator)       \
  X(class_definition) X(decorated_definition) X(decorator) X(import_statement)                   \
  X(import_from_statement) X(future_import_statement) X(aliased_import) X(dotted_name)           \
  X(relative_import) X(import_prefix) X(wildcard_import) X(global_statement)                     \
  X(nonlocal_statement) X(raise_statement) X(assert_statement) X(delete_statement)               \
  X(pass_statement) X(break_statement) X(continue_statement) X(call) X(argument_list)            \
  X(keyword_argument) X(attribute) X(subscript) X(slice) X(binary_operator) X(unary_operator)    \
  X(not_operator) X(boolean_operator) X(comparison_operator) X(conditional_expression)           \
  X(lambda) X(lambda_parameters) X(list) X(tuple) X(dictionary) X(pair) X(set)                   \
  X(list_comprehension) X(dictionary_comprehension) X(set_comprehension)                         \
  X(generator_expression) X(for_in_clause) X(if_clause) X(parenthesized_expression)              \
  X(string) X(string_start) X(string_content) X(string_end) X(interpolation)                     \
  X(format_specifier) X(format_expression) X(type_conversion) X(concatenated_string)             \
  X(escape_sequence) X(escape_interpolation) X(identifier) X(integer) X(float) X(true)           \
  X(false) X(none) X(ellipsis) X(type) X(generic_type) X(type_parameter) X(union_type)           \
  X(member_type) X(expression_list) X(pattern_list) X(tuple_pattern) X(list_pattern)             \
  X(as_pattern) X(as_pattern_target) X(line_continuation)

enum class NK : uint8_t {
  Unknown,
#define X(n) n_##n,
  MOLT_NODE_KINDS(X)
#undef X
};

struct Grammar {
  std::vector<NK> kind_of;  // by TSSymbol
  TSFieldId f_left, f_right, f_type, f_operator, f_condition, f_consequence, f_alternative, f_body,
      f_name, f_value, f_alias, f_parameters, f_return_type, f_superclasses, f_type_parameters,
      f_module_name, f_function, f_arguments, f_object, f_attribute, f_subscript, f_argument,
      f_key, f_expression, f_format_specifier, f_type_conversion, f_cause, f_definition,
      f_operators;

  Grammar() {
    const TSLanguage* l = pythonLanguage();
    uint32_t n = ts_language_symbol_count(l);
    std::unordered_map<std::string_view, NK> names = {
#define X(k) {#k, NK::n_##k},
        MOLT_NODE_KINDS(X)
#undef X
    };
    kind_of.assign(n + 1, NK::Unknown);
    for (uint32_t s = 0; s < n; ++s) {
      if (ts_language_symbol_type(l, static_cast<TSSymbol>(s)) != TSSymbolTypeRegular) continue;
      auto it = names.find(ts_language_symbol_name(l, static_cast<TSSymbol>(s)));
      if (it != names.end()) kind_of[s] = it->second;
    }
    auto f = [&](const char* name) {
      return ts_language_field_id_for_name(l, name, static_cast<uint32_t>(std::strlen(name)));
    };
    f_left = f("left"); f_right = f("right"); f_type = f("type"); f_operator = f("operator");
    f_condition = f("condition"); f_consequence = f("consequence"); f_alternative = f("alternative");
    f_body = f("body"); f_name = f("name"); f_value = f("value"); f_alias = f("alias");
    f_parameters = f("parameters"); f_return_type = f("return_type"); f_superclasses = f("superclasses");
    f_type_parameters = f("type_parameters"); f_module_name = f("module_name"); f_function = f("function");
    f_arguments = f("arguments"); f_object = f("object"); f_attribute = f("attribute");
    f_subscript = f("subscript"); f_argument = f("argument"); f_key = f("key");
    f_expression = f("expression"); f_format_specifier = f("format_specifier");
    f_type_conversion = f("type_conversion"); f_cause = f("cause"); f_definition = f("definition");
    f_operators = f("operators");
  }
};

const Grammar& grammar() {
  static const Grammar g;
  return g;
}

// Human-readable names for constructs Molt rejects, used in unsupported-syntax.
std::string describe(std::string_view type) {
  static const std::unordered_map<std::string_view, std::string_view> names = {
      {"match_statement", "`match` statement"},
      {"yield", "`yield` (generators)"},
      {"await", "`await`"},
      {"named_expression", "assignment expression `:=`"},
      {"list_splat", "star-unpacking `*x`"},
      {"list_splat_pattern", "star target `*x`"},
      {"dictionary_splat", "dict unpacking `**x`"},
      {"dictionary_splat_pattern", "`**kwargs` parameter"},
      {"parenthesized_list_splat", "star-unpacking `*x`"},
      {"print_statement", "Python 2 `print` statement"},
      {"exec_statement", "Python 2 `exec` statement"},
      {"type_alias_statement", "`type` alias statement"},
      {"except_group_clause", "`except*` clause"},
      {"wildcard_import", "wildcard import `from m import *`"},
      {"positional_separator", "positional-only parameter marker `/`"},
      {"type_parameter", "type parameter list"},
      {"constrained_type", "constrained type"},
      {"splat_type", "unpacked type"},
      {"tuple_pattern", "tuple parameter"},
      {"lambda", "lambda"},
      {"chevron", "Python 2 `print >>`"},
  };
  auto it = names.find(type);
  if (it != names.end()) return std::string(it->second);
  std::string s(type);
  for (char& c : s)
    if (c == '_') c = ' ';
  return "`" + s + "`";
}

struct Child {
  TSNode node;
  TSFieldId field;
  bool named;
};

class Lowerer {
 public:
  Lowerer(const SourceFile& file, ParsedModule& out) : file_(file), out_(out), g_(grammar()), arena_(*out.module.arena) {}
  ~Lowerer() {
    if (cursor_live_) ts_tree_cursor_delete(&cursor_);
  }

  void run(TSNode root) {
    if (ts_node_has_error(root)) reportSyntaxErrors(root);
    out_.module.body = lowerBlockChildren(root);
    out_.module.expr_count = next_id_;
  }

  // Lowers a tree parsed from a region of a module (see lowerRegion): ranges
  // shift by `base` bytes, ignore lines by `base_line`, expression ids start
  // at `first_id`, and `marks` gets one entry per top-level statement node.
  void runRegion(TSNode root, uint32_t base, uint32_t base_line, uint32_t first_id, std::vector<TopLevelMark>& marks) {
    base_ = base;
    base_line_ = base_line;
    next_id_ = first_id;
    if (ts_node_has_error(root)) reportSyntaxErrors(root);
    std::vector<Stmt*> out;
    auto cs = children(root);
    for (size_t i = 0; i < cs.size(); ++i) {
      Child c = cs[i];
      if (!c.named) continue;
      marks.push_back({ts_node_start_byte(c.node) + base_, static_cast<uint32_t>(out.size()), next_id_,
                       static_cast<uint32_t>(out_.diagnostics.size())});
      lowerStatement(c.node, out);
    }
    out_.module.body = arena_.copy(out);
    out_.module.expr_count = next_id_ - first_id;
  }

 private:
  const SourceFile& file_;
  ParsedModule& out_;
  const Grammar& g_;
  Arena& arena_;
  uint32_t next_id_ = 0;
  uint32_t base_ = 0;       // byte offset of the lowered text in its module (lowerRegion)
  uint32_t base_line_ = 0;  // lines before it
  int function_depth_ = 0;
  int loop_depth_ = 0;
  TSTreeCursor cursor_{};
  bool cursor_live_ = false;
  std::vector<Child> scratch_;

  // ------------------------------------------------------------- utilities
  NK kind(TSNode n) const {
    TSSymbol s = ts_node_symbol(n);
    return s < g_.kind_of.size() ? g_.kind_of[s] : NK::Unknown;
  }
  SourceRange range(TSNode n) const {
    if (ts_node_is_null(n)) return {ts_node_start_byte(n), ts_node_end_byte(n)};
    return {ts_node_start_byte(n) + base_, ts_node_end_byte(n) + base_};
  }
  // `len` bytes at byte offset `at` of this file (or region).
  SourceRange rangeAt(uint32_t at, uint32_t len = 1) const { return {at + base_, at + len + base_}; }
  std::string_view text(TSNode n) const {
    return file_.text().substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
  }

  // The children of `n` (named and anonymous), skipping comments, which are
  // scanned for ignore directives instead. Returns [begin, end) into scratch_.
  struct Span {
    Lowerer* self;
    size_t begin, end;
    size_t size() const { return end - begin; }
    Child operator[](size_t i) const { return self->scratch_[begin + i]; }
    ~Span() { self->scratch_.resize(begin); }
  };
  // Field ids cost a search per child, so they are looked up only when the
  // caller reads them (`with_fields`).
  Span children(TSNode n, bool with_fields = false) {
    if (!cursor_live_) {
      cursor_ = ts_tree_cursor_new(n);
      cursor_live_ = true;
    } else {
      ts_tree_cursor_reset(&cursor_, n);
    }
    size_t begin = scratch_.size();
    if (ts_tree_cursor_goto_first_child(&cursor_)) {
      do {
        TSNode c = ts_tree_cursor_current_node(&cursor_);
        NK k = kind(c);
        if (k == NK::n_comment) { noteComment(c); continue; }
        if (k == NK::n_line_continuation) continue;
        scratch_.push_back({c, with_fields ? ts_tree_cursor_current_field_id(&cursor_) : TSFieldId{0}, ts_node_is_named(c)});
      } while (ts_tree_cursor_goto_next_sibling(&cursor_));
    }
    return Span{this, begin, scratch_.size()};
  }
  TSNode field(TSNode n, TSFieldId f) const { return ts_node_child_by_field_id(n, f); }

  void diag(DiagnosticKind k, SourceRange r, std::string msg) {
    if (k == DiagnosticKind::SyntaxError) out_.has_syntax_errors = true;
    out_.diagnostics.push_back(Diagnostic{k, r, std::move(msg), {}, {}, {}});
  }
  void unsupported(TSNode n, std::string_view what = {}) {
    std::string name = what.empty() ? describe(ts_node_type(n)) : std::string(what);
    diag(DiagnosticKind::UnsupportedSyntax, range(n), name + " is not supported by Molt");
  }

  template <typename T>
  T* expr(ExprKind k, SourceRange r) {
    T* e = arena_.make<T>();
    e->kind = k;
    e->id = next_id_++;
    e->range = r;
    return e;
  }
  template <typename T>
  T* stmt(StmtKind k, SourceRange r) {
    T* s = arena_.make<T>();
    s->kind = k;
    s->range = r;
    return s;
  }

  // Ranges for nodes we could not lower: a Name "<error>" so later phases
  // still see a well-formed tree. Diagnostics have been reported already.
  Expr* errorExpr(TSNode n) {
    auto* e = expr<NameExpr>(ExprKind::Name, range(n));
    e->name = "<error>";
    return e;
  }

  // ------------------------------------------------------------ comments
  void noteComment(TSNode c) {
    std::string_view t = text(c);
    size_t p = t.find("molt:");
    if (p == std::string_view::npos) return;
    std::string_view rest = t.substr(p + 5);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.substr(0, 6) != "ignore") return;
    rest.remove_prefix(6);
    IgnoreDirective d;
    d.line = file_.position(ts_node_start_byte(c)).line + base_line_;
    if (!rest.empty() && rest.front() == '[') {
      size_t close = rest.find(']');
      std::string_view list = rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1);
      size_t i = 0;
      while (i <= list.size()) {
        size_t comma = list.find(',', i);
        if (comma == std::string_view::npos) comma = list.size();
        std::string_view code = list.substr(i, comma - i);
        while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
        while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
        if (!code.empty()) d.codes.emplace_back(code);
        i = comma + 1;
      }
    }
    out_.ignores.push_back(std::move(d));
  }

  // --------------------------------------------------------- syntax errors
  void reportSyntaxErrors(TSNode n) {
    if (ts_node_is_missing(n)) {
      std::string t = ts_node_type(n);
      diag(DiagnosticKind::SyntaxError, range(n), "expected `" + t + "`");
      return;
    }
    if (ts_node_symbol(n) == static_cast<TSSymbol>(-1) || kind(n) == NK::n_ERROR) {
      SourceRange r = range(n);
      // A long ERROR region is reported at its first line only.
      std::string_view t = text(n);
      size_t nl = t.find('\n');
      if (nl != std::string_view::npos && nl > 0) r.end = r.begin + static_cast<uint32_t>(nl);
      std::string_view snippet = t.substr(0, std::min<size_t>(nl, 40));
      diag(DiagnosticKind::SyntaxError, r,
           snippet.empty() ? std::string("invalid syntax") : "invalid syntax near `" + std::string(snippet) + "`");
      return;
    }
    uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode c = ts_node_child(n, i);
      if (ts_node_has_error(c) || ts_node_is_missing(c)) reportSyntaxErrors(c);
    }
  }

  // ------------------------------------------------------------ statements
  Block lowerBlockChildren(TSNode n) {
    std::vector<Stmt*> out;
    auto cs = children(n);
    for (size_t i = 0; i < cs.size(); ++i) {
      Child c = cs[i];
      if (!c.named) continue;
      lowerStatement(c.node, out);
    }
    return arena_.copy(out);
  }

  // The statements of `block`, the body of the compound statement (or
  // clause) `owner`.
  Block lowerBody(TSNode block, TSNode owner) {
    if (ts_node_is_null(block)) return {};
    Block body = lowerBlockChildren(block);
    if (body.empty() && !hasStatement(block)) reportEmptyBlock(owner);
    return body;
  }

  // True when `block` holds a statement (lowered or not), not only comments.
  bool hasStatement(TSNode block) {
    for (uint32_t i = 0, n = ts_node_named_child_count(block); i < n; ++i)
      if (kind(ts_node_named_child(block, i)) != NK::n_comment) return true;
    return false;
  }

  // tree-sitter-python accepts a compound statement's header with no body
  // (`if x:` followed by a line at the same indentation: the block is just
  // the newline) so that half-typed code still parses; CPython raises
  // IndentationError. Reported at the header's keyword, in CPython's words.
  void reportEmptyBlock(TSNode owner) {
    if (ts_node_has_error(owner) || ts_node_child_count(owner) == 0) return;
    TSNode keyword = ts_node_child(owner, 0);
    NK k = kind(owner);
    std::string what = k == NK::n_function_definition ? "function definition"
                       : k == NK::n_class_definition  ? "class definition"
                                                      : "'" + std::string(text(keyword)) + "' statement";
    // (CPython adds "on line N"; the diagnostic starts there already, and a
    // line number in the text would go stale when the server reuses this
    // chunk's diagnostics below an edit.)
    diag(DiagnosticKind::SyntaxError, range(keyword), "expected an indented block after " + what);
  }

  void lowerStatement(TSNode n, std::vector<Stmt*>& out) {
    SourceRange r = range(n);
    switch (kind(n)) {
      case NK::n_ERROR: return;  // reported by reportSyntaxErrors
      case NK::n_expression_statement: return lowerExpressionStatement(n, out);
      case NK::n_return_statement: {
        if (function_depth_ == 0) diag(DiagnosticKind::SyntaxError, r, "`return` outside function");
        auto* s = stmt<ReturnStmt>(StmtKind::Return, r);
        s->value = nullptr;
        auto cs = children(n);
        for (size_t i = 0; i < cs.size(); ++i)
          if (cs[i].named) s->value = lowerExprOrList(cs[i].node);
        out.push_back(s);
        return;
      }
      case NK::n_pass_statement: out.push_back(stmt<Stmt>(StmtKind::Pass, r)); return;
      case NK::n_break_statement:
      case NK::n_continue_statement: {
        bool brk = kind(n) == NK::n_break_statement;
        if (loop_depth_ == 0)
          diag(DiagnosticKind::SyntaxError, r, brk ? "`break` outside loop" : "`continue` not properly in loop");
        out.push_back(stmt<Stmt>(brk ? StmtKind::Break : StmtKind::Continue, r));
        return;
      }
      case NK::n_if_statement: out.push_back(lowerIf(n)); return;
      case NK::n_while_statement: {
        auto* s = stmt<WhileStmt>(StmtKind::While, r);
        s->test = lowerExpr(field(n, g_.f_condition));
        ++loop_depth_;
        s->body = lowerBody(field(n, g_.f_body), n);
        --loop_depth_;
        s->orelse = lowerElse(field(n, g_.f_alternative));
        out.push_back(s);
        return;
      }
      case NK::n_for_statement: {
        if (startsWithAsync(n)) return unsupported(n, "`async for`");
        auto* s = stmt<ForStmt>(StmtKind::For, r);
        s->target = lowerTarget(field(n, g_.f_left));
        s->iter = lowerExprOrList(field(n, g_.f_right));
        ++loop_depth_;
        s->body = lowerBody(field(n, g_.f_body), n);
        --loop_depth_;
        s->orelse = lowerElse(field(n, g_.f_alternative));
        out.push_back(s);
        return;
      }
      case NK::n_try_statement: out.push_back(lowerTry(n)); return;
      case NK::n_with_statement: {
        if (startsWithAsync(n)) return unsupported(n, "`async with`");
        out.push_back(lowerWith(n));
        return;
      }
      case NK::n_function_definition: {
        if (Stmt* s = lowerFunction(n, {})) out.push_back(s);
        return;
      }
      case NK::n_class_definition: out.push_back(lowerClass(n, {})); return;
      case NK::n_decorated_definition: {
        std::vector<Expr*> decorators;
        TSNode def{};
        {
          auto cs = children(n, true);
          for (size_t i = 0; i < cs.size(); ++i) {
            Child c = cs[i];
            if (kind(c.node) == NK::n_decorator) {
              TSNode e = ts_node_named_child(c.node, 0);
              decorators.push_back(ts_node_is_null(e) ? errorExpr(c.node) : lowerExpr(e));
            } else if (c.field == g_.f_definition) {
              def = c.node;
            }
          }
        }
        if (ts_node_is_null(def)) return;
        auto decs = arena_.copy(decorators);
        if (kind(def) == NK::n_function_definition) {
          if (Stmt* s = lowerFunction(def, decs)) {
            s->range = r;
            out.push_back(s);
          }
        } else if (kind(def) == NK::n_class_definition) {
          Stmt* s = lowerClass(def, decs);
          s->range = r;
          out.push_back(s);
        } else {
          unsupported(def);
        }
        return;
      }
      case NK::n_import_statement: {
        auto* s = stmt<ImportStmt>(StmtKind::Import, r);
        std::vector<Alias> names;
        auto cs = children(n);
        for (size_t i = 0; i < cs.size(); ++i)
          if (cs[i].named) names.push_back(lowerAlias(cs[i].node));
        s->names = arena_.copy(names);
        out.push_back(s);
        return;
      }
      case NK::n_import_from_statement:
      case NK::n_future_import_statement: {
        auto* s = stmt<ImportFromStmt>(StmtKind::ImportFrom, r);
        s->level = 0;
        s->module = "__future__";
        std::vector<Alias> names;
        bool future = kind(n) == NK::n_future_import_statement;
        auto cs = children(n, true);
        for (size_t i = 0; i < cs.size(); ++i) {
          Child c = cs[i];
          if (!c.named) continue;
          if (!future && c.field == g_.f_module_name) {
            if (kind(c.node) == NK::n_relative_import) {
              std::string_view t = text(c.node);
              uint32_t level = 0;
              while (level < t.size() && t[level] == '.') ++level;
              s->level = level;
              s->module = t.substr(level);
            } else {
              s->module = text(c.node);
            }
          } else if (kind(c.node) == NK::n_wildcard_import) {
            unsupported(c.node);
          } else {
            names.push_back(lowerAlias(c.node));
          }
        }
        s->names = arena_.copy(names);
        out.push_back(s);
        return;
      }
      case NK::n_global_statement:
      case NK::n_nonlocal_statement: {
        bool global = kind(n) == NK::n_global_statement;
        auto* s = stmt<NameListStmt>(global ? StmtKind::Global : StmtKind::Nonlocal, r);
        std::vector<Identifier> names;
        auto cs = children(n);
        for (size_t i = 0; i < cs.size(); ++i)
          if (cs[i].named && kind(cs[i].node) == NK::n_identifier)
            names.push_back({text(cs[i].node), range(cs[i].node)});
        s->names = arena_.copy(names);
        out.push_back(s);
        return;
      }
      case NK::n_raise_statement: {
        auto* s = stmt<RaiseStmt>(StmtKind::Raise, r);
        s->exc = nullptr;
        s->cause = nullptr;
        auto cs = children(n, true);
        for (size_t i = 0; i < cs.size(); ++i) {
          Child c = cs[i];
          if (!c.named) continue;
          if (c.field == g_.f_cause) s->cause = lowerExpr(c.node);
          else s->exc = lowerExprOrList(c.node);
        }
        out.push_back(s);
        return;
      }
      case NK::n_assert_statement: {
        auto* s = stmt<AssertStmt>(StmtKind::Assert, r);
        s->test = nullptr;
        s->msg = nullptr;
        auto cs = children(n);
        for (size_t i = 0; i < cs.size(); ++i) {
          if (!cs[i].named) continue;
          if (!s->test) s->test = lowerExpr(cs[i].node);
          else s->msg = lowerExpr(cs[i].node);
        }
        if (!s->test) s->test = errorExpr(n);
        out.push_back(s);
        return;
      }
      case NK::n_delete_statement: {
        auto* s = stmt<DeleteStmt>(StmtKind::Delete, r);
        std::vector<Expr*> targets;
        auto cs = children(n);
        for (size_t i = 0; i < cs.size(); ++i) {
          Child c = cs[i];
          if (!c.named) continue;
          if (kind(c.node) == NK::n_expression_list) {
            auto inner = children(c.node);
            for (size_t j = 0; j < inner.size(); ++j)
              if (inner[j].named) targets.push_back(lowerExpr(inner[j].node));
          } else {
            targets.push_back(lowerExpr(c.node));
          }
        }
        s->targets = arena_.copy(targets);
        out.push_back(s);
        return;
      }
      default:
        unsupported(n);
        return;
    }
  }

  std::vector<TSNode> namedChildren(TSNode n) {
    std::vector<TSNode> out;
    auto cs = children(n);
    for (size_t i = 0; i < cs.size(); ++i)
      if (cs[i].named) out.push_back(cs[i].node);
    return out;
  }

  // `async` is always a node's first token when present.
  static bool startsWithAsync(TSNode n) {
    TSNode c = ts_node_child(n, 0);
    return !ts_node_is_null(c) && !ts_node_is_named(c) && std::string_view(ts_node_type(c)) == "async";
  }

  bool hasToken(TSNode n, std::string_view tok) {
    auto cs = children(n);
    for (size_t i = 0; i < cs.size(); ++i)
      if (!cs[i].named && ts_node_type(cs[i].node) == tok) return true;
    return false;
  }

  void lowerExpressionStatement(TSNode n, std::vector<Stmt*>& out) {
    std::vector<TSNode> parts = namedChildren(n);
    if (parts.empty()) return;
    SourceRange r = range(n);
    if (parts.size() == 1) {
      TSNode c = parts[0];
      if (kind(c) == NK::n_assignment) return out.push_back(lowerAssignment(c, r));
      if (kind(c) == NK::n_augmented_assignment) {
        auto* s = stmt<AugAssignStmt>(StmtKind::AugAssign, r);
        s->target = lowerTarget(field(c, g_.f_left));
        std::string op(ts_node_type(field(c, g_.f_operator)));
        op.pop_back();  // drop '='
        s->op = binOpFromText(op);
        TSNode right = field(c, g_.f_right);
        if (kind(right) == NK::n_assignment || kind(right) == NK::n_augmented_assignment) {
          unsupported(right, "chained augmented assignment");
          s->value = errorExpr(right);
        } else {
          s->value = lowerExprOrList(right);
        }
        return out.push_back(s);
      }
    }
    auto* s = stmt<ExprStmt>(StmtKind::Expr, r);
    if (parts.size() == 1) {
      s->value = lowerExpr(parts[0]);
    } else {
      auto* t = expr<SequenceExpr>(ExprKind::Tuple, r);
      std::vector<Expr*> elts;
      for (TSNode p : parts) elts.push_back(lowerExpr(p));
      t->elts = arena_.copy(elts);
      s->value = t;
    }
    out.push_back(s);
  }

  Stmt* lowerAssignment(TSNode n, SourceRange r) {
    TSNode type = field(n, g_.f_type);
    if (!ts_node_is_null(type)) {
      auto* s = stmt<AnnAssignStmt>(StmtKind::AnnAssign, r);
      s->target = lowerTarget(field(n, g_.f_left));
      s->annotation = lowerType(type);
      TSNode right = field(n, g_.f_right);
      s->value = ts_node_is_null(right) ? nullptr : lowerExprOrList(right);
      return s;
    }
    std::vector<Expr*> targets;
    TSNode cur = n;
    while (kind(cur) == NK::n_assignment && ts_node_is_null(field(cur, g_.f_type))) {
      targets.push_back(lowerTarget(field(cur, g_.f_left)));
      TSNode right = field(cur, g_.f_right);
      if (ts_node_is_null(right)) { cur = right; break; }
      cur = right;
    }
    auto* s = stmt<AssignStmt>(StmtKind::Assign, r);
    s->targets = arena_.copy(targets);
    if (ts_node_is_null(cur)) {
      s->value = errorExpr(n);
    } else if (kind(cur) == NK::n_assignment || kind(cur) == NK::n_augmented_assignment) {
      unsupported(cur, "annotated or augmented assignment inside a chained assignment");
      s->value = errorExpr(cur);
    } else {
      s->value = lowerExprOrList(cur);
    }
    return s;
  }

  Stmt* lowerIf(TSNode n) {
    auto* s = stmt<IfStmt>(StmtKind::If, range(n));
    s->test = lowerExpr(field(n, g_.f_condition));
    s->body = lowerBody(field(n, g_.f_consequence), n);
    std::vector<TSNode> alts;
    {
      auto cs = children(n, true);
      for (size_t i = 0; i < cs.size(); ++i)
        if (cs[i].field == g_.f_alternative) alts.push_back(cs[i].node);
    }
    // Build the elif chain from the back: each elif is an If in the previous orelse.
    Block orelse{};
    for (size_t i = alts.size(); i-- > 0;) {
      TSNode a = alts[i];
      if (kind(a) == NK::n_else_clause) {
        orelse = lowerBody(field(a, g_.f_body), a);
      } else {
        auto* e = stmt<IfStmt>(StmtKind::If, range(a));
        e->test = lowerExpr(field(a, g_.f_condition));
        e->body = lowerBody(field(a, g_.f_consequence), a);
        e->orelse = orelse;
        std::vector<Stmt*> one{e};
        orelse = arena_.copy(one);
      }
    }
    s->orelse = orelse;
    return s;
  }

  Block lowerElse(TSNode alt) {
    if (ts_node_is_null(alt)) return {};
    return lowerBody(field(alt, g_.f_body), alt);
  }

  Stmt* lowerTry(TSNode n) {
    auto* s = stmt<TryStmt>(StmtKind::Try, range(n));
    s->body = lowerBody(field(n, g_.f_body), n);
    std::vector<ExceptHandler> handlers;
    std::vector<TSNode> clauses;
    {
      auto cs = children(n, true);
      for (size_t i = 0; i < cs.size(); ++i)
        if (cs[i].named && cs[i].field != g_.f_body) clauses.push_back(cs[i].node);
    }
    for (TSNode c : clauses) {
      switch (kind(c)) {
        case NK::n_except_clause: handlers.push_back(lowerExcept(c)); break;
        case NK::n_else_clause: s->orelse = lowerBody(field(c, g_.f_body), c); break;
        case NK::n_finally_clause: {
          TSNode block{};
          auto cs = children(c);
          for (size_t i = 0; i < cs.size(); ++i)
            if (kind(cs[i].node) == NK::n_block) block = cs[i].node;
          if (!ts_node_is_null(block)) s->finalbody = lowerBody(block, c);
          break;
        }
        default: unsupported(c); break;
      }
    }
    s->handlers = arena_.copy(handlers);
    return s;
  }

  ExceptHandler lowerExcept(TSNode n) {
    ExceptHandler h{};
    h.range = range(n);
    h.type = nullptr;
    TSNode value{}, alias{}, block{};
    {
      auto cs = children(n, true);
      for (size_t i = 0; i < cs.size(); ++i) {
        Child c = cs[i];
        if (!c.named) continue;
        if (c.field == g_.f_value) value = c.node;
        else if (c.field == g_.f_alias) alias = c.node;
        else if (kind(c.node) == NK::n_block) block = c.node;
        else if (ts_node_is_null(value)) value = c.node;
      }
    }
    if (!ts_node_is_null(value) && kind(value) == NK::n_as_pattern) {
      // Older shape: `except E as e` parsed as an as_pattern expression.
      TSNode inner = ts_node_named_child(value, 0);
      TSNode target = ts_node_child_by_field_id(value, g_.f_alias);
      h.type = lowerExpr(inner);
      if (!ts_node_is_null(target)) alias = target;
    } else if (!ts_node_is_null(value)) {
      h.type = lowerExpr(value);
    }
    if (!ts_node_is_null(alias)) {
      TSNode id = alias;
      while (kind(id) != NK::n_identifier && ts_node_named_child_count(id) > 0) id = ts_node_named_child(id, 0);
      if (kind(id) == NK::n_identifier) {
        h.name = text(id);
        h.name_range = range(id);
      } else {
        unsupported(alias, "this `except ... as` target");
      }
    }
    h.body = lowerBody(block, n);
    return h;
  }

  Stmt* lowerWith(TSNode n) {
    auto* s = stmt<WithStmt>(StmtKind::With, range(n));
    std::vector<TSNode> items;
    TSNode body = field(n, g_.f_body);
    {
      auto cs = children(n);
      for (size_t i = 0; i < cs.size(); ++i) {
        if (kind(cs[i].node) != NK::n_with_clause) continue;
        auto inner = children(cs[i].node);
        for (size_t j = 0; j < inner.size(); ++j)
          if (kind(inner[j].node) == NK::n_with_item) items.push_back(inner[j].node);
      }
    }
    std::vector<WithItem> out;
    for (TSNode item : items) {
      TSNode v = field(item, g_.f_value);
      WithItem w{nullptr, nullptr};
      if (kind(v) == NK::n_as_pattern) {
        w.context = lowerExpr(ts_node_named_child(v, 0));
        TSNode target = ts_node_child_by_field_id(v, g_.f_alias);
        if (!ts_node_is_null(target)) {
          TSNode t = kind(target) == NK::n_as_pattern_target ? ts_node_named_child(target, 0) : target;
          w.target = ts_node_is_null(t) ? errorExpr(target) : lowerTarget(t);
        }
      } else {
        w.context = lowerExpr(v);
      }
      out.push_back(w);
    }
    s->items = arena_.copy(out);
    s->body = lowerBody(body, n);
    return s;
  }

  Alias lowerAlias(TSNode n) {
    Alias a{};
    a.range = range(n);
    if (kind(n) == NK::n_aliased_import) {
      a.name = text(field(n, g_.f_name));
      a.asname = text(field(n, g_.f_alias));
    } else {
      a.name = text(n);
    }
    return a;
  }

  std::span<Param> lowerParams(TSNode params, bool is_lambda) {
    std::vector<Param> out;
    if (ts_node_is_null(params)) return {};
    std::vector<TSNode> ps = namedChildren(params);
    bool keyword_only = false;
    for (TSNode p : ps) {
      Param q{};
      q.range = range(p);
      q.keyword_only = keyword_only;
      switch (kind(p)) {
        case NK::n_identifier: q.name = text(p); break;
        case NK::n_typed_parameter: {
          TSNode id = ts_node_named_child(p, 0);
          if (kind(id) != NK::n_identifier) {
            std::string_view t = ts_node_type(id);
            unsupported(id, t == "list_splat_pattern" ? "`*args` parameter" : t == "dictionary_splat_pattern" ? "`**kwargs` parameter" : std::string_view{});
            continue;
          }
          q.name = text(id);
          q.range = range(id);
          q.annotation = lowerType(field(p, g_.f_type));
          break;
        }
        case NK::n_default_parameter:
        case NK::n_typed_default_parameter: {
          TSNode id = field(p, g_.f_name);
          if (kind(id) != NK::n_identifier) { unsupported(id); continue; }
          q.name = text(id);
          q.range = range(id);
          TSNode t = field(p, g_.f_type);
          if (!ts_node_is_null(t)) q.annotation = lowerType(t);
          q.default_value = lowerExpr(field(p, g_.f_value));
          break;
        }
        case NK::n_keyword_separator:
          keyword_only = true;
          continue;
        default:
          unsupported(p, kind(p) == NK::Unknown && std::string_view(ts_node_type(p)) == "list_splat_pattern"
                             ? "`*args` parameter"
                             : std::string_view{});
          continue;
      }
      (void)is_lambda;
      out.push_back(q);
    }
    return arena_.copy(out);
  }

  Stmt* lowerFunction(TSNode n, std::span<Expr*> decorators) {
    if (startsWithAsync(n)) {
      unsupported(n, "`async def`");
      return nullptr;
    }
    TSNode tp = field(n, g_.f_type_parameters);
    if (!ts_node_is_null(tp)) unsupported(tp);
    auto* s = stmt<FunctionDef>(StmtKind::FunctionDef, range(n));
    TSNode name = field(n, g_.f_name);
    s->name = text(name);
    s->name_range = range(name);
    s->decorators = decorators;
    s->params = lowerParams(field(n, g_.f_parameters), false);
    TSNode ret = field(n, g_.f_return_type);
    s->returns = ts_node_is_null(ret) ? nullptr : lowerType(ret);
    TSNode body = field(n, g_.f_body);
    s->header = {ts_node_start_byte(n) + base_, (ts_node_is_null(body) ? ts_node_end_byte(n) : ts_node_start_byte(body)) + base_};
    int saved_loops = loop_depth_;
    loop_depth_ = 0;
    ++function_depth_;
    s->body = lowerBody(body, n);
    --function_depth_;
    loop_depth_ = saved_loops;
    return s;
  }

  Stmt* lowerClass(TSNode n, std::span<Expr*> decorators) {
    auto* s = stmt<ClassDef>(StmtKind::ClassDef, range(n));
    TSNode name = field(n, g_.f_name);
    s->name = text(name);
    s->name_range = range(name);
    s->decorators = decorators;
    TSNode tp = field(n, g_.f_type_parameters);
    if (!ts_node_is_null(tp)) unsupported(tp);
    TSNode sup = field(n, g_.f_superclasses);
    if (!ts_node_is_null(sup)) {
      std::vector<Expr*> args;
      std::vector<Keyword> kws;
      lowerArguments(sup, args, kws);
      s->bases = arena_.copy(args);
      s->keywords = arena_.copy(kws);
    }
    int saved_loops = loop_depth_;
    int saved_fn = function_depth_;
    loop_depth_ = 0;
    function_depth_ = 0;  // `return` directly in a class body is an error
    s->body = lowerBody(field(n, g_.f_body), n);
    loop_depth_ = saved_loops;
    function_depth_ = saved_fn;
    return s;
  }

  void lowerArguments(TSNode list, std::vector<Expr*>& args, std::vector<Keyword>& kws) {
    std::vector<TSNode> items = namedChildren(list);
    for (TSNode a : items) {
      if (kind(a) == NK::n_keyword_argument) {
        TSNode name = field(a, g_.f_name);
        kws.push_back(Keyword{text(name), range(name), lowerExpr(field(a, g_.f_value))});
      } else {
        args.push_back(lowerExpr(a));
      }
    }
  }

  // ----------------------------------------------------------- expressions
  Expr* lowerExprOrList(TSNode n) {
    NK k = kind(n);
    if (k == NK::n_expression_list || k == NK::n_pattern_list) {
      auto* t = expr<SequenceExpr>(ExprKind::Tuple, range(n));
      std::vector<TSNode> items = namedChildren(n);
      std::vector<Expr*> elts;
      for (TSNode c : items) elts.push_back(k == NK::n_pattern_list ? lowerTarget(c) : lowerExpr(c));
      t->elts = arena_.copy(elts);
      return t;
    }
    return lowerExpr(n);
  }

  Expr* lowerTarget(TSNode n) {
    if (ts_node_is_null(n)) return arena_.make<NameExpr>(NameExpr{{ExprKind::Name, next_id_++, {}}, "<error>"});
    switch (kind(n)) {
      case NK::n_pattern_list:
      case NK::n_tuple_pattern:
      case NK::n_list_pattern: {
        auto* t = expr<SequenceExpr>(kind(n) == NK::n_list_pattern ? ExprKind::List : ExprKind::Tuple, range(n));
        std::vector<TSNode> items = namedChildren(n);
        std::vector<Expr*> elts;
        for (TSNode c : items) elts.push_back(lowerTarget(c));
        t->elts = arena_.copy(elts);
        return t;
      }
      default: return lowerExpr(n);
    }
  }

  // Annotations: the `type` wrapper and the type-only node kinds become
  // ordinary expressions (Name, Attribute, Subscript, `|`, string) that the
  // checker interprets.
  Expr* lowerType(TSNode n) {
    if (ts_node_is_null(n)) return errorExpr(n);
    switch (kind(n)) {
      case NK::n_type: {
        TSNode c = ts_node_named_child(n, 0);
        return ts_node_is_null(c) ? errorExpr(n) : lowerType(c);
      }
      case NK::n_generic_type: {
        std::vector<TSNode> items = namedChildren(n);
        if (items.size() != 2 || kind(items[1]) != NK::n_type_parameter) return unsupportedExpr(n);
        auto* s = expr<SubscriptExpr>(ExprKind::Subscript, range(n));
        s->value = lowerType(items[0]);
        std::vector<TSNode> params = namedChildren(items[1]);
        if (params.size() == 1) {
          s->index = lowerType(params[0]);
        } else {
          auto* t = expr<SequenceExpr>(ExprKind::Tuple, range(items[1]));
          std::vector<Expr*> elts;
          for (TSNode p : params) elts.push_back(lowerType(p));
          t->elts = arena_.copy(elts);
          s->index = t;
        }
        return s;
      }
      case NK::n_union_type: {
        TSNode a = ts_node_named_child(n, 0), b = ts_node_named_child(n, 1);
        auto* e = expr<BinaryExpr>(ExprKind::Binary, range(n));
        e->op = BinOp::BitOr;
        e->lhs = lowerType(a);
        e->rhs = lowerType(b);
        return e;
      }
      case NK::n_member_type: {
        TSNode a = ts_node_named_child(n, 0), b = ts_node_named_child(n, 1);
        auto* e = expr<AttributeExpr>(ExprKind::Attribute, range(n));
        e->value = lowerType(a);
        e->attr = text(b);
        e->attr_range = range(b);
        return e;
      }
      default: return lowerExpr(n);
    }
  }

  Expr* unsupportedExpr(TSNode n, std::string_view what = {}) {
    unsupported(n, what);
    return errorExpr(n);
  }

  static BinOp binOpFromText(std::string_view t) {
    if (t == "+") return BinOp::Add;
    if (t == "-") return BinOp::Sub;
    if (t == "*") return BinOp::Mul;
    if (t == "/") return BinOp::Div;
    if (t == "//") return BinOp::FloorDiv;
    if (t == "%") return BinOp::Mod;
    if (t == "**") return BinOp::Pow;
    if (t == "<<") return BinOp::LShift;
    if (t == ">>") return BinOp::RShift;
    if (t == "&") return BinOp::BitAnd;
    if (t == "|") return BinOp::BitOr;
    if (t == "^") return BinOp::BitXor;
    return BinOp::MatMul;
  }

  Expr* lowerExpr(TSNode n) {
    if (ts_node_is_null(n)) return arena_.make<NameExpr>(NameExpr{{ExprKind::Name, next_id_++, {}}, "<error>"});
    SourceRange r = range(n);
    switch (kind(n)) {
      case NK::n_ERROR: return errorExpr(n);
      case NK::n_identifier: {
        auto* e = expr<NameExpr>(ExprKind::Name, r);
        e->name = text(n);
        return e;
      }
      case NK::n_true:
      case NK::n_false: {
        auto* e = expr<BoolExpr>(ExprKind::Bool, r);
        e->value = kind(n) == NK::n_true;
        return e;
      }
      case NK::n_none: return expr<Expr>(ExprKind::None, r);
      case NK::n_ellipsis: return expr<Expr>(ExprKind::Ellipsis, r);
      case NK::n_integer: return lowerInteger(n, r);
      case NK::n_float: {
        std::string t;
        for (char c : text(n))
          if (c != '_') t.push_back(c);
        if (!t.empty() && (t.back() == 'j' || t.back() == 'J')) return unsupportedExpr(n, "complex number literal");
        auto* e = expr<FloatExpr>(ExprKind::Float, r);
        e->value = std::strtod(t.c_str(), nullptr);
        return e;
      }
      case NK::n_string:
      case NK::n_concatenated_string: return lowerString(n, r);
      case NK::n_parenthesized_expression: {
        TSNode inner = ts_node_named_child(n, 0);
        if (ts_node_is_null(inner)) return errorExpr(n);
        return lowerExpr(inner);
      }
      case NK::n_list:
      case NK::n_tuple:
      case NK::n_set: {
        ExprKind k = kind(n) == NK::n_list ? ExprKind::List : kind(n) == NK::n_tuple ? ExprKind::Tuple : ExprKind::Set;
        auto* e = expr<SequenceExpr>(k, r);
        std::vector<TSNode> items = namedChildren(n);
        std::vector<Expr*> elts;
        for (TSNode c : items) elts.push_back(lowerExpr(c));
        e->elts = arena_.copy(elts);
        return e;
      }
      case NK::n_dictionary: {
        auto* e = expr<DictExpr>(ExprKind::Dict, r);
        std::vector<TSNode> items = namedChildren(n);
        std::vector<Expr*> keys, values;
        for (TSNode c : items) {
          if (kind(c) != NK::n_pair) { unsupported(c); continue; }
          keys.push_back(lowerExpr(field(c, g_.f_key)));
          values.push_back(lowerExpr(field(c, g_.f_value)));
        }
        e->keys = arena_.copy(keys);
        e->values = arena_.copy(values);
        return e;
      }
      case NK::n_list_comprehension: return lowerComprehension(n, r, ExprKind::ListComp);
      case NK::n_set_comprehension: return lowerComprehension(n, r, ExprKind::SetComp);
      case NK::n_dictionary_comprehension: return lowerComprehension(n, r, ExprKind::DictComp);
      case NK::n_generator_expression: return lowerComprehension(n, r, ExprKind::GeneratorExp);
      case NK::n_attribute: {
        auto* e = expr<AttributeExpr>(ExprKind::Attribute, r);
        e->value = lowerExpr(field(n, g_.f_object));
        TSNode a = field(n, g_.f_attribute);
        e->attr = text(a);
        e->attr_range = range(a);
        return e;
      }
      case NK::n_subscript: {
        auto* e = expr<SubscriptExpr>(ExprKind::Subscript, r);
        e->value = lowerExpr(field(n, g_.f_value));
        std::vector<TSNode> subs;
        {
          auto cs = children(n, true);
          for (size_t i = 0; i < cs.size(); ++i)
            if (cs[i].field == g_.f_subscript) subs.push_back(cs[i].node);
        }
        if (subs.size() == 1) {
          e->index = lowerSubscriptItem(subs[0]);
        } else {
          auto* t = expr<SequenceExpr>(ExprKind::Tuple, {ts_node_start_byte(subs.front()) + base_, ts_node_end_byte(subs.back()) + base_});
          std::vector<Expr*> elts;
          for (TSNode s : subs) elts.push_back(lowerSubscriptItem(s));
          t->elts = arena_.copy(elts);
          e->index = t;
        }
        return e;
      }
      case NK::n_call: {
        auto* e = expr<CallExpr>(ExprKind::Call, r);
        e->func = lowerExpr(field(n, g_.f_function));
        TSNode args = field(n, g_.f_arguments);
        std::vector<Expr*> pos;
        std::vector<Keyword> kws;
        if (kind(args) == NK::n_generator_expression) pos.push_back(lowerExpr(args));
        else if (!ts_node_is_null(args)) lowerArguments(args, pos, kws);
        e->args = arena_.copy(pos);
        e->keywords = arena_.copy(kws);
        return e;
      }
      case NK::n_unary_operator: {
        auto* e = expr<UnaryExpr>(ExprKind::Unary, r);
        std::string_view op = ts_node_type(field(n, g_.f_operator));
        e->op = op == "-" ? UnaryOp::Neg : op == "+" ? UnaryOp::Pos : UnaryOp::Invert;
        e->operand = lowerExpr(field(n, g_.f_argument));
        return e;
      }
      case NK::n_not_operator: {
        auto* e = expr<UnaryExpr>(ExprKind::Unary, r);
        e->op = UnaryOp::Not;
        e->operand = lowerExpr(field(n, g_.f_argument));
        return e;
      }
      case NK::n_binary_operator: {
        auto* e = expr<BinaryExpr>(ExprKind::Binary, r);
        e->op = binOpFromText(ts_node_type(field(n, g_.f_operator)));
        e->lhs = lowerExpr(field(n, g_.f_left));
        e->rhs = lowerExpr(field(n, g_.f_right));
        if (e->op == BinOp::MatMul) return unsupportedExpr(n, "matrix multiplication operator `@`");
        return e;
      }
      case NK::n_boolean_operator: {
        auto* e = expr<BoolOpExpr>(ExprKind::BoolOp, r);
        e->is_and = std::string_view(ts_node_type(field(n, g_.f_operator))) == "and";
        e->lhs = lowerExpr(field(n, g_.f_left));
        e->rhs = lowerExpr(field(n, g_.f_right));
        return e;
      }
      case NK::n_comparison_operator: {
        auto* e = expr<CompareExpr>(ExprKind::Compare, r);
        std::vector<TSNode> operands;
        std::vector<CmpOp> ops;
        {
          auto cs = children(n, true);
          for (size_t i = 0; i < cs.size(); ++i) {
            Child c = cs[i];
            if (c.field == g_.f_operators || !c.named) {
              std::string_view t = ts_node_type(c.node);
              if (t == "not" && !ops.empty() && ops.back() == CmpOp::Is) { ops.back() = CmpOp::IsNot; continue; }
              if (t == "in" && !ops.empty() && ops.back() == CmpOp::NotIn && i > 0 && !cs[i - 1].named &&
                  std::string_view(ts_node_type(cs[i - 1].node)) == "not")
                continue;
              if (t == "==") ops.push_back(CmpOp::Eq);
              else if (t == "!=" || t == "<>") ops.push_back(CmpOp::NotEq);
              else if (t == "<") ops.push_back(CmpOp::Lt);
              else if (t == "<=") ops.push_back(CmpOp::LtE);
              else if (t == ">") ops.push_back(CmpOp::Gt);
              else if (t == ">=") ops.push_back(CmpOp::GtE);
              else if (t == "is") ops.push_back(CmpOp::Is);
              else if (t == "is not") ops.push_back(CmpOp::IsNot);
              else if (t == "in") ops.push_back(CmpOp::In);
              else if (t == "not in" || t == "not") ops.push_back(CmpOp::NotIn);
            } else {
              operands.push_back(c.node);
            }
          }
        }
        std::vector<Expr*> es;
        for (TSNode o : operands) es.push_back(lowerExpr(o));
        if (es.size() != ops.size() + 1) return unsupportedExpr(n, "this comparison");
        e->ops = arena_.copy(ops);
        e->operands = arena_.copy(es);
        return e;
      }
      case NK::n_conditional_expression: {
        std::vector<TSNode> parts = namedChildren(n);
        if (parts.size() != 3) return errorExpr(n);
        auto* e = expr<IfExpr>(ExprKind::IfExp, r);
        e->body = lowerExpr(parts[0]);
        e->test = lowerExpr(parts[1]);
        e->orelse = lowerExpr(parts[2]);
        return e;
      }
      case NK::n_lambda: {
        auto* e = expr<LambdaExpr>(ExprKind::Lambda, r);
        e->params = lowerParams(field(n, g_.f_parameters), true);
        ++function_depth_;
        e->body = lowerExpr(field(n, g_.f_body));
        --function_depth_;
        return e;
      }
      case NK::n_keyword_argument:
        return unsupportedExpr(n, "a keyword argument here");
      default:
        return unsupportedExpr(n);
    }
  }

  Expr* lowerSubscriptItem(TSNode n) {
    if (kind(n) != NK::n_slice) return lowerExpr(n);
    auto* e = expr<SliceExpr>(ExprKind::Slice, range(n));
    e->lower = e->upper = e->step = nullptr;
    int colons = 0;
    std::vector<std::pair<int, TSNode>> parts;
    {
      auto cs = children(n);
      for (size_t i = 0; i < cs.size(); ++i) {
        if (!cs[i].named) { if (std::string_view(ts_node_type(cs[i].node)) == ":") ++colons; continue; }
        parts.emplace_back(colons, cs[i].node);
      }
    }
    for (auto& [slot, node] : parts) {
      Expr* x = lowerExpr(node);
      if (slot == 0) e->lower = x;
      else if (slot == 1) e->upper = x;
      else e->step = x;
    }
    return e;
  }

  Expr* lowerComprehension(TSNode n, SourceRange r, ExprKind k) {
    auto* e = expr<ComprehensionExpr>(k, r);
    e->elt = e->value = nullptr;
    TSNode body = field(n, g_.f_body);
    std::vector<TSNode> clauses;
    {
      auto cs = children(n, true);
      for (size_t i = 0; i < cs.size(); ++i)
        if (cs[i].named && cs[i].field != g_.f_body) clauses.push_back(cs[i].node);
    }
    std::vector<Comprehension> gens;
    std::vector<std::vector<Expr*>> ifs;
    // Lower the clauses first: they come first in evaluation order.
    for (TSNode c : clauses) {
      if (kind(c) == NK::n_for_in_clause) {
        if (startsWithAsync(c)) { unsupported(c, "`async for` in a comprehension"); continue; }
        Comprehension g{};
        g.target = lowerTarget(field(c, g_.f_left));
        std::vector<TSNode> rights;
        {
          auto cs = children(c, true);
          for (size_t i = 0; i < cs.size(); ++i)
            if (cs[i].field == g_.f_right && cs[i].named) rights.push_back(cs[i].node);
        }
        if (rights.size() == 1) {
          g.iter = lowerExpr(rights[0]);
        } else {
          auto* t = expr<SequenceExpr>(ExprKind::Tuple, range(c));
          std::vector<Expr*> elts;
          for (TSNode x : rights) elts.push_back(lowerExpr(x));
          t->elts = arena_.copy(elts);
          g.iter = t;
        }
        gens.push_back(g);
        ifs.emplace_back();
      } else if (kind(c) == NK::n_if_clause) {
        Expr* cond = lowerExpr(ts_node_named_child(c, 0));
        if (ifs.empty()) continue;
        ifs.back().push_back(cond);
      } else {
        unsupported(c);
      }
    }
    for (size_t i = 0; i < gens.size(); ++i) gens[i].ifs = arena_.copy(ifs[i]);
    e->generators = arena_.copy(gens);
    if (k == ExprKind::DictComp) {
      if (kind(body) == NK::n_pair) {
        e->elt = lowerExpr(field(body, g_.f_key));
        e->value = lowerExpr(field(body, g_.f_value));
      } else {
        e->elt = errorExpr(n);
        e->value = errorExpr(n);
      }
    } else {
      e->elt = lowerExpr(body);
    }
    return e;
  }

  Expr* lowerInteger(TSNode n, SourceRange r) {
    std::string t;
    for (char c : text(n))
      if (c != '_') t.push_back(c);
    if (!t.empty() && (t.back() == 'j' || t.back() == 'J')) return unsupportedExpr(n, "complex number literal");
    int base = 10;
    size_t start = 0;
    if (t.size() > 1 && t[0] == '0' && std::isalpha(static_cast<unsigned char>(t[1]))) {
      char p = static_cast<char>(std::tolower(static_cast<unsigned char>(t[1])));
      base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
      start = 2;
      if (base == 0) {
        diag(DiagnosticKind::SyntaxError, r, "invalid integer literal");
        return errorExpr(n);
      }
    } else if (t.size() > 1 && t[0] == '0' && t.find_first_not_of('0') != std::string::npos) {
      diag(DiagnosticKind::SyntaxError, r,
           "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
      return errorExpr(n);
    }
    auto* e = expr<IntExpr>(ExprKind::Int, r);
    e->fits_i64 = true;
    e->value = 0;
    unsigned __int128 v = 0;
    for (size_t i = start; i < t.size(); ++i) {
      int d = std::isdigit(static_cast<unsigned char>(t[i])) ? t[i] - '0' : std::tolower(static_cast<unsigned char>(t[i])) - 'a' + 10;
      v = v * base + d;
      if (v > static_cast<unsigned __int128>(INT64_MAX)) { e->fits_i64 = false; break; }
    }
    if (e->fits_i64) e->value = static_cast<int64_t>(v);
    e->digits = arena_.copy(std::string_view(t));
    return e;
  }

  static void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) out.push_back(static_cast<char>(cp));
    else if (cp < 0x800) { out.push_back(static_cast<char>(0xC0 | (cp >> 6))); out.push_back(static_cast<char>(0x80 | (cp & 0x3F))); }
    else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  // Decodes the escapes of a literal segment. Returns false (after reporting)
  // for escapes Molt cannot represent.
  bool decodeLiteral(std::string_view raw, bool is_raw, bool is_bytes, bool is_fstring, TSNode where, std::string& out) {
    for (size_t i = 0; i < raw.size(); ++i) {
      char c = raw[i];
      if (is_fstring && (c == '{' || c == '}') && i + 1 < raw.size() && raw[i + 1] == c) {
        out.push_back(c);
        ++i;
        continue;
      }
      if (is_bytes && static_cast<unsigned char>(c) >= 0x80) {
        diag(DiagnosticKind::SyntaxError, range(where), "bytes can only contain ASCII literal characters");
        return false;
      }
      if (c != '\\' || is_raw || i + 1 >= raw.size()) { out.push_back(c); continue; }
      char e = raw[++i];
      auto hex = [&](size_t count) -> int64_t {
        if (i + count >= raw.size() + 0 && i + count > raw.size() - 1 + 1) return -1;
        uint32_t v = 0;
        for (size_t k = 1; k <= count; ++k) {
          if (i + k >= raw.size() || !std::isxdigit(static_cast<unsigned char>(raw[i + k]))) return -1;
          char h = raw[i + k];
          v = v * 16 + (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : std::tolower(static_cast<unsigned char>(h)) - 'a' + 10);
        }
        i += count;
        return v;
      };
      switch (e) {
        case '\n': break;
        case '\r': if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i; break;
        case '\\': out.push_back('\\'); break;
        case '\'': out.push_back('\''); break;
        case '"': out.push_back('"'); break;
        case 'a': out.push_back('\a'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'v': out.push_back('\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          uint32_t v = static_cast<uint32_t>(e - '0');
          for (int k = 0; k < 2 && i + 1 < raw.size() && raw[i + 1] >= '0' && raw[i + 1] <= '7'; ++k) v = v * 8 + (raw[++i] - '0');
          if (is_bytes) out.push_back(static_cast<char>(v & 0xFF));
          else appendUtf8(out, v);
          break;
        }
        case 'x': {
          int64_t v = hex(2);
          if (v < 0) { diag(DiagnosticKind::SyntaxError, range(where), "truncated \\xXX escape"); return false; }
          if (is_bytes) out.push_back(static_cast<char>(v));
          else appendUtf8(out, static_cast<uint32_t>(v));
          break;
        }
        case 'u':
        case 'U': {
          if (is_bytes) { out.push_back('\\'); out.push_back(e); break; }
          int64_t v = hex(e == 'u' ? 4 : 8);
          if (v < 0 || v > 0x10FFFF) { diag(DiagnosticKind::SyntaxError, range(where), "invalid \\u escape"); return false; }
          if (v >= 0xD800 && v <= 0xDFFF) { unsupported(where, "a lone surrogate escape in a string"); return false; }
          appendUtf8(out, static_cast<uint32_t>(v));
          break;
        }
        case 'N':
          if (!is_bytes) { unsupported(where, "named Unicode escape `\\N{...}`"); return false; }
          [[fallthrough]];
        default:
          out.push_back('\\');
          out.push_back(e);
          break;
      }
    }
    return true;
  }

  // Lowers `string` and `concatenated_string` into Str, Bytes or FString.
  Expr* lowerString(TSNode n, SourceRange r) {
    std::vector<TSNode> pieces;
    if (kind(n) == NK::n_concatenated_string) {
      auto cs = children(n);
      for (size_t i = 0; i < cs.size(); ++i)
        if (cs[i].named) pieces.push_back(cs[i].node);
    } else {
      pieces.push_back(n);
    }
    std::vector<FStringPart> parts;
    bool any_f = false, any_bytes = false, any_str = false;
    std::string literal;
    auto flush = [&] {
      if (!literal.empty()) {
        parts.push_back(FStringPart{arena_.copy(literal), nullptr, 0, {}});
        literal.clear();
      }
    };
    for (TSNode piece : pieces) {
      std::vector<Child> kids;
      {
        auto cs = children(piece);
        for (size_t i = 0; i < cs.size(); ++i) kids.push_back(cs[i]);
      }
      std::string prefix;
      std::string_view quote;  // ", ', """ or '''
      for (Child c : kids) {
        if (kind(c.node) == NK::n_string_start) {
          std::string_view start = text(c.node);
          for (char ch : start) {
            if (ch == '"' || ch == '\'') break;
            prefix.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
          }
          quote = start.substr(prefix.size());
        }
      }
      bool is_raw = prefix.find('r') != std::string::npos;
      bool is_bytes = prefix.find('b') != std::string::npos;
      bool is_f = prefix.find('f') != std::string::npos;
      if (prefix.find('u') != std::string::npos && prefix.size() > 1) is_raw = false;
      any_f |= is_f;
      (is_bytes ? any_bytes : any_str) = true;
      for (Child c : kids) {
        NK k = kind(c.node);
        if (k == NK::n_string_content) {
          if (!decodeLiteral(text(c.node), is_raw, is_bytes, is_f, c.node, literal)) return errorExpr(n);
        } else if (k == NK::n_interpolation) {
          if (!is_f) {  // braces in a plain string are literal text
            literal.append(text(c.node));
            continue;
          }
          flush();
          if (!checkField311(c.node, quote)) return errorExpr(n);
          FStringPart p{};
          if (!lowerInterpolation(c.node, p)) return errorExpr(n);
          parts.push_back(p);
        } else if (k == NK::n_escape_sequence || k == NK::n_escape_interpolation) {
          if (!decodeLiteral(text(c.node), is_raw, is_bytes, is_f, c.node, literal)) return errorExpr(n);
        }
      }
    }
    if (any_bytes && any_str) {
      diag(DiagnosticKind::SyntaxError, r, "cannot mix bytes and nonbytes literals");
      return errorExpr(n);
    }
    if (!any_f) {
      auto* e = expr<StrExpr>(any_bytes ? ExprKind::Bytes : ExprKind::Str, r);
      std::string all;
      for (auto& p : parts) all.append(p.literal);
      all.append(literal);
      e->value = arena_.copy(std::string_view(all));
      return e;
    }
    flush();
    auto* e = expr<FStringExpr>(ExprKind::FString, r);
    e->parts = arena_.copy(parts);
    return e;
  }

  // CPython 3.11 (the oracle) tokenizes an f-string as one string first, so
  // a replacement field cannot reuse the string's quote, hold a backslash or
  // a comment; 3.12 lifted all three (PEP 701) and the grammar parses them.
  // False (after a syntax error) when `field`, or a field nested in its
  // format spec, does one of them.
  bool checkField311(TSNode field_node, std::string_view quote) {
    // The expression parts: from the field's `{` up to its format spec, and
    // each field nested in the spec (whose own nested text is literal).
    std::vector<std::pair<uint32_t, uint32_t>> parts;
    TSNode spec = field(field_node, g_.f_format_specifier);
    uint32_t start = ts_node_start_byte(field_node), end = ts_node_end_byte(field_node);
    parts.push_back({start, ts_node_is_null(spec) ? end : ts_node_start_byte(spec)});
    if (!ts_node_is_null(spec)) {
      for (uint32_t i = 0, n = ts_node_child_count(spec); i < n; ++i) {
        TSNode f = ts_node_child(spec, i);
        if (kind(f) == NK::n_format_expression) parts.push_back({ts_node_start_byte(f), ts_node_end_byte(f)});
      }
    }
    for (auto [b, e] : parts) {
      std::string_view part = file_.text().substr(b, e - b);
      size_t at = quote.empty() ? std::string_view::npos : part.find(quote);
      if (at != std::string_view::npos) {
        diag(DiagnosticKind::SyntaxError, rangeAt(b + static_cast<uint32_t>(at), static_cast<uint32_t>(quote.size())),
             "f-string: a replacement field reuses the string's quote " + std::string(quote) +
                 ", which ends the string in Python 3.11 (reusing it is Python 3.12 syntax, PEP 701)");
        return false;
      }
      at = part.find('\\');
      if (at != std::string_view::npos) {
        diag(DiagnosticKind::SyntaxError, rangeAt(b + static_cast<uint32_t>(at)),
             "f-string expression part cannot include a backslash");
        return false;
      }
    }
    // Comments: a walk with its own stack (the shared cursor is in use, and
    // a deeply nested expression must not recurse as deep).
    std::vector<TSNode> todo{field_node};
    while (!todo.empty()) {
      TSNode x = todo.back();
      todo.pop_back();
      if (kind(x) == NK::n_comment) {
        diag(DiagnosticKind::SyntaxError, rangeAt(ts_node_start_byte(x)), "f-string expression part cannot include '#'");
        return false;
      }
      for (uint32_t i = 0, n = ts_node_child_count(x); i < n; ++i) todo.push_back(ts_node_child(x, i));
    }
    return true;
  }

  bool lowerInterpolation(TSNode n, FStringPart& p) {
    TSNode ex = field(n, g_.f_expression);
    if (hasToken(n, "=")) {
      unsupported(n, "self-documenting f-string field `{x=}`");
      return false;
    }
    p.expr = kind(ex) == NK::n_expression_list ? lowerExprOrList(ex) : lowerExpr(ex);
    TSNode conv = field(n, g_.f_type_conversion);
    if (!ts_node_is_null(conv)) {
      std::string_view t = text(conv);
      p.conversion = t.size() >= 2 ? t[1] : 0;
    }
    TSNode spec = field(n, g_.f_format_specifier);
    if (!ts_node_is_null(spec)) {
      std::vector<FStringPart> sp;
      uint32_t pos = ts_node_start_byte(spec) + 1;  // skip ':'
      std::vector<TSNode> nested;
      {
        auto cs = children(spec);
        for (size_t i = 0; i < cs.size(); ++i)
          if (kind(cs[i].node) == NK::n_format_expression) nested.push_back(cs[i].node);
      }
      for (TSNode f : nested) {
        uint32_t s = ts_node_start_byte(f);
        if (s > pos) sp.push_back(FStringPart{file_.text().substr(pos, s - pos), nullptr, 0, {}});
        FStringPart inner{};
        inner.expr = lowerExpr(field(f, g_.f_expression));
        sp.push_back(inner);
        pos = ts_node_end_byte(f);
      }
      uint32_t end = ts_node_end_byte(spec);
      if (end > pos) sp.push_back(FStringPart{file_.text().substr(pos, end - pos), nullptr, 0, {}});
      p.spec = arena_.copy(sp);
    }
    return true;
  }
};

}  // namespace

ParsedModule lowerTree(const SourceFile& file, const TSTree* tree) {
  ParsedModule out;
  Lowerer lowerer(file, out);
  lowerer.run(ts_tree_root_node(tree));
  return out;
}

ParsedModule lowerRegion(const SourceFile& region, const TSTree* tree, uint32_t base, uint32_t base_line,
                         uint32_t first_id, std::vector<TopLevelMark>& marks) {
  ParsedModule out;
  // About 20 bytes of AST per byte of source: small regions get small blocks.
  out.module.arena = std::make_unique<Arena>(region.text().size() * 20);
  Lowerer lowerer(region, out);
  lowerer.runRegion(ts_tree_root_node(tree), base, base_line, first_id, marks);
  return out;
}

// The tree of parsePython() (syntax_tree.cpp), released for callers that
// manage TSTree* themselves.
TSTree* parseSyntaxTree(std::string_view text, const TSTree* old_tree) {
  return parsePython(text, old_tree).release();
}

ParsedModule parseModule(const SourceFile& file) {
  TreePtr tree(parseSyntaxTree(file.text()));
  return lowerTree(file, tree.get());
}

}  // namespace molt
