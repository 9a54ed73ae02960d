// Pre-order AST walks.
#include "ast_walk.h"

namespace molt {
namespace {

void stmtChildren(const Stmt* s, const std::function<void(Block)>& blocks, const std::function<void(const Expr*)>& exprs) {
  auto e = [&](const Expr* x) { if (x) exprs(x); };
  switch (s->kind) {
    case StmtKind::Expr: e(as<ExprStmt>(s)->value); break;
    case StmtKind::Assign:
      for (const Expr* t : as<AssignStmt>(s)->targets) e(t);
      e(as<AssignStmt>(s)->value);
      break;
    case StmtKind::AnnAssign:
      e(as<AnnAssignStmt>(s)->target);
      e(as<AnnAssignStmt>(s)->annotation);
      e(as<AnnAssignStmt>(s)->value);
      break;
    case StmtKind::AugAssign: e(as<AugAssignStmt>(s)->target); e(as<AugAssignStmt>(s)->value); break;
    case StmtKind::Return: e(as<ReturnStmt>(s)->value); break;
    case StmtKind::If: e(as<IfStmt>(s)->test); blocks(as<IfStmt>(s)->body); blocks(as<IfStmt>(s)->orelse); break;
    case StmtKind::While: e(as<WhileStmt>(s)->test); blocks(as<WhileStmt>(s)->body); blocks(as<WhileStmt>(s)->orelse); break;
    case StmtKind::For:
      e(as<ForStmt>(s)->target);
      e(as<ForStmt>(s)->iter);
      blocks(as<ForStmt>(s)->body);
      blocks(as<ForStmt>(s)->orelse);
      break;
    case StmtKind::Raise: e(as<RaiseStmt>(s)->exc); e(as<RaiseStmt>(s)->cause); break;
    case StmtKind::Try: {
      auto* t = as<TryStmt>(s);
      blocks(t->body);
      for (const ExceptHandler& h : t->handlers) {
        e(h.type);
        blocks(h.body);
      }
      blocks(t->orelse);
      blocks(t->finalbody);
      break;
    }
    case StmtKind::With:
      for (const WithItem& w : as<WithStmt>(s)->items) {
        e(w.context);
        e(w.target);
      }
      blocks(as<WithStmt>(s)->body);
      break;
    case StmtKind::Assert: e(as<AssertStmt>(s)->test); e(as<AssertStmt>(s)->msg); break;
    case StmtKind::FunctionDef: {
      auto* f = as<FunctionDef>(s);
      for (const Expr* d : f->decorators) e(d);
      for (const Param& p : f->params) {
        e(p.annotation);
        e(p.default_value);
      }
      e(f->returns);
      blocks(f->body);
      break;
    }
    case StmtKind::ClassDef: {
      auto* c = as<ClassDef>(s);
      for (const Expr* d : c->decorators) e(d);
      for (const Expr* b : c->bases) e(b);
      for (const Keyword& k : c->keywords) e(k.value);
      blocks(c->body);
      break;
    }
    case StmtKind::Delete:
      for (const Expr* t : as<DeleteStmt>(s)->targets) e(t);
      break;
    default: break;
  }
}

void fstringParts(std::span<FStringPart> parts, const std::function<bool(const Expr*)>& fn) {
  for (const FStringPart& p : parts) {
    if (p.expr) forEachSubExprPruned(p.expr, fn);
    fstringParts(p.spec, fn);
  }
}

}  // namespace

void forEachStmt(Block b, const std::function<void(const Stmt*)>& fn) {
  for (const Stmt* s : b) {
    fn(s);
    stmtChildren(s, [&](Block inner) { forEachStmt(inner, fn); }, [](const Expr*) {});
  }
}

void forEachExpr(Block b, const std::function<void(const Expr*)>& fn) {
  for (const Stmt* s : b)
    stmtChildren(s, [&](Block inner) { forEachExpr(inner, fn); }, [&](const Expr* e) { forEachSubExpr(e, fn); });
}

void forEachSubExpr(const Expr* e, const std::function<void(const Expr*)>& fn) {
  forEachSubExprPruned(e, [&](const Expr* x) {
    fn(x);
    return true;
  });
}

void forEachSubExprPruned(const Expr* e, const std::function<bool(const Expr*)>& fn) {
  if (!e || !fn(e)) return;
  auto sub = [&](const Expr* x) { forEachSubExprPruned(x, fn); };
  switch (e->kind) {
    case ExprKind::FString: fstringParts(as<FStringExpr>(e)->parts, fn); break;
    case ExprKind::List: case ExprKind::Tuple: case ExprKind::Set:
      for (const Expr* x : as<SequenceExpr>(e)->elts) sub(x);
      break;
    case ExprKind::Dict:
      for (size_t i = 0; i < as<DictExpr>(e)->keys.size(); ++i) {
        sub(as<DictExpr>(e)->keys[i]);
        sub(as<DictExpr>(e)->values[i]);
      }
      break;
    case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::DictComp: case ExprKind::GeneratorExp: {
      auto* c = as<ComprehensionExpr>(e);
      for (const Comprehension& g : c->generators) {
        sub(g.target);
        sub(g.iter);
        for (const Expr* i : g.ifs) sub(i);
      }
      sub(c->elt);
      sub(c->value);
      break;
    }
    case ExprKind::Attribute: sub(as<AttributeExpr>(e)->value); break;
    case ExprKind::Subscript: sub(as<SubscriptExpr>(e)->value); sub(as<SubscriptExpr>(e)->index); break;
    case ExprKind::Slice: sub(as<SliceExpr>(e)->lower); sub(as<SliceExpr>(e)->upper); sub(as<SliceExpr>(e)->step); break;
    case ExprKind::Call:
      sub(as<CallExpr>(e)->func);
      for (const Expr* a : as<CallExpr>(e)->args) sub(a);
      for (const Keyword& k : as<CallExpr>(e)->keywords) sub(k.value);
      break;
    case ExprKind::Unary: sub(as<UnaryExpr>(e)->operand); break;
    case ExprKind::Binary: sub(as<BinaryExpr>(e)->lhs); sub(as<BinaryExpr>(e)->rhs); break;
    case ExprKind::BoolOp: sub(as<BoolOpExpr>(e)->lhs); sub(as<BoolOpExpr>(e)->rhs); break;
    case ExprKind::Compare:
      for (const Expr* o : as<CompareExpr>(e)->operands) sub(o);
      break;
    case ExprKind::IfExp: sub(as<IfExpr>(e)->test); sub(as<IfExpr>(e)->body); sub(as<IfExpr>(e)->orelse); break;
    case ExprKind::Lambda:
      for (const Param& p : as<LambdaExpr>(e)->params) sub(p.default_value);
      sub(as<LambdaExpr>(e)->body);
      break;
    default: break;
  }
}

}  // namespace molt
