// Generic pre-order walks over the AST, for passes that look at every
// statement or expression (suggestions, the language server's features).
#pragma once

#include <functional>

#include "ast.h"

namespace molt {

// Calls `fn` for every statement in `b`, nested blocks included (function and
// class bodies too), parents before children.
void forEachStmt(Block b, const std::function<void(const Stmt*)>& fn);

// Calls `fn` for every expression under the statements of `b` (annotations,
// defaults, decorators and f-string fields included), parents first.
void forEachExpr(Block b, const std::function<void(const Expr*)>& fn);

// Calls `fn` for `e` and every expression below it.
void forEachSubExpr(const Expr* e, const std::function<void(const Expr*)>& fn);

// The same walk, but `fn` returning false skips that expression's children
// (for passes that handle some kinds themselves, e.g. a lambda's body).
void forEachSubExprPruned(const Expr* e, const std::function<bool(const Expr*)>& fn);

}  // namespace molt
