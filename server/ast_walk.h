// A read-only walk over the Molt AST for the language server's features:
// visits every statement and expression in source order. The analysis layer
// keeps the AST as plain data; this walker lives on the server side so the
// features can find "the innermost expression at the cursor" without adding
// IDE concerns to analysis/.
#pragma once

#include <functional>

#include "analysis/ast.h"

namespace molt::lsp {

struct AstCallbacks {
  std::function<void(const Stmt*)> stmt;  // may be empty
  std::function<void(const Expr*)> expr;  // may be empty
};

// Visits statements (pre-order), then every non-null expression beneath them.
void walkModule(const Module& m, const AstCallbacks& cb);

// The smallest expression whose range contains `offset` (begin <= offset <=
// end, so a cursor just after a name still finds it); nullptr if none.
[[nodiscard]] const Expr* innermostExprAt(const Module& m, uint32_t offset);

}  // namespace molt::lsp
