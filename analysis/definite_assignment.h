// Definite assignment: reports reads of a function's local variables (and of
// module-level names in module-level code) on a path where they may not be
// bound yet — where CPython raises UnboundLocalError or NameError. Molt
// rejects such reads (`possibly-unbound`) instead of compiling a program
// that could behave differently.
#pragma once

#include <vector>

#include "ast.h"
#include "diagnostics.h"
#include "names.h"

namespace molt {

void checkDefiniteAssignment(const Module& module, const NameResolution& names, std::vector<Diagnostic>& diags);

}  // namespace molt
