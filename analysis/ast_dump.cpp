// Text dumps of the AST and of inferred types (`molt check --emit=ast|types`),
// stable enough for golden tests.
#include <fmt/format.h>

#include <algorithm>

#include "check_file.h"

namespace molt {
namespace {

class AstDumper {
 public:
  AstDumper(const SourceFile& f, std::string& out) : f_(f), out_(out) {}

  void block(Block b, int depth) {
    for (const Stmt* s : b) stmt(s, depth);
  }

 private:
  const SourceFile& f_;
  std::string& out_;

  std::string at(SourceRange r) const {
    SourcePosition p = f_.position(r.begin);
    return fmt::format("{}:{}", p.line, p.column_utf8 + 1);
  }
  void line(int depth, std::string_view s) {
    out_.append(static_cast<size_t>(depth) * 2, ' ');
    out_.append(s);
    out_.push_back('\n');
  }
  void labeled(int depth, std::string_view label, const Expr* e) {
    if (!e) return;
    line(depth, std::string(label) + ":");
    expr(e, depth + 1);
  }
  void body(int depth, std::string_view label, Block b) {
    if (b.empty()) return;
    line(depth, std::string(label) + ":");
    block(b, depth + 1);
  }

  void stmt(const Stmt* s, int d) {
    std::string head = fmt::format("{} @{}", kindName(s->kind), at(s->range));
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        auto* f = as<FunctionDef>(s);
        line(d, head + " " + std::string(f->name));
        for (const Param& p : f->params) {
          line(d + 1, "param " + std::string(p.name) + (p.keyword_only ? " (keyword-only)" : ""));
          labeled(d + 2, "annotation", p.annotation);
          labeled(d + 2, "default", p.default_value);
        }
        labeled(d + 1, "returns", f->returns);
        for (const Expr* x : f->decorators) labeled(d + 1, "decorator", x);
        body(d + 1, "body", f->body);
        return;
      }
      case StmtKind::ClassDef: {
        auto* c = as<ClassDef>(s);
        line(d, head + " " + std::string(c->name));
        for (const Expr* b : c->bases) labeled(d + 1, "base", b);
        for (const Keyword& k : c->keywords) labeled(d + 1, "keyword " + std::string(k.name), k.value);
        body(d + 1, "body", c->body);
        return;
      }
      case StmtKind::Expr: line(d, head); expr(as<ExprStmt>(s)->value, d + 1); return;
      case StmtKind::Assign:
        line(d, head);
        for (const Expr* t : as<AssignStmt>(s)->targets) labeled(d + 1, "target", t);
        labeled(d + 1, "value", as<AssignStmt>(s)->value);
        return;
      case StmtKind::AnnAssign:
        line(d, head);
        labeled(d + 1, "target", as<AnnAssignStmt>(s)->target);
        labeled(d + 1, "annotation", as<AnnAssignStmt>(s)->annotation);
        labeled(d + 1, "value", as<AnnAssignStmt>(s)->value);
        return;
      case StmtKind::AugAssign:
        line(d, head + " " + std::string(spelling(as<AugAssignStmt>(s)->op)) + "=");
        labeled(d + 1, "target", as<AugAssignStmt>(s)->target);
        labeled(d + 1, "value", as<AugAssignStmt>(s)->value);
        return;
      case StmtKind::Return: line(d, head); labeled(d + 1, "value", as<ReturnStmt>(s)->value); return;
      case StmtKind::If:
        line(d, head);
        labeled(d + 1, "test", as<IfStmt>(s)->test);
        body(d + 1, "body", as<IfStmt>(s)->body);
        body(d + 1, "else", as<IfStmt>(s)->orelse);
        return;
      case StmtKind::While:
        line(d, head);
        labeled(d + 1, "test", as<WhileStmt>(s)->test);
        body(d + 1, "body", as<WhileStmt>(s)->body);
        body(d + 1, "else", as<WhileStmt>(s)->orelse);
        return;
      case StmtKind::For:
        line(d, head);
        labeled(d + 1, "target", as<ForStmt>(s)->target);
        labeled(d + 1, "iter", as<ForStmt>(s)->iter);
        body(d + 1, "body", as<ForStmt>(s)->body);
        body(d + 1, "else", as<ForStmt>(s)->orelse);
        return;
      case StmtKind::Raise:
        line(d, head);
        labeled(d + 1, "exc", as<RaiseStmt>(s)->exc);
        labeled(d + 1, "cause", as<RaiseStmt>(s)->cause);
        return;
      case StmtKind::Try: {
        auto* t = as<TryStmt>(s);
        line(d, head);
        body(d + 1, "body", t->body);
        for (const ExceptHandler& h : t->handlers) {
          line(d + 1, "except @" + at(h.range) + (h.name.empty() ? "" : " as " + std::string(h.name)));
          labeled(d + 2, "type", h.type);
          body(d + 2, "body", h.body);
        }
        body(d + 1, "else", t->orelse);
        body(d + 1, "finally", t->finalbody);
        return;
      }
      case StmtKind::With:
        line(d, head);
        for (const WithItem& w : as<WithStmt>(s)->items) {
          labeled(d + 1, "context", w.context);
          labeled(d + 1, "as", w.target);
        }
        body(d + 1, "body", as<WithStmt>(s)->body);
        return;
      case StmtKind::Assert:
        line(d, head);
        labeled(d + 1, "test", as<AssertStmt>(s)->test);
        labeled(d + 1, "msg", as<AssertStmt>(s)->msg);
        return;
      case StmtKind::Import:
      case StmtKind::ImportFrom: {
        std::string names;
        auto list = s->kind == StmtKind::Import ? as<ImportStmt>(s)->names : as<ImportFromStmt>(s)->names;
        for (const Alias& a : list)
          names += " " + std::string(a.name) + (a.asname.empty() ? "" : " as " + std::string(a.asname));
        if (s->kind == StmtKind::ImportFrom) head += " from " + std::string(as<ImportFromStmt>(s)->module);
        line(d, head + names);
        return;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        std::string names;
        for (const Identifier& i : as<NameListStmt>(s)->names) names += " " + std::string(i.name);
        line(d, head + names);
        return;
      }
      case StmtKind::Delete:
        line(d, head);
        for (const Expr* t : as<DeleteStmt>(s)->targets) expr(t, d + 1);
        return;
      case StmtKind::Break: case StmtKind::Continue: case StmtKind::Pass: line(d, head); return;
    }
  }

  void fpart(const FStringPart& p, int d) {
    if (p.expr) {
      line(d, "field" + (p.conversion ? std::string(" !") + p.conversion : ""));
      expr(p.expr, d + 1);
      for (const FStringPart& s : p.spec) fpart(s, d + 1);
    } else {
      line(d, fmt::format("literal {:?}", std::string(p.literal)));
    }
  }

  void expr(const Expr* e, int d) {
    std::string head = fmt::format("{} @{}", kindName(e->kind), at(e->range));
    switch (e->kind) {
      case ExprKind::Name: line(d, head + " " + std::string(as<NameExpr>(e)->name)); return;
      case ExprKind::Int: line(d, head + " " + std::string(as<IntExpr>(e)->digits)); return;
      case ExprKind::Float: line(d, head + fmt::format(" {}", as<FloatExpr>(e)->value)); return;
      case ExprKind::Str: case ExprKind::Bytes:
        line(d, head + fmt::format(" {:?}", std::string(as<StrExpr>(e)->value)));
        return;
      case ExprKind::Bool: line(d, head + (as<BoolExpr>(e)->value ? " True" : " False")); return;
      case ExprKind::None: case ExprKind::Ellipsis: line(d, head); return;
      case ExprKind::FString:
        line(d, head);
        for (const FStringPart& p : as<FStringExpr>(e)->parts) fpart(p, d + 1);
        return;
      case ExprKind::List: case ExprKind::Tuple: case ExprKind::Set:
        line(d, head);
        for (const Expr* x : as<SequenceExpr>(e)->elts) expr(x, d + 1);
        return;
      case ExprKind::Dict: {
        auto* x = as<DictExpr>(e);
        line(d, head);
        for (size_t i = 0; i < x->keys.size(); ++i) {
          labeled(d + 1, "key", x->keys[i]);
          labeled(d + 1, "value", x->values[i]);
        }
        return;
      }
      case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::DictComp: case ExprKind::GeneratorExp: {
        auto* c = as<ComprehensionExpr>(e);
        line(d, head);
        labeled(d + 1, "elt", c->elt);
        labeled(d + 1, "value", c->value);
        for (const Comprehension& g : c->generators) {
          labeled(d + 1, "for", g.target);
          labeled(d + 1, "in", g.iter);
          for (const Expr* i : g.ifs) labeled(d + 1, "if", i);
        }
        return;
      }
      case ExprKind::Attribute:
        line(d, head + " ." + std::string(as<AttributeExpr>(e)->attr));
        expr(as<AttributeExpr>(e)->value, d + 1);
        return;
      case ExprKind::Subscript:
        line(d, head);
        expr(as<SubscriptExpr>(e)->value, d + 1);
        labeled(d + 1, "index", as<SubscriptExpr>(e)->index);
        return;
      case ExprKind::Slice:
        line(d, head);
        labeled(d + 1, "lower", as<SliceExpr>(e)->lower);
        labeled(d + 1, "upper", as<SliceExpr>(e)->upper);
        labeled(d + 1, "step", as<SliceExpr>(e)->step);
        return;
      case ExprKind::Call: {
        auto* c = as<CallExpr>(e);
        line(d, head);
        labeled(d + 1, "func", c->func);
        for (const Expr* a : c->args) labeled(d + 1, "arg", a);
        for (const Keyword& k : c->keywords) labeled(d + 1, "keyword " + std::string(k.name), k.value);
        return;
      }
      case ExprKind::Unary:
        line(d, head + " " + std::string(spelling(as<UnaryExpr>(e)->op)));
        expr(as<UnaryExpr>(e)->operand, d + 1);
        return;
      case ExprKind::Binary:
        line(d, head + " " + std::string(spelling(as<BinaryExpr>(e)->op)));
        expr(as<BinaryExpr>(e)->lhs, d + 1);
        expr(as<BinaryExpr>(e)->rhs, d + 1);
        return;
      case ExprKind::BoolOp:
        line(d, head + (as<BoolOpExpr>(e)->is_and ? " and" : " or"));
        expr(as<BoolOpExpr>(e)->lhs, d + 1);
        expr(as<BoolOpExpr>(e)->rhs, d + 1);
        return;
      case ExprKind::Compare: {
        auto* c = as<CompareExpr>(e);
        std::string ops;
        for (CmpOp op : c->ops) ops += " " + std::string(spelling(op));
        line(d, head + ops);
        for (const Expr* o : c->operands) expr(o, d + 1);
        return;
      }
      case ExprKind::IfExp:
        line(d, head);
        labeled(d + 1, "test", as<IfExpr>(e)->test);
        labeled(d + 1, "body", as<IfExpr>(e)->body);
        labeled(d + 1, "else", as<IfExpr>(e)->orelse);
        return;
      case ExprKind::Lambda: {
        auto* l = as<LambdaExpr>(e);
        std::string ps;
        for (const Param& p : l->params) ps += " " + std::string(p.name);
        line(d, head + ps);
        expr(l->body, d + 1);
        return;
      }
    }
  }
};

}  // namespace

std::string dumpAst(const FileAnalysis& a) {
  std::string out;
  AstDumper d(*a.source, out);
  d.block(a.parsed.module.body, 0);
  return out;
}

std::string dumpTypes(const FileAnalysis& a) {
  std::string out;
  if (!a.checked) return "# no types: the file has syntax errors\n";
  const CheckedModule& m = *a.checked;
  const SourceFile& f = *a.source;
  for (const auto& c : m.classes) {
    if (c->builtin) continue;
    out += fmt::format("class {}{}\n", c->name, c->base ? fmt::format("({})", c->base->name) : "");
    for (const FieldInfo& fi : c->fields)
      out += fmt::format("  {}{}: {}\n", fi.is_class_constant ? "const " : "", fi.name, m.types.display(fi.type));
  }
  for (const auto& fn : m.functions) {
    if (!fn->decl) continue;
    std::string params;
    for (const ParamInfo& p : fn->params) {
      if (!params.empty()) params += ", ";
      params += fmt::format("{}: {}", p.name, m.types.display(p.type));
    }
    out += fmt::format("def {}{}({}) -> {}  @{}\n", fn->owner ? std::string(fn->owner->name) + "." : "", fn->name, params,
                       m.types.display(fn->returns), f.position(fn->decl->range.begin).line);
  }
  // Inferred types of variables, by scope, in definition order.
  std::vector<const Symbol*> syms;
  for (const auto& s : a.names.symbols)
    if ((s->kind == SymbolKind::Variable) && s->index < m.symbol_types.size() && m.symbol_types[s->index] != UINT32_MAX)
      syms.push_back(s);
  std::sort(syms.begin(), syms.end(), [](const Symbol* x, const Symbol* y) { return x->range.begin < y->range.begin; });
  for (const Symbol* s : syms)
    out += fmt::format("var {}: {}  @{}\n", s->name, m.types.display(m.symbol_types[s->index]), f.position(s->range.begin).line);
  return out;
}

std::string dumpLayouts(const FileAnalysis& a) {
  std::string out;
  if (!a.checked) return "# no layouts: the file has syntax errors\n";
  const SourceFile& f = *a.source;
  for (const StructLayout& l : a.layouts) {
    uint32_t line = f.position(l.cls->decl->name_range.begin).line;
    if (l.structifiable)
      out += fmt::format("class {} (line {}): struct, {} bytes, align {}, {} field{}\n", l.cls->name, line, l.size, l.align,
                         l.fields.size(), l.fields.size() == 1 ? "" : "s");
    else
      out += fmt::format("class {} (line {}): not structifiable\n", l.cls->name, line);
    out += fmt::format("  {:>6}  {:>4}  header (refcount, type id)\n", 0, kStructHeaderSize);
    for (const FieldLayout& fl : l.fields)
      out += fmt::format("  {:>6}  {:>4}  {}: {} ({}){}\n", fl.offset, fl.size, fl.name, a.checked->types.display(fl.type),
                         fl.boxed ? "boxed value" : "unboxed", fl.declared_in != l.cls ? fmt::format(" from {}", fl.declared_in->name) : "");
    for (const StructReason& r : l.reasons)
      out += fmt::format("  because [{}] line {}: {}\n", info(r.code).code, f.position(r.range.begin).line, r.message);
  }
  return out;
}

}  // namespace molt
