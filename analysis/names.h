// Name resolution: builds the scope tree (module, class, function, lambda,
// comprehension) with Python's binding rules, honours `global`/`nonlocal`,
// and maps every NameExpr to the Symbol it denotes. Reports undefined names
// and imports of modules Molt does not know.
#pragma once

#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "arena.h"
#include "ast.h"
#include "diagnostics.h"
#include "symbol_table.h"

namespace molt {

enum class ScopeKind : uint8_t { Module, Function, Class, Lambda, Comprehension, Builtins };
enum class SymbolKind : uint8_t { Variable, Parameter, Function, Class, Module, ImportedName, Builtin };

struct Scope;

struct Symbol {
  std::string_view name;
  SymbolKind kind;
  Scope* scope;
  SourceRange range;          // the first binding
  const Stmt* def = nullptr;  // FunctionDef or ClassDef for those kinds
  std::string_view module;    // Module / ImportedName: the module it came from
  std::string_view imported;  // ImportedName: the name in that module
  uint32_t index = 0;         // dense index for per-symbol side tables
};

struct Scope {
  ScopeKind kind;
  Scope* parent = nullptr;
  const void* node = nullptr;  // FunctionDef*, ClassDef*, LambdaExpr*, ComprehensionExpr*; nullptr for the module
  FlatNameMap<Symbol*> symbols;                          // in order of first binding
  std::unordered_map<std::string_view, bool> declared;  // name -> true for global, false for nonlocal
};

struct NameResolution {
  std::vector<std::unique_ptr<Scope>> scopes;
  std::vector<Symbol*> symbols;  // by Symbol::index; allocated in symbol_arena
  std::unique_ptr<Arena> symbol_arena = std::make_unique<Arena>();
  std::vector<Symbol*> resolved;  // by Expr id; nullptr for non-names and unresolved names
  std::unordered_map<const void*, Scope*> scope_of;
  Scope* module_scope = nullptr;
  Scope* builtins = nullptr;

  [[nodiscard]] Symbol* symbolOf(const Expr* e) const { return e->id < resolved.size() ? resolved[e->id] : nullptr; }
  [[nodiscard]] Scope* scopeOf(const void* node) const {
    auto it = scope_of.find(node);
    return it == scope_of.end() ? nullptr : it->second;
  }
};

[[nodiscard]] NameResolution resolveNames(const Module& module, std::vector<Diagnostic>& diags);

}  // namespace molt
