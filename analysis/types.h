// Molt's static types: interned, immutable TypeIds owned by a TypeTable, plus
// the class and function descriptions the checker builds from declarations.
// A TypeTable belongs to one checked module; it is not thread-safe.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ast.h"

namespace molt {

using TypeId = uint32_t;

enum class TypeKind : uint8_t {
  Unknown,   // an error was reported already; compatible with everything
  Never,     // expression that does not return (sys.exit)
  None, Bool, Int, Float, Str, Bytes,
  Object,    // `object`: accepts any value, boxed
  List, Dict, Set,
  Tuple,     // fixed: tuple[A, B]
  TupleVar,  // tuple[T, ...]
  Optional,  // T | None
  Callable,  // args..., last arg is the return type
  Instance,  // instance of a class
  ClassObj,  // the class object itself
  Module,
  Range,
  Iterator,  // Iterator[T] / Iterable[T], enumerate, zip, map, generator expressions
  View,      // dict keys/values/items views
  File,      // text file from open()
  Super,     // result of super(): attribute lookup starts at the base class
  TypeVar,   // T, K, V inside builtin method signatures only
};

struct ClassInfo;
struct FunctionInfo;

struct TypeData {
  TypeKind kind;
  std::vector<TypeId> args;
  const ClassInfo* cls = nullptr;
  std::string_view name;  // Module name / TypeVar name
};

struct ParamInfo {
  std::string_view name;
  TypeId type;
  bool has_default = false;
  bool keyword_only = false;
  bool variadic = false;  // `*args` in builtin signatures
};

struct FunctionInfo {
  std::string_view name;
  std::vector<ParamInfo> params;  // excluding self/cls for methods
  TypeId returns;
  const FunctionDef* decl = nullptr;  // nullptr for builtins
  const ClassInfo* owner = nullptr;
  bool is_static = false;
  bool is_classmethod = false;
  bool is_property = false;
  bool has_self = false;   // first declared parameter is self/cls
  bool return_inferred = false;  // no annotation: the checker reported it
  bool is_export = false;  // `@molt.export`: exported from wasm modules (docs/spec/wasm-targets.md)
};

struct FieldInfo {
  std::string_view name;
  TypeId type;
  SourceRange decl;
  bool from_class_body = false;  // declared by a class-body annotation
  bool is_class_constant = false;
  bool annotated_in_method = false;  // `self.x: T = ...`
};

struct ClassInfo {
  std::string_view name;
  const ClassDef* decl = nullptr;  // nullptr for builtin exception classes
  const ClassInfo* base = nullptr;
  bool is_exception = false;
  bool builtin = false;
  std::vector<FieldInfo> fields;  // own fields in declaration order
  std::map<std::string_view, FunctionInfo*> methods;

  [[nodiscard]] const FieldInfo* findField(std::string_view n) const;
  [[nodiscard]] FunctionInfo* findMethod(std::string_view n) const;
  [[nodiscard]] bool isSubclassOf(const ClassInfo* other) const;
};

class TypeTable {
 public:
  TypeTable();

  TypeId unknown() const { return 0; }
  TypeId never() const { return 1; }
  TypeId none() const { return 2; }
  TypeId boolean() const { return 3; }
  TypeId integer() const { return 4; }
  TypeId floating() const { return 5; }
  TypeId str() const { return 6; }
  TypeId bytes() const { return 7; }
  TypeId object() const { return 8; }
  TypeId range() const { return 9; }
  TypeId file() const { return 10; }

  TypeId list(TypeId t) { return intern1(TypeKind::List, t); }
  TypeId set(TypeId t) { return intern1(TypeKind::Set, t); }
  TypeId dict(TypeId k, TypeId v) {
    const TypeId kv[2] = {k, v};
    return intern(TypeKind::Dict, kv);
  }
  TypeId tuple(std::span<const TypeId> elts) { return intern(TypeKind::Tuple, elts); }
  TypeId tuple(std::initializer_list<TypeId> elts) { return tuple(std::span<const TypeId>(elts.begin(), elts.size())); }
  TypeId tupleVar(TypeId t) { return intern1(TypeKind::TupleVar, t); }
  TypeId iterator(TypeId t) { return intern1(TypeKind::Iterator, t); }
  TypeId view(TypeId t) { return intern1(TypeKind::View, t); }
  TypeId optional(TypeId t);
  TypeId callable(std::span<const TypeId> params, TypeId ret);
  TypeId callable(std::initializer_list<TypeId> params, TypeId ret) {
    return callable(std::span<const TypeId>(params.begin(), params.size()), ret);
  }
  // The type of a function with these parameters.
  TypeId callable(std::span<const ParamInfo> params, TypeId ret);
  TypeId instance(const ClassInfo* c) { return intern(TypeKind::Instance, {}, c); }
  TypeId classObj(const ClassInfo* c) { return intern(TypeKind::ClassObj, {}, c); }
  TypeId superOf(const ClassInfo* c) { return intern(TypeKind::Super, {}, c); }
  TypeId module(std::string_view name) { return intern(TypeKind::Module, {}, nullptr, name); }
  TypeId typeVar(std::string_view name) { return intern(TypeKind::TypeVar, {}, nullptr, name); }

  const TypeData& get(TypeId t) const { return types_[t]; }
  TypeKind kind(TypeId t) const { return types_[t].kind; }
  TypeId arg(TypeId t, size_t i) const { return types_[t].args[i]; }

  [[nodiscard]] std::string display(TypeId t) const;

  // Can a value of type `from` be used where `to` is expected?
  [[nodiscard]] bool assignable(TypeId to, TypeId from) const;
  // The narrowest type both fit in, or nullopt-like `unknown()` with ok=false.
  [[nodiscard]] TypeId join(TypeId a, TypeId b, bool& ok);
  // T for T | None, else t.
  [[nodiscard]] TypeId stripNone(TypeId t) const;
  [[nodiscard]] bool isNumeric(TypeId t) const {
    TypeKind k = kind(t);
    return k == TypeKind::Int || k == TypeKind::Float || k == TypeKind::Bool;
  }
  // Replaces TypeVars named in `bindings`.
  [[nodiscard]] TypeId substitute(TypeId t, const std::map<std::string_view, TypeId>& bindings);
  [[nodiscard]] bool containsUnknown(TypeId t) const;

 private:
  // The id of the type with these parts, added if new. Looking up an
  // existing type allocates nothing: types are interned on nearly every
  // expression, and a key string per lookup was a tenth of the checker's
  // allocations.
  TypeId intern(TypeKind kind, std::span<const TypeId> args, const ClassInfo* cls = nullptr, std::string_view name = {});
  TypeId intern1(TypeKind kind, TypeId arg) { return intern(kind, std::span<const TypeId>(&arg, 1)); }
  static size_t hashOf(TypeKind kind, std::span<const TypeId> args, const ClassInfo* cls, std::string_view name);
  void growIndex();
  bool invariantEqual(TypeId a, TypeId b) const;
  std::vector<TypeData> types_;
  std::vector<TypeId> index_;    // open addressing: TypeId + 1, 0 = empty; a power of two in size
  std::vector<TypeId> scratch_;  // callable()'s parameter types plus result
};

}  // namespace molt
