// The Molt type checker: typed signatures, inferred locals. Consumes the AST
// and name resolution, produces the type of every expression, the class and
// function descriptions (used by structify and codegen), and diagnostics.
#pragma once

#include <memory>
#include <unordered_map>
#include <vector>

#include "ast.h"
#include "diagnostics.h"
#include "names.h"
#include "types.h"

namespace molt {

struct CheckedModule {
  TypeTable types;
  std::vector<TypeId> expr_types;    // by Expr id; unknown() where unchecked
  std::vector<TypeId> symbol_types;  // by Symbol index: declared or inferred type
  std::vector<std::unique_ptr<ClassInfo>> classes;      // user classes in declaration order, then builtins
  std::vector<std::unique_ptr<FunctionInfo>> functions;
  std::unordered_map<const ClassDef*, ClassInfo*> class_of;
  std::unordered_map<const FunctionDef*, FunctionInfo*> function_of;
  // Functions whose body had an error: they cannot compile.
  std::unordered_map<const FunctionDef*, uint32_t> errors_in_function;

  [[nodiscard]] TypeId typeOf(const Expr* e) const {
    return e && e->id < expr_types.size() ? expr_types[e->id] : types.unknown();
  }
};

[[nodiscard]] std::unique_ptr<CheckedModule> checkModule(const Module& module, const NameResolution& names,
                                                         std::string_view source, std::vector<Diagnostic>& diags);

}  // namespace molt
