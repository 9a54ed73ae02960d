// The Molt type checker: typed signatures, inferred locals. Consumes the AST
// and name resolution, produces the type of every expression, the class and
// function descriptions (used by structify and codegen), and diagnostics.
#pragma once

#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include "ast.h"
#include "diagnostics.h"
#include "names.h"
#include "types.h"

namespace molt {

// Something the checker saw that keeps a class from being structified. The
// structify pass (structify.cpp) turns these into layouts and diagnostics.
struct ClassEvent {
  const ClassInfo* cls;
  DiagnosticKind code;
  SourceRange range;
  std::string message;
  bool already_reported = false;  // the checker emitted the diagnostic itself
  std::string_view attr = {};      // the attribute involved, when there is one
};

struct CheckedModule {
  TypeTable types;
  std::vector<TypeId> expr_types;    // by Expr id; unknown() where unchecked
  std::vector<TypeId> symbol_types;  // by Symbol index: declared or inferred type
  std::vector<std::unique_ptr<ClassInfo>> classes;      // user classes in declaration order, then builtins
  std::vector<std::unique_ptr<FunctionInfo>> functions;
  std::unordered_map<const ClassDef*, ClassInfo*> class_of;
  std::unordered_map<const FunctionDef*, FunctionInfo*> function_of;
  std::vector<ClassEvent> class_events;
  // Evidence for annotations the source lacks (used by the doctor's fixes):
  // argument types seen at call sites and default values, per (function,
  // parameter index excluding self); returned types per function, with
  // None when the body can fall off its end.
  std::map<std::pair<const FunctionInfo*, size_t>, std::vector<TypeId>> param_evidence;
  std::unordered_map<const FunctionInfo*, std::vector<TypeId>> return_evidence;
  // Functions whose body had an error: they cannot compile.
  std::unordered_map<const FunctionDef*, uint32_t> errors_in_function;

  [[nodiscard]] TypeId typeOf(const Expr* e) const {
    return e && e->id < expr_types.size() ? expr_types[e->id] : types.unknown();
  }
};

[[nodiscard]] std::unique_ptr<CheckedModule> checkModule(const Module& module, const NameResolution& names,
                                                         std::string_view source, std::vector<Diagnostic>& diags);

}  // namespace molt
