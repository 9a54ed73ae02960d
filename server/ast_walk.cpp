// Recursive AST traversal by node kind.
#include "server/ast_walk.h"

namespace molt::lsp {

namespace {

class Walker {
 public:
  explicit Walker(const AstCallbacks& cb) : cb_(cb) {}

  void block(Block b) {
    for (const Stmt* s : b)
      if (s) stmt(s);
  }

  void stmt(const Stmt* s) {
    if (cb_.stmt) cb_.stmt(s);
    switch (s->kind) {
      case StmtKind::Expr: expr(as<ExprStmt>(s)->value); break;
      case StmtKind::Assign: {
        auto* a = as<AssignStmt>(s);
        for (const Expr* t : a->targets) expr(t);
        expr(a->value);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* a = as<AnnAssignStmt>(s);
        expr(a->target);
        expr(a->annotation);
        expr(a->value);
        break;
      }
      case StmtKind::AugAssign: {
        auto* a = as<AugAssignStmt>(s);
        expr(a->target);
        expr(a->value);
        break;
      }
      case StmtKind::Return: expr(as<ReturnStmt>(s)->value); break;
      case StmtKind::If: {
        auto* i = as<IfStmt>(s);
        expr(i->test);
        block(i->body);
        block(i->orelse);
        break;
      }
      case StmtKind::While: {
        auto* w = as<WhileStmt>(s);
        expr(w->test);
        block(w->body);
        block(w->orelse);
        break;
      }
      case StmtKind::For: {
        auto* f = as<ForStmt>(s);
        expr(f->target);
        expr(f->iter);
        block(f->body);
        block(f->orelse);
        break;
      }
      case StmtKind::Raise: {
        auto* r = as<RaiseStmt>(s);
        expr(r->exc);
        expr(r->cause);
        break;
      }
      case StmtKind::Try: {
        auto* t = as<TryStmt>(s);
        block(t->body);
        for (const ExceptHandler& h : t->handlers) {
          expr(h.type);
          block(h.body);
        }
        block(t->orelse);
        block(t->finalbody);
        break;
      }
      case StmtKind::With: {
        auto* w = as<WithStmt>(s);
        for (const WithItem& i : w->items) {
          expr(i.context);
          expr(i.target);
        }
        block(w->body);
        break;
      }
      case StmtKind::Assert: {
        auto* a = as<AssertStmt>(s);
        expr(a->test);
        expr(a->msg);
        break;
      }
      case StmtKind::FunctionDef: {
        auto* f = as<FunctionDef>(s);
        for (const Expr* d : f->decorators) expr(d);
        params(f->params);
        expr(f->returns);
        block(f->body);
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = as<ClassDef>(s);
        for (const Expr* d : c->decorators) expr(d);
        for (const Expr* b : c->bases) expr(b);
        for (const Keyword& k : c->keywords) expr(k.value);
        block(c->body);
        break;
      }
      case StmtKind::Delete:
        for (const Expr* t : as<DeleteStmt>(s)->targets) expr(t);
        break;
      case StmtKind::Break: case StmtKind::Continue: case StmtKind::Pass: case StmtKind::Import:
      case StmtKind::ImportFrom: case StmtKind::Global: case StmtKind::Nonlocal:
        break;
    }
  }

  void params(std::span<Param> ps) {
    for (const Param& p : ps) {
      expr(p.annotation);
      expr(p.default_value);
    }
  }

  void fstringParts(std::span<FStringPart> parts) {
    for (const FStringPart& p : parts) {
      expr(p.expr);
      fstringParts(p.spec);
    }
  }

  void expr(const Expr* e) {
    if (!e) return;
    if (cb_.expr) cb_.expr(e);
    switch (e->kind) {
      case ExprKind::Name: case ExprKind::Int: case ExprKind::Float: case ExprKind::Str: case ExprKind::Bytes:
      case ExprKind::Bool: case ExprKind::None: case ExprKind::Ellipsis:
        break;
      case ExprKind::FString: fstringParts(as<FStringExpr>(e)->parts); break;
      case ExprKind::List: case ExprKind::Tuple: case ExprKind::Set:
        for (const Expr* x : as<SequenceExpr>(e)->elts) expr(x);
        break;
      case ExprKind::Dict: {
        auto* d = as<DictExpr>(e);
        for (size_t i = 0; i < d->keys.size() || i < d->values.size(); ++i) {
          if (i < d->keys.size()) expr(d->keys[i]);
          if (i < d->values.size()) expr(d->values[i]);
        }
        break;
      }
      case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::DictComp: case ExprKind::GeneratorExp: {
        auto* c = as<ComprehensionExpr>(e);
        expr(c->elt);
        expr(c->value);
        for (const Comprehension& g : c->generators) {
          expr(g.target);
          expr(g.iter);
          for (const Expr* i : g.ifs) expr(i);
        }
        break;
      }
      case ExprKind::Attribute: expr(as<AttributeExpr>(e)->value); break;
      case ExprKind::Subscript: {
        auto* s = as<SubscriptExpr>(e);
        expr(s->value);
        expr(s->index);
        break;
      }
      case ExprKind::Slice: {
        auto* s = as<SliceExpr>(e);
        expr(s->lower);
        expr(s->upper);
        expr(s->step);
        break;
      }
      case ExprKind::Call: {
        auto* c = as<CallExpr>(e);
        expr(c->func);
        for (const Expr* a : c->args) expr(a);
        for (const Keyword& k : c->keywords) expr(k.value);
        break;
      }
      case ExprKind::Unary: expr(as<UnaryExpr>(e)->operand); break;
      case ExprKind::Binary: {
        auto* b = as<BinaryExpr>(e);
        expr(b->lhs);
        expr(b->rhs);
        break;
      }
      case ExprKind::BoolOp: {
        auto* b = as<BoolOpExpr>(e);
        expr(b->lhs);
        expr(b->rhs);
        break;
      }
      case ExprKind::Compare:
        for (const Expr* o : as<CompareExpr>(e)->operands) expr(o);
        break;
      case ExprKind::IfExp: {
        auto* i = as<IfExpr>(e);
        expr(i->test);
        expr(i->body);
        expr(i->orelse);
        break;
      }
      case ExprKind::Lambda: {
        auto* l = as<LambdaExpr>(e);
        params(l->params);
        expr(l->body);
        break;
      }
    }
  }

 private:
  const AstCallbacks& cb_;
};

}  // namespace

void walkModule(const Module& m, const AstCallbacks& cb) { Walker(cb).block(m.body); }

const Expr* innermostExprAt(const Module& m, uint32_t offset) {
  const Expr* best = nullptr;
  AstCallbacks cb;
  cb.expr = [&](const Expr* e) {
    if (e->range.begin > offset || offset > e->range.end) return;
    uint32_t len = e->range.end - e->range.begin;
    // Prefer the narrower range; on a tie the later (deeper) node wins.
    if (!best || len <= best->range.end - best->range.begin) best = e;
  };
  walkModule(m, cb);
  return best;
}

}  // namespace molt::lsp
