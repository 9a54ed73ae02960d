// The server's AST queries, built on analysis/ast_walk.h's generic walks.
#include "server/ast_walk.h"

#include "analysis/ast_walk.h"

namespace molt::lsp {

void walkModule(const Module& m, const AstCallbacks& cb) {
  if (cb.stmt) forEachStmt(m.body, cb.stmt);
  if (cb.expr) forEachExpr(m.body, cb.expr);
}

const Expr* innermostExprAt(const Module& m, uint32_t offset) {
  const Expr* best = nullptr;
  forEachExpr(m.body, [&](const Expr* e) {
    if (e->range.begin > offset || offset > e->range.end) return;
    uint32_t len = e->range.end - e->range.begin;
    // Prefer the narrower range; on a tie the later (deeper) node wins.
    if (!best || len <= best->range.end - best->range.begin) best = e;
  });
  return best;
}

}  // namespace molt::lsp
