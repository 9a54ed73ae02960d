// Checked AST -> typed IR. Every type-driven decision of the backend lives
// here: which representation each value gets, where numbers are promoted,
// which builtin or method becomes which runtime call. Anything not supported
// yet becomes an `unsupported-syntax` diagnostic at the construct ("`molt
// build` does not support X yet") and no IR is produced: the backend fails
// closed rather than compiling something it does not understand.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "analysis/ast_walk.h"
#include "codegen/codegen.h"
#include "molt/runtime.h"

namespace molt::codegen {
namespace {

struct ExcName {
  const char* name;
  uint32_t id;
};
constexpr ExcName kExceptions[] = {
    {"BaseException", MOLT_EXC_BASE_EXCEPTION}, {"SystemExit", MOLT_EXC_SYSTEM_EXIT},
    {"KeyboardInterrupt", MOLT_EXC_KEYBOARD_INTERRUPT}, {"Exception", MOLT_EXC_EXCEPTION},
    {"ArithmeticError", MOLT_EXC_ARITHMETIC_ERROR}, {"ZeroDivisionError", MOLT_EXC_ZERO_DIVISION_ERROR},
    {"OverflowError", MOLT_EXC_OVERFLOW_ERROR}, {"LookupError", MOLT_EXC_LOOKUP_ERROR},
    {"IndexError", MOLT_EXC_INDEX_ERROR}, {"KeyError", MOLT_EXC_KEY_ERROR},
    {"ValueError", MOLT_EXC_VALUE_ERROR}, {"UnicodeError", MOLT_EXC_UNICODE_ERROR},
    {"TypeError", MOLT_EXC_TYPE_ERROR}, {"AttributeError", MOLT_EXC_ATTRIBUTE_ERROR},
    {"NameError", MOLT_EXC_NAME_ERROR}, {"RuntimeError", MOLT_EXC_RUNTIME_ERROR},
    {"RecursionError", MOLT_EXC_RECURSION_ERROR}, {"NotImplementedError", MOLT_EXC_NOT_IMPLEMENTED_ERROR},
    {"StopIteration", MOLT_EXC_STOP_ITERATION}, {"AssertionError", MOLT_EXC_ASSERTION_ERROR},
    {"OSError", MOLT_EXC_OS_ERROR}, {"FileNotFoundError", MOLT_EXC_FILE_NOT_FOUND_ERROR},
    {"EOFError", MOLT_EXC_EOF_ERROR}, {"MemoryError", MOLT_EXC_MEMORY_ERROR},
    {"IsADirectoryError", MOLT_EXC_IS_A_DIRECTORY_ERROR},
};

int64_t exceptionId(std::string_view name) {
  for (const ExcName& e : kExceptions)
    if (name == e.name) return e.id;
  return -1;
}

// A builtin method lowered to a runtime call. Signature letters (see
// lower_llvm.cpp): v Value arg, n int arg as i64, i int arg as i32 (a C
// `int`), a array; return letter v
// (Value), s (status -> None), l (i64 length -> int), b (0/1/-1 -> bool).
struct MethodEntry {
  TypeKind receiver;
  const char* name;
  const char* fn;
  const char* sig;  // receiver is the first `v`
  int min_args;     // excluding the receiver
  int64_t int_default = -1;
  bool null_default = false;  // missing `v` args are MOLT_NULL rather than None
};
constexpr MethodEntry kMethods[] = {
    {TypeKind::List, "append", "molt_list_append", "s:vv", 1},
    {TypeKind::List, "extend", "molt_list_extend", "s:vv", 1},
    {TypeKind::List, "insert", "molt_list_insert", "s:vnv", 2},
    {TypeKind::List, "pop", "molt_list_pop", "v:vn", 0, -1},
    {TypeKind::List, "remove", "molt_list_remove", "s:vv", 1},
    {TypeKind::List, "index", "molt_list_index", "v:vv", 1},
    {TypeKind::List, "count", "molt_list_count", "v:vv", 1},
    {TypeKind::List, "reverse", "molt_list_reverse", "s:v", 0},
    {TypeKind::List, "copy", "molt_list_copy", "v:v", 0},
    {TypeKind::List, "clear", "molt_list_clear", "s:v", 0},
    {TypeKind::Str, "split", "molt_str_split", "v:vvn", 0, -1},
    {TypeKind::Str, "rsplit", "molt_str_rsplit", "v:vvn", 0, -1},
    {TypeKind::Str, "splitlines", "molt_str_splitlines", "v:vi", 0, 0},
    {TypeKind::Str, "join", "molt_str_join", "v:vv", 1},
    {TypeKind::Str, "strip", "molt_str_strip", "v:vv", 0},
    {TypeKind::Str, "lstrip", "molt_str_lstrip", "v:vv", 0},
    {TypeKind::Str, "rstrip", "molt_str_rstrip", "v:vv", 0},
    {TypeKind::Str, "replace", "molt_str_replace", "v:vvvn", 2, -1},
    {TypeKind::Str, "find", "molt_str_find", "v:vvvv", 1},
    {TypeKind::Str, "rfind", "molt_str_rfind", "v:vvvv", 1},
    {TypeKind::Str, "index", "molt_str_index", "v:vvvv", 1},
    {TypeKind::Str, "rindex", "molt_str_rindex", "v:vvvv", 1},
    {TypeKind::Str, "count", "molt_str_count", "v:vvvv", 1},
    {TypeKind::Str, "startswith", "molt_str_startswith", "v:vvvv", 1},
    {TypeKind::Str, "endswith", "molt_str_endswith", "v:vvvv", 1},
    {TypeKind::Str, "upper", "molt_str_upper", "v:v", 0},
    {TypeKind::Str, "lower", "molt_str_lower", "v:v", 0},
    {TypeKind::Str, "title", "molt_str_title", "v:v", 0},
    {TypeKind::Str, "capitalize", "molt_str_capitalize", "v:v", 0},
    {TypeKind::Str, "swapcase", "molt_str_swapcase", "v:v", 0},
    {TypeKind::Str, "isdigit", "molt_str_isdigit", "v:v", 0},
    {TypeKind::Str, "isalpha", "molt_str_isalpha", "v:v", 0},
    {TypeKind::Str, "isalnum", "molt_str_isalnum", "v:v", 0},
    {TypeKind::Str, "isspace", "molt_str_isspace", "v:v", 0},
    {TypeKind::Str, "isupper", "molt_str_isupper", "v:v", 0},
    {TypeKind::Str, "islower", "molt_str_islower", "v:v", 0},
    {TypeKind::Str, "zfill", "molt_str_zfill", "v:vn", 1},
    {TypeKind::Str, "center", "molt_str_center", "v:vnv", 1},
    {TypeKind::Str, "ljust", "molt_str_ljust", "v:vnv", 1},
    {TypeKind::Str, "rjust", "molt_str_rjust", "v:vnv", 1},
    {TypeKind::Str, "partition", "molt_str_partition", "v:vv", 1},
    {TypeKind::Str, "rpartition", "molt_str_rpartition", "v:vv", 1},
    {TypeKind::Dict, "get", "molt_dict_get", "v:vvv", 1},
    {TypeKind::Dict, "setdefault", "molt_dict_setdefault", "v:vvv", 1},
    {TypeKind::Dict, "pop", "molt_dict_pop", "v:vvv", 1, -1, true},
    {TypeKind::Dict, "popitem", "molt_dict_popitem", "v:v", 0},
    {TypeKind::Dict, "keys", "molt_dict_keys", "v:v", 0},
    {TypeKind::Dict, "values", "molt_dict_values", "v:v", 0},
    {TypeKind::Dict, "items", "molt_dict_items", "v:v", 0},
    {TypeKind::Dict, "update", "molt_dict_update", "s:vv", 1},
    {TypeKind::Dict, "copy", "molt_dict_copy", "v:v", 0},
    {TypeKind::Dict, "clear", "molt_dict_clear", "s:v", 0},
    {TypeKind::Set, "add", "molt_set_add", "s:vv", 1},
    {TypeKind::Set, "discard", "molt_set_discard", "s:vv", 1},
    {TypeKind::Set, "remove", "molt_set_remove", "s:vv", 1},
    {TypeKind::Set, "pop", "molt_set_pop", "v:v", 0},
    {TypeKind::Set, "union", "molt_set_union", "v:vv", 1},
    {TypeKind::Set, "intersection", "molt_set_intersection", "v:vv", 1},
    {TypeKind::Set, "difference", "molt_set_difference", "v:vv", 1},
    {TypeKind::Set, "symmetric_difference", "molt_set_symmetric_difference", "v:vv", 1},
    {TypeKind::Set, "issubset", "molt_set_issubset", "v:vv", 1},
    {TypeKind::Set, "issuperset", "molt_set_issuperset", "v:vv", 1},
    {TypeKind::Set, "isdisjoint", "molt_set_isdisjoint", "v:vv", 1},
    {TypeKind::Set, "update", "molt_set_update", "s:vv", 1},
    {TypeKind::Set, "copy", "molt_set_copy", "v:v", 0},
    {TypeKind::Set, "clear", "molt_set_clear", "s:v", 0},
    {TypeKind::File, "read", "molt_file_read", "v:vn", 0, -1},
    {TypeKind::File, "readline", "molt_file_readline", "v:v", 0},
    {TypeKind::File, "readlines", "molt_file_readlines", "v:v", 0},
    {TypeKind::File, "write", "molt_file_write", "v:vv", 1},
    {TypeKind::File, "close", "molt_file_close", "v:v", 0},
    {TypeKind::Tuple, "index", "molt_tuple_index", "v:vv", 1},
    {TypeKind::Tuple, "count", "molt_tuple_count", "v:vv", 1},
    {TypeKind::TupleVar, "index", "molt_tuple_index", "v:vv", 1},
    {TypeKind::TupleVar, "count", "molt_tuple_count", "v:vv", 1},
};

// Builtin functions whose arguments are all Values: name -> runtime function.
struct BuiltinEntry {
  const char* name;
  const char* fn;
  int min_args, max_args;
};
constexpr BuiltinEntry kBuiltins[] = {
    {"abs", "molt_abs", 1, 1},           {"ord", "molt_ord", 1, 1},         {"chr", "molt_chr", 1, 1},
    {"hex", "molt_hex", 1, 1},           {"oct", "molt_oct", 1, 1},         {"bin", "molt_bin", 1, 1},
    {"repr", "molt_repr", 1, 1},         {"ascii", "molt_ascii", 1, 1},     {"any", "molt_any", 1, 1},
    {"all", "molt_all", 1, 1},           {"divmod", "molt_divmod", 2, 2},   {"pow", "molt_pow", 2, 2},
    {"reversed", "molt_reversed", 1, 1}, {"iter", "molt_iter", 1, 1},       {"hash", "molt_hash_value", 1, 1},
    {"float", "molt_float", 1, 1},       {"int", "molt_int", 1, 1},
};

const char* mathFunction(std::string_view name) {
  static const char* const kNames[] = {"sqrt", "exp", "log2", "log10", "sin", "cos", "tan", "asin", "acos",
                                       "atan", "atan2", "hypot", "pow", "fabs", "floor", "ceil", "trunc",
                                       "copysign", "fmod", "isnan", "isinf", "isfinite", "gcd", "factorial",
                                       "comb", "perm", "degrees", "radians", "fsum"};
  for (const char* n : kNames)
    if (name == n) return n;
  return nullptr;
}

class Builder {
 public:
  Builder(const FileAnalysis& a, IrModule& m, std::vector<Diagnostic>& diags)
      : a_(a), cm_(*a.checked), types_(a.checked->types), m_(m), diags_(diags) {}

  bool run() {
    const Module& mod = a_.parsed.module;
    if (a_.source)
      for (uint32_t l = 1; l <= a_.source->lineCount(); ++l) m_.line_starts.push_back(a_.source->lineStart(l));
    // Pre-pass: module-level functions get their signatures first, so calls
    // can appear before definitions.
    for (Stmt* s : mod.body) {
      if (s->kind != StmtKind::FunctionDef) continue;
      auto* fd = as<FunctionDef>(s);
      auto it = cm_.function_of.find(fd);
      if (it == cm_.function_of.end()) {
        unsupported(fd->name_range, "this function");
        continue;
      }
      const FunctionInfo* fi = it->second;
      IrFunction f;
      f.name = std::string(fd->name);
      for (const ParamInfo& p : fi->params) f.locals.push_back({std::string(p.name), reprOf(p.type)});
      f.n_params = static_cast<uint32_t>(fi->params.size());
      f.returns = reprOf(fi->returns);
      if (fi->is_export) {
        f.export_sig = exportSignature(*fi, fd);
        f.needs_wrapper = true;  // the wasm export calls it through the wrapper
        // Two exports whose names map to one WIT name would make an invalid world.
        auto [at, fresh] = wit_names_.try_emplace(witName(fd->name), fd->name);
        if (!fresh)
          unsupported(fd->name_range, fmt::format("exporting `{}` and `{}`, which are both `{}` in WIT", at->second,
                                                  fd->name, at->first));
      }
      func_index_[fd] = static_cast<uint32_t>(m_.functions.size());
      m_.functions.push_back(std::move(f));
    }
    for (Stmt* s : mod.body)
      if (s->kind == StmtKind::ClassDef) declareClass(as<ClassDef>(s));
    connectHooks();
    lambda_base_ = static_cast<uint32_t>(m_.functions.size());
    findCells();
    // Module body.
    fn_ = &m_.main;
    m_.main.name = "<module>";
    fn_scope_ = nullptr;
    for (Stmt* s : mod.body) {
      if (s->kind == StmtKind::ClassDef) buildClassAttributes(as<ClassDef>(s), m_.main.body);
      if (s->kind == StmtKind::FunctionDef || s->kind == StmtKind::ClassDef) continue;
      buildStmt(s, m_.main.body);
    }
    // Function and method bodies.
    for (Stmt* s : mod.body) {
      if (s->kind == StmtKind::ClassDef) {
        for (Stmt* cs : as<ClassDef>(s)->body) {
          if (cs->kind != StmtKind::FunctionDef) continue;
          auto it = func_index_.find(as<FunctionDef>(cs));
          if (it != func_index_.end()) buildFunction(as<FunctionDef>(cs), m_.functions[it->second]);
        }
      }
      if (s->kind != StmtKind::FunctionDef) continue;
      auto* fd = as<FunctionDef>(s);
      auto it = func_index_.find(fd);
      if (it == func_index_.end()) continue;
      buildFunction(fd, m_.functions[it->second]);
    }
    for (IrFunction& f : lambdas_) m_.functions.push_back(std::move(f));
    return !failed_;
  }

 private:
  // ------------------------------------------------------------ helpers
  void unsupported(SourceRange r, std::string_view what) {
    Diagnostic d;
    d.kind = DiagnosticKind::UnsupportedSyntax;
    d.range = r;
    d.message = fmt::format("`molt build` does not support {} yet", what);
    d.help.push_back("`molt check` accepts it; the native backend lowers a growing subset (docs/spec/codegen.md)");
    diags_.push_back(std::move(d));
    failed_ = true;
  }
  IrExpr* failExpr(SourceRange r, std::string_view what) {
    unsupported(r, what);
    return m_.newExpr(IrOp::ConstNone, Repr::Value);
  }

  Repr reprOf(TypeId t) const {
    switch (types_.kind(t)) {
      case TypeKind::Int: return Repr::Int;
      case TypeKind::Float: return Repr::Float;
      case TypeKind::Bool: return Repr::Bool;
      default: return Repr::Value;
    }
  }
  TypeKind kindOf(const Expr* e) const { return types_.kind(cm_.typeOf(e)); }
  // list[bool]: every item is True or False (immortal, never a heap object),
  // so `molt_setitem` on it is marked (ival = 1) to overwrite an item without
  // reading and releasing the old one.
  // `d[k]` and `d[k] = v` on a value the checker typed `dict[...]` call the
  // dict's own entry points (which still check the receiver) instead of the
  // generic ones that test for a list first.
  bool isDict(TypeId ct) const { return types_.kind(ct) == TypeKind::Dict; }
  const char* getItemFn(TypeId ct) const { return isDict(ct) ? "molt_dict_getitem" : "molt_getitem"; }
  const char* setItemFn(TypeId ct) const { return isDict(ct) ? "molt_dict_set" : "molt_setitem"; }

  // A `molt_getitem`/`molt_setitem`/`molt_len`/`molt_list_append` whose
  // receiver the checker typed `list` (ival bit 2): lower_llvm's inline path
  // then skips the runtime type test. Sound because nothing else can be
  // typed `list`: list cannot be subclassed, narrowing is checked, and
  // `cast` to a list type checks (molt_expect_list). Returns `e`.
  IrExpr* markList(IrExpr* e, TypeId receiver) const {
    if (types_.kind(receiver) == TypeKind::List) e->ival |= 2;
    return e;
  }

  bool boolItems(TypeId ct) const {
    if (types_.kind(ct) != TypeKind::List) return false;
    const auto& args = types_.get(ct).args;
    return args.size() == 1 && types_.kind(args[0]) == TypeKind::Bool;
  }

  // Function `idx` (func_index_): a def, or a lambda numbered after them.
  const IrFunction& functionAt(uint32_t idx) const {
    return idx < lambda_base_ ? m_.functions[idx] : lambdas_[idx - lambda_base_];
  }
  // An int or bool stored where `float | None` is declared stays an int in
  // CPython; reading it back as the narrowed `float` would make it a double
  // here (`2` printed as `2.0`). Fail closed, like a plain `float` slot.
  bool intInOptionalFloat(const IrExpr* e, TypeId declared) const {
    if (e->repr != Repr::Int && e->repr != Repr::Bool) return false;
    if (types_.kind(declared) != TypeKind::Optional) return false;
    const auto& args = types_.get(declared).args;
    return !args.empty() && types_.kind(args[0]) == TypeKind::Float;
  }
  // A lambda whose body is an int, where a callable returning `float` is
  // declared: CPython's call returns that int (`1`, not `1.0`).
  bool intLambdaForFloat(const IrExpr* e, TypeId declared) const {
    if (e->op != IrOp::MakeFunc || types_.kind(declared) != TypeKind::Callable) return false;
    const auto& args = types_.get(declared).args;
    if (args.empty() || types_.kind(args.back()) != TypeKind::Float) return false;
    const IrFunction& lf = functionAt(e->index);
    return lf.returns == Repr::Int || lf.returns == Repr::Bool;
  }
  // A value stored where `declared` (held as `to`) is declared: a variable,
  // parameter, field or return. CPython keeps an `int` an `int` where `float`
  // is declared (`x: float = 1` prints `1`), while a Float slot holds a
  // double, so fail closed instead of printing `1.0`; likewise in a
  // `float | None` slot and for a lambda where a callable returning `float`
  // is declared. `declared` 0 (unknown): only the representation is known.
  IrExpr* convertForStorage(IrExpr* e, Repr to, SourceRange where, TypeId declared = 0) {
    SourceRange at = where.end > where.begin ? where : e->range;
    if (intLambdaForFloat(e, declared))
      return failExpr(at, "a lambda returning an `int` where a callable returning `float` is declared (CPython's "
                          "call returns the `int`; write a float such as `1.0`)");
    if (intInOptionalFloat(e, declared))
      return failExpr(at, "an `int` stored where `float | None` is declared (CPython keeps it an `int`; write a "
                          "float such as `1.0`)");
    if (to == Repr::Float && (e->repr == Repr::Int || e->repr == Repr::Bool))
      return failExpr(at, "an `int` stored where `float` is declared (CPython keeps it an `int`; write a float such "
                          "as `1.0`)");
    return convert(e, to);
  }

  IrExpr* convert(IrExpr* e, Repr to) {
    if (e->repr == to) return e;
    if (to == Repr::Float && (e->op == IrOp::ConstInt || e->op == IrOp::ConstBool)) {
      IrExpr* c = m_.newExpr(IrOp::ConstFloat, Repr::Float);
      c->fval = static_cast<double>(e->ival);
      return c;
    }
    IrExpr* c = m_.newExpr(IrOp::Convert, to);
    c->args.push_back(e);
    c->range = e->range;
    return c;
  }
  IrExpr* constInt(int64_t v) {
    IrExpr* c = m_.newExpr(IrOp::ConstInt, Repr::Int);
    c->ival = v;
    return c;
  }
  IrExpr* constNone() { return m_.newExpr(IrOp::ConstNone, Repr::Value); }
  IrExpr* constStr(std::string_view s) {
    std::string key(s);
    auto it = str_consts_.find(key);
    uint32_t idx;
    if (it != str_consts_.end()) {
      idx = it->second;
    } else {
      idx = static_cast<uint32_t>(m_.constants.size());
      m_.constants.push_back({true, key});
      str_consts_[key] = idx;
    }
    IrExpr* c = m_.newExpr(IrOp::ConstStr, Repr::Value);
    c->index = idx;
    return c;
  }
  IrExpr* rt(const char* fn, const char* sig, std::vector<IrExpr*> args, Repr r = Repr::Value) {
    IrExpr* c = m_.newExpr(IrOp::CallRt, r);
    c->name = fn;
    c->sig = sig;
    c->args = std::move(args);
    return c;
  }
  // A runtime call returning a Value, converted to the representation of `t`.
  IrExpr* rtTyped(const char* fn, const char* sig, std::vector<IrExpr*> args, TypeId t) {
    return convert(rt(fn, sig, std::move(args)), reprOf(t));
  }
  IrExpr* boxed(const Expr* e) { return convert(buildExpr(e), Repr::Value); }

  // ------------------------------------------------------------ variables
  // Where a name's storage lives; false if it is not a plain variable.
  bool resolveVar(const Expr* e, IrTarget& t) {
    Symbol* sym = a_.names.symbolOf(e);
    if (!sym || (sym->kind != SymbolKind::Variable && sym->kind != SymbolKind::Parameter)) return false;
    // Class-body names (`B = A + 1` in a class) have no storage of their own here.
    if (sym->scope->kind == ScopeKind::Class || sym->index >= cm_.symbol_types.size()) return false;
    Repr r = reprOf(cm_.symbol_types[sym->index]);
    if (sym->scope == a_.names.module_scope) {
      auto it = global_of_.find(sym);
      if (it == global_of_.end()) {
        it = global_of_.emplace(sym, static_cast<uint32_t>(m_.globals.size())).first;
        m_.globals.push_back({std::string(sym->name), r, true});
      }
      t = {true, it->second, r};
      return true;
    }
    if (auto it = local_of_.find(sym); it != local_of_.end()) {  // includes lambda captures
      t = {false, it->second, r, cell_syms_.count(sym) > 0};
      return true;
    }
    if (sym->scope->kind == ScopeKind::Comprehension) {
      auto it = comp_var_.find(sym);
      if (it == comp_var_.end()) {
        IrTarget t2 = tempTarget(r);
        if (t2.global) m_.globals[t2.index].name = fmt::format("{}$c{}", sym->name, t2.index);
        else fn_->locals[t2.index].name = fmt::format("{}$c{}", sym->name, t2.index);
        it = comp_var_.emplace(sym, t2).first;
      }
      t = it->second;
      return true;
    }
    if (fn_scope_ && sym->scope == fn_scope_) {
      auto it = local_of_.find(sym);
      if (it == local_of_.end()) {
        it = local_of_.emplace(sym, static_cast<uint32_t>(fn_->locals.size())).first;
        fn_->locals.push_back({std::string(sym->name), r});
      }
      t = {false, it->second, r, cell_syms_.count(sym) > 0};
      return true;
    }
    return false;
  }
  // Evaluates `value` into a new temporary now (appending the store to
  // `out`) and returns a load of it, for a later use in order.
  IrExpr* spill(IrExpr* value, SourceRange range, std::vector<IrStmt*>& out) {
    IrTarget tmp = tempTarget(value->repr);
    out.push_back(store(tmp, value, range));
    return load(tmp);
  }
  IrTarget tempTarget(Repr r) {
    if (fn_scope_) {
      uint32_t idx = static_cast<uint32_t>(fn_->locals.size());
      fn_->locals.push_back({fmt::format("$t{}", idx), r});
      return {false, idx, r};
    }
    uint32_t idx = static_cast<uint32_t>(m_.globals.size());
    m_.globals.push_back({fmt::format("$t{}", idx), r});
    return {true, idx, r};
  }
  IrExpr* load(const IrTarget& t) {
    IrExpr* e = m_.newExpr(t.global ? IrOp::LoadGlobal : IrOp::LoadLocal, t.repr);
    e->index = t.index;
    e->ival = t.cell ? 1 : 0;
    return e;
  }
  // `declared`: the variable's declared type, for the int-where-float checks
  // of convertForStorage (none for temporaries).
  IrStmt* store(const IrTarget& t, IrExpr* v, SourceRange r, TypeId declared = TypeId{}) {
    IrStmt* s = m_.newStmt(IrStmtKind::Store);
    s->targets.push_back(t);
    s->value = convertForStorage(v, t.repr, r, declared);
    s->range = r;
    return s;
  }

  // An element of static type `int` or `bool` unpacked or iterated into a
  // variable held as a double: CPython keeps the int (`1`, not `1.0`).
  static constexpr const char* kIntIntoFloatVar =
      "an `int` unpacked or iterated into a `float` variable (CPython keeps it an `int`)";
  bool intIntoFloat(const IrTarget& t, TypeId element) const {
    TypeKind k = types_.kind(element);
    return t.repr == Repr::Float && (k == TypeKind::Int || k == TypeKind::Bool);
  }

  // The container and the three slice bounds (None where omitted), boxed, as
  // molt_getslice / molt_setslice / molt_delslice take them.
  std::vector<IrExpr*> sliceArgs(const Expr* container, const SliceExpr* sl) {
    return {boxed(container), sl->lower ? boxed(sl->lower) : constNone(), sl->upper ? boxed(sl->upper) : constNone(),
            sl->step ? boxed(sl->step) : constNone()};
  }

  // `del target`: an item or a slice through the runtime (list, dict), a
  // variable by releasing its value. The checker has already refused reads
  // of a deleted local (possibly-unbound); a deleted module variable goes
  // back to unbound (MOLT_NULL), so a later read from a function raises
  // CPython's NameError.
  void buildDelete(const Expr* t, SourceRange range, std::vector<IrStmt*>& out) {
    switch (t->kind) {
      case ExprKind::Tuple:
      case ExprKind::List:
        for (const Expr* x : as<SequenceExpr>(t)->elts) buildDelete(x, range, out);
        return;
      case ExprKind::Subscript: {
        auto* sub = as<SubscriptExpr>(t);
        IrStmt* st = m_.newStmt(IrStmtKind::Eval);
        st->range = range;
        if (sub->index->kind == ExprKind::Slice) {
          st->value = rt("molt_delslice", "s:vvvv", sliceArgs(sub->value, as<SliceExpr>(sub->index)));
        } else {
          st->value = rt("molt_delitem", "s:vv", {boxed(sub->value), boxed(sub->index)});
        }
        out.push_back(st);
        return;
      }
      case ExprKind::Name: {
        IrTarget v;
        if (!resolveVar(t, v) || v.cell) return unsupported(t->range, "`del` of this name");
        if (v.repr == Repr::Float || v.repr == Repr::Bool) {
          if (v.global) return unsupported(t->range, "`del` of a `float` or `bool` module variable");
          return;  // an unboxed local holds nothing to release
        }
        if (v.global) {  // CPython's NameError when it is unbound already (a second `del` through `global`)
          IrStmt* bound = m_.newStmt(IrStmtKind::Eval);
          bound->value = load(v);
          bound->range = range;
          out.push_back(bound);
        }
        IrStmt* clear = m_.newStmt(IrStmtKind::Store);
        clear->targets.push_back(v);
        clear->value = v.global ? rt("$null", "v:", {}) : constNone();
        clear->range = range;
        out.push_back(clear);
        return;
      }
      default: return unsupported(t->range, "`del` of this target");
    }
  }

  // ------------------------------------------------------------ classes
  const StructLayout* layoutOf(const ClassInfo* c) const {
    for (const StructLayout& l : a_.layouts)
      if (l.cls == c) return &l;
    return nullptr;
  }

  // Methods codegen lowers: plain methods, `@staticmethod` (a function
  // without `self`, called directly) and read-only `@property` getters
  // (called where the attribute is read).
  // A class method is compiled for its own class only: `cls` is that class
  // statically, so calls must name it (`C.m()`, or `cls.m()` inside C's class
  // methods) — not a subclass, where CPython's `cls` would differ.
  enum class MethodKind { Plain, Static, Getter, Class, Unsupported };
  static MethodKind methodKind(const FunctionDef* fd, const FunctionInfo* fi) {
    if (fi->has_self && !fi->is_static && !fi->is_classmethod && !fi->is_property && fd->decorators.empty())
      return MethodKind::Plain;
    if (fd->decorators.size() != 1 || fd->decorators[0]->kind != ExprKind::Name) return MethodKind::Unsupported;
    std::string_view d = as<NameExpr>(fd->decorators[0])->name;
    if (d == "staticmethod" && fi->is_static) return MethodKind::Static;
    if (d == "classmethod" && fi->is_classmethod && fi->has_self) return MethodKind::Class;
    if (d == "property" && fi->is_property && fi->has_self && fi->params.empty()) return MethodKind::Getter;
    return MethodKind::Unsupported;
  }

  // The method `name` of `ci` if it is static or a getter and no subclass
  // overrides it (calls are direct: no dispatch on the receiver).
  const FunctionInfo* directMethod(const ClassInfo* ci, std::string_view name, MethodKind want) {
    const FunctionInfo* fi = ci ? ci->findMethod(name) : nullptr;
    if (!fi || !fi->decl || !func_index_.count(fi->decl) || methodKind(fi->decl, fi) != want) return nullptr;
    for (auto& [other, k] : class_index_)
      if (other != ci && other->isSubclassOf(ci) && other->findMethod(name) != fi) return nullptr;
    return fi;
  }

  void declareClass(const ClassDef* cd) {
    auto it = cm_.class_of.find(cd);
    if (it == cm_.class_of.end()) return unsupported(cd->name_range, "this class");
    const ClassInfo* ci = it->second;
    if (ci->is_exception) return declareException(cd, ci);
    const StructLayout* layout = layoutOf(ci);
    if (!layout || !layout->structifiable) return unsupported(cd->name_range, "classes that cannot be structified");
    if (ci->is_exception) return unsupported(cd->name_range, "user exception classes");
    if (!cd->decorators.empty()) return unsupported(cd->decorators[0]->range, "class decorators");
    IrClass k;
    k.name = std::string(cd->name);
    if (ci->base && !ci->base->builtin) {
      auto b = class_index_.find(ci->base);
      if (b == class_index_.end()) return unsupported(cd->name_range, "this base class");
      k.parent = static_cast<int32_t>(b->second);
    } else if (ci->base && ci->base->name != "object") {
      return unsupported(cd->name_range, "subclasses of builtin classes");
    }
    for (const FieldLayout& f : layout->fields) {
      k.field_kinds.push_back(f.boxed ? MOLT_FIELD_VALUE : MOLT_FIELD_RAW);
      k.field_names.push_back(std::string(f.name));
    }
    for (Stmt* s : cd->body) {
      switch (s->kind) {
        case StmtKind::Pass: break;
        case StmtKind::Expr:
          if (as<ExprStmt>(s)->value->kind != ExprKind::Str) unsupported(s->range, "statements in a class body");
          break;
        case StmtKind::AnnAssign: {
          auto* a = as<AnnAssignStmt>(s);
          if (a->value && a->target->kind == ExprKind::Name) classAttribute(ci, as<NameExpr>(a->target)->name, s);
          else if (a->value) unsupported(s->range, "this class-level assignment");
          break;
        }
        case StmtKind::Assign: {
          auto* a = as<AssignStmt>(s);
          if (a->targets.size() != 1 || a->targets[0]->kind != ExprKind::Name) {
            unsupported(s->range, "this class-level assignment");
            break;
          }
          classAttribute(ci, as<NameExpr>(a->targets[0])->name, s);
          break;
        }
        case StmtKind::FunctionDef: {
          auto* fd = as<FunctionDef>(s);
          auto fit = cm_.function_of.find(fd);
          MethodKind mk = fit == cm_.function_of.end() ? MethodKind::Unsupported : methodKind(fd, fit->second);
          if (mk == MethodKind::Unsupported) {
            unsupported(fd->name_range, "this kind of method (property setter or decorated)");
            break;
          }
          const FunctionInfo* fi = fit->second;
          IrFunction f;
          f.name = k.name + "." + std::string(fd->name);
          if (mk != MethodKind::Static) f.locals.push_back({"self", Repr::Value});
          for (const ParamInfo& p : fi->params) f.locals.push_back({std::string(p.name), reprOf(p.type)});
          f.n_params = static_cast<uint32_t>(fi->params.size() + (mk == MethodKind::Static ? 0 : 1));
          f.returns = reprOf(fi->returns);
          func_index_[fd] = static_cast<uint32_t>(m_.functions.size());
          m_.functions.push_back(std::move(f));
          break;
        }
        default: unsupported(s->range, "statements in a class body"); break;
      }
    }
    // Field defaults, inherited ones included: the nearest class (this one,
    // then its bases) whose body gives the field a value.
    for (const FieldLayout& f : layout->fields) {
      for (const ClassInfo* c = ci; c; c = c->base) {
        auto g = class_attr_.find({c, f.name});
        if (g == class_attr_.end()) continue;
        k.field_defaults.push_back({f.offset, g->second.global});
        break;
      }
    }
    class_index_[ci] = static_cast<uint32_t>(m_.classes.size());
    m_.classes.push_back(std::move(k));
  }

  // The special methods the runtime calls itself (print and str() of an
  // instance, repr inside containers, dict and set keys, `in`, sorting,
  // min/max, len(), truth tests): each class's descriptor points at the
  // MoltFnPtr wrapper of its own or inherited method. Order as in
  // MoltClassDesc (runtime.h).
  void connectHooks() {
    static const char* const kHooks[kClassHooks] = {"__repr__", "__str__", "__eq__", "__lt__",
                                                    "__hash__", "__len__", "__bool__"};
    for (auto& [ci, k] : class_index_) {
      for (int h = 0; h < kClassHooks; ++h) {
        const FunctionInfo* m = ci->findMethod(kHooks[h]);
        if (!m || !m->decl) continue;
        // As in CPython, a class whose own __eq__ comes from further down
        // than its __hash__ is unhashable: the inherited __hash__ is not used.
        if (h == 4) {
          const FunctionInfo* eq = ci->findMethod("__eq__");
          if (eq && eq->owner && m->owner && eq->owner != m->owner && !m->owner->isSubclassOf(eq->owner)) continue;
        }
        auto it = func_index_.find(m->decl);
        if (it == func_index_.end()) continue;
        m_.functions[it->second].needs_wrapper = true;
        m_.classes[k].hooks[h] = static_cast<int32_t>(it->second);
      }
    }
  }

  // A class-body attribute (`NAME: T = value` or `NAME = value`): a hidden
  // global `Class.NAME`, assigned where the class statement runs.
  struct ClassAttr {
    uint32_t global;
    const Stmt* stmt;
  };
  void classAttribute(const ClassInfo* ci, std::string_view name, const Stmt* s) {
    const FieldInfo* fi = nullptr;
    for (const FieldInfo& f : ci->fields)
      if (f.name == name) fi = &f;
    if (!fi) return unsupported(s->range, "this class attribute");
    uint32_t g = static_cast<uint32_t>(m_.globals.size());
    m_.globals.push_back({fmt::format("{}.{}", ci->name, name), reprOf(fi->type)});
    class_attr_[{ci, name}] = ClassAttr{g, s};
  }

  // Runs where the class statement stands in the module body: evaluates the
  // class-body values in order.
  void buildClassAttributes(const ClassDef* cd, std::vector<IrStmt*>& out) {
    auto it = cm_.class_of.find(cd);
    if (it == cm_.class_of.end()) return;
    for (const Stmt* s : cd->body) {
      std::string_view name;
      const Expr* value = nullptr;
      if (s->kind == StmtKind::AnnAssign && as<AnnAssignStmt>(s)->value &&
          as<AnnAssignStmt>(s)->target->kind == ExprKind::Name) {
        name = as<NameExpr>(as<AnnAssignStmt>(s)->target)->name;
        value = as<AnnAssignStmt>(s)->value;
      } else if (s->kind == StmtKind::Assign && as<AssignStmt>(s)->targets.size() == 1 &&
                 as<AssignStmt>(s)->targets[0]->kind == ExprKind::Name) {
        name = as<NameExpr>(as<AssignStmt>(s)->targets[0])->name;
        value = as<AssignStmt>(s)->value;
      } else {
        continue;
      }
      auto g = class_attr_.find({it->second, name});
      if (g == class_attr_.end()) continue;
      IrTarget t{true, g->second.global, m_.globals[g->second.global].repr};
      out.push_back(store(t, buildExpr(value), s->range));
    }
  }

  // `Class.NAME` / `obj.NAME` for a class-body attribute that is not an
  // instance field: the global, unless a subclass redefines it (that would
  // need dispatch on the receiver).
  IrExpr* classAttributeLoad(const ClassInfo* ci, std::string_view name, bool through_instance, SourceRange r) {
    for (const ClassInfo* c = ci; c; c = c->base) {
      auto g = class_attr_.find({c, name});
      if (g == class_attr_.end()) continue;
      if (through_instance)
        for (auto& [key, attr] : class_attr_)
          if (key.second == name && key.first != c && key.first->isSubclassOf(ci))
            return failExpr(r, "class attributes redefined in a subclass");
      return load({true, g->second.global, m_.globals[g->second.global].repr});
    }
    return nullptr;
  }

  // A user exception class: `pass`, a docstring, field declarations and an
  // `__init__` (which may call `super().__init__(...)` and set attributes,
  // kept in the exception's attribute dict by the runtime).
  void declareException(const ClassDef* cd, const ClassInfo* ci) {
    for (Stmt* s : cd->body) {
      bool ok = s->kind == StmtKind::Pass ||
                (s->kind == StmtKind::Expr && as<ExprStmt>(s)->value->kind == ExprKind::Str) ||
                (s->kind == StmtKind::AnnAssign && !as<AnnAssignStmt>(s)->value);
      if (s->kind == StmtKind::FunctionDef && as<FunctionDef>(s)->name == "__init__") {
        auto* fd = as<FunctionDef>(s);
        auto fit = cm_.function_of.find(fd);
        if (fit == cm_.function_of.end() || methodKind(fd, fit->second) != MethodKind::Plain)
          return unsupported(fd->name_range, "this exception `__init__`");
        const FunctionInfo* fi = fit->second;
        IrFunction f;
        f.name = std::string(cd->name) + ".__init__";
        f.locals.push_back({"self", Repr::Value});
        for (const ParamInfo& p : fi->params) f.locals.push_back({std::string(p.name), reprOf(p.type)});
        f.n_params = static_cast<uint32_t>(fi->params.size() + 1);
        f.returns = reprOf(fi->returns);
        func_index_[fd] = static_cast<uint32_t>(m_.functions.size());
        m_.functions.push_back(std::move(f));
        ok = true;
      }
      if (!ok)
        return unsupported(s->range, "this statement in an exception class (only `__init__`, fields, `pass` or a docstring)");
    }
    IrExceptionClass x;
    x.name = std::string(cd->name);
    if (!ci->base) return unsupported(cd->name_range, "this exception class");
    if (auto u = exc_index_.find(ci->base); u != exc_index_.end()) {
      x.user_parent = static_cast<int32_t>(u->second);
    } else {
      int64_t id = exceptionId(ci->base->name);
      if (id < 0) return unsupported(cd->name_range, "this exception base class");
      x.builtin_parent = static_cast<uint32_t>(id);
    }
    exc_index_[ci] = static_cast<uint32_t>(m_.exceptions.size());
    m_.exceptions.push_back(std::move(x));
  }

  // The IR exception id of a name denoting an exception class, or -1.
  int64_t exceptionOf(const Expr* e) {
    Symbol* sym = e->kind == ExprKind::Name ? a_.names.symbolOf(e) : nullptr;
    if (!sym) return -1;
    if (sym->kind == SymbolKind::Builtin) return exceptionId(sym->name);
    if (sym->kind == SymbolKind::Class && sym->def && sym->def->kind == StmtKind::ClassDef) {
      auto cit = cm_.class_of.find(as<ClassDef>(sym->def));
      if (cit == cm_.class_of.end()) return -1;
      auto u = exc_index_.find(cit->second);
      if (u != exc_index_.end()) return kUserExceptionBit | u->second;
    }
    return -1;
  }

  // The runtime type id (or IR placeholder) of a class named in isinstance.
  int64_t typeIdOf(const Expr* e) {
    if (int64_t x = exceptionOf(e); x >= 0) return x;
    Symbol* sym = e->kind == ExprKind::Name ? a_.names.symbolOf(e) : nullptr;
    if (!sym) return -1;
    if (sym->kind == SymbolKind::Builtin) {
      static const std::pair<const char*, uint32_t> kTypes[] = {
          {"int", MOLT_TYPE_INT}, {"float", MOLT_TYPE_FLOAT}, {"bool", MOLT_TYPE_BOOL}, {"str", MOLT_TYPE_STR},
          {"list", MOLT_TYPE_LIST}, {"tuple", MOLT_TYPE_TUPLE}, {"dict", MOLT_TYPE_DICT}, {"set", MOLT_TYPE_SET},
          {"object", MOLT_TYPE_OBJECT}};
      for (auto& [n, id] : kTypes)
        if (sym->name == n) return id;
      return -1;
    }
    if (sym->kind == SymbolKind::Class && sym->def && sym->def->kind == StmtKind::ClassDef) {
      auto cit = cm_.class_of.find(as<ClassDef>(sym->def));
      if (cit != cm_.class_of.end() && class_index_.count(cit->second))
        return kUserClassBit | class_index_.at(cit->second);
    }
    return -1;
  }

  // The field of an instance-typed expression, or nullptr.
  const FieldLayout* fieldOf(const Expr* obj, std::string_view name) {
    TypeId t = cm_.typeOf(obj);
    if (types_.kind(t) != TypeKind::Instance) return nullptr;
    const ClassInfo* ci = types_.get(t).cls;
    if (!class_index_.count(ci)) return nullptr;
    const StructLayout* l = layoutOf(ci);
    if (!l) return nullptr;
    for (const FieldLayout& f : l->fields)
      if (f.name == name) return &f;
    return nullptr;
  }

  IrExpr* buildMethodCall(const CallExpr* c, const AttributeExpr* at) {
    const ClassInfo* ci = types_.get(cm_.typeOf(at->value)).cls;
    if (!class_index_.count(ci)) return failExpr(c->range, "methods of this class");
    const FunctionInfo* fi = ci->findMethod(at->attr);
    if (!fi || !fi->decl || !func_index_.count(fi->decl))
      return failExpr(c->range, fmt::format("calling `{}` on `{}`", at->attr, ci->name));
    // Overrides in subclasses: dispatch on the receiver's type id, most
    // derived classes first (classes are declared base-first).
    const IrFunction& base = m_.functions[func_index_.at(fi->decl)];
    std::vector<std::pair<uint32_t, uint32_t>> overrides;  // (class index, function index)
    for (auto& [other, k] : class_index_) {
      if (other == ci || !other->isSubclassOf(ci)) continue;
      const FunctionInfo* impl = other->findMethod(at->attr);
      if (!impl || impl == fi) continue;
      if (!impl->decl || !func_index_.count(impl->decl))
        return failExpr(c->range, "calls of this overridden method");
      uint32_t fidx = func_index_.at(impl->decl);
      const IrFunction& f = m_.functions[fidx];
      bool same = f.n_params == base.n_params && f.returns == base.returns;
      for (uint32_t i = 0; same && i < f.n_params; ++i) same = f.locals[i].repr == base.locals[i].repr;
      if (!same) return failExpr(c->range, "overrides whose parameter or return representations differ");
      overrides.push_back({k, fidx});
    }
    std::sort(overrides.begin(), overrides.end(), [](auto& x, auto& y) { return x.first > y.first; });
    IrExpr* call = buildUserCall(c, fi->decl, boxed(at->value));
    if (overrides.empty()) return call;
    IrExpr* target = call->op == IrOp::Convert ? call->args[0] : call;
    if (target->op != IrOp::CallUser) return call;
    for (auto& [k, f] : overrides) {
      target->imms.push_back(k);
      target->imms.push_back(f);
    }
    return call;
  }

  // ------------------------------------------------------------ functions
  // The checker (invalid-export) admits only these types.
  AbiType abiType(TypeId t) {
    switch (types_.kind(t)) {
      case TypeKind::Int: return AbiType::S64;
      case TypeKind::Float: return AbiType::F64;
      case TypeKind::Bool: return AbiType::Bool;
      case TypeKind::Str: return AbiType::String;
      default: return AbiType::None;
    }
  }
  IrExport exportSignature(const FunctionInfo& fi, const FunctionDef* fd) {
    IrExport x;
    for (const ParamInfo& p : fi.params) {
      x.params.push_back(abiType(p.type));
      if (x.params.back() == AbiType::None) unsupported(fd->name_range, "exporting this parameter type");
    }
    x.result = abiType(fi.returns);
    if (x.result == AbiType::None && types_.kind(fi.returns) != TypeKind::None)
      unsupported(fd->name_range, "exporting this result type");
    return x;
  }

  void buildFunction(const FunctionDef* fd, IrFunction& f) {
    fn_ = &f;
    fn_scope_ = a_.names.scopeOf(fd);
    local_of_.clear();
    // The one decorator a compiled function may carry is `@molt.export`
    // (the checker rejects every other and a second one).
    auto own = cm_.function_of.find(fd);
    cur_fd_ = fd;
    cur_fn_info_ = own != cm_.function_of.end() ? own->second : nullptr;
    bool method_decorator = own != cm_.function_of.end() && own->second->owner &&
                            methodKind(fd, own->second) != MethodKind::Unsupported;
    if (!fd->decorators.empty() && !(f.export_sig && fd->decorators.size() == 1) && !method_decorator)
      unsupported(fd->decorators[0]->range, "decorators");
    if (!fn_scope_) {
      unsupported(fd->name_range, "this function");
      return;
    }
    for (size_t i = 0; i < fd->params.size(); ++i) {
      auto it = fn_scope_->symbols.find(fd->params[i].name);
      if (it == fn_scope_->symbols.end()) {
        unsupported(fd->params[i].range, "this parameter");
        continue;
      }
      local_of_[it->second] = static_cast<uint32_t>(i);
    }
    if (fd->params.size() != f.n_params) unsupported(fd->name_range, "this kind of parameter list");
    makeCells(f.body);
    for (Stmt* s : fd->body) buildStmt(s, f.body);
  }

  // Binds call arguments to a user function's parameters: positional, then
  // keywords, then constant defaults.
  IrExpr* buildUserCall(const CallExpr* c, const FunctionDef* fd, IrExpr* self = nullptr, int32_t construct = -1) {
    uint32_t idx = func_index_.at(fd);
    const IrFunction& f = functionAt(idx);
    std::vector<IrExpr*> bound(f.n_params - f.n_captures, nullptr);
    size_t first = (self || construct >= 0) ? 1 : 0;
    if (self) bound[0] = self;
    if (construct >= 0) bound[0] = constNone();  // the new instance, supplied by the lowering
    if (c->args.size() + first > bound.size()) return failExpr(c->range, "this call");
    for (size_t i = 0; i < c->args.size(); ++i) bound[first + i] = buildExpr(c->args[i]);
    // Keyword arguments given out of parameter order are evaluated into
    // temporaries first, in source order as CPython does (the call itself
    // takes its arguments in parameter order).
    std::vector<IrStmt*> pre;
    std::vector<size_t> kw_param(c->keywords.size());  // each keyword's parameter index (params.size(): none)
    bool in_order = true;
    for (size_t k = 0; k < c->keywords.size(); ++k) {
      size_t i = first;
      while (i < fd->params.size() && fd->params[i].name != c->keywords[k].name) ++i;
      kw_param[k] = i;
      if (k > 0 && i < kw_param[k - 1]) in_order = false;
    }
    if (!in_order) {  // the receiver, then the positional arguments come first in the source
      if (self && mayRunCode(self)) {
        bound[0] = spill(self, c->range, pre);
      }
      for (size_t i = 0; i < c->args.size(); ++i) {
        if (isConstant(c->args[i]) || c->args[i]->kind == ExprKind::Lambda) continue;
        bound[first + i] = spill(bound[first + i], c->args[i]->range, pre);
      }
    }
    for (size_t kw = 0; kw < c->keywords.size(); ++kw) {
      const Keyword& k = c->keywords[kw];
      size_t i = kw_param[kw];
      if (i >= fd->params.size() || bound[i]) return failExpr(k.name_range, "this keyword argument");
      bound[i] = buildExpr(k.value);
      // (A lambda only creates a function object: nothing to order, and its
      // checks in convertForStorage need to see it.)
      if (!in_order && !isConstant(k.value) && k.value->kind != ExprKind::Lambda)
        bound[i] = spill(bound[i], k.value->range, pre);
    }
    // Declared parameter types (FunctionInfo leaves out self).
    auto fit = cm_.function_of.find(fd);
    const FunctionInfo* finfo = fit != cm_.function_of.end() ? fit->second : nullptr;
    auto declared = [&](size_t i) -> TypeId {
      if (!finfo) return TypeId{};
      size_t offset = fd->params.size() - finfo->params.size();
      return i >= offset && i - offset < finfo->params.size() ? finfo->params[i - offset].type : TypeId{};
    };
    auto withPre = [&](IrExpr* e) -> IrExpr* {
      if (pre.empty()) return e;
      IrExpr* blk = m_.newExpr(IrOp::Block, e->repr);
      blk->stmts = std::move(pre);
      blk->args.push_back(e);
      return blk;
    };
    for (size_t i = 0; i < bound.size(); ++i) {
      if (bound[i]) continue;
      const Expr* d = fd->params[i].default_value;
      if (!d || !isConstant(d)) return failExpr(c->range, "non-constant default values");
      bound[i] = buildExpr(d);
    }
    // A nested function gets the current values of the variables it reads
    // from enclosing functions (so it sees them as they are at call time).
    if (auto nc = nested_caps_.find(fd); nc != nested_caps_.end()) {
      for (const Expr* x : nc->second) {
        IrTarget t;
        if (!resolveVar(x, t)) return failExpr(c->range, "this call of a nested function");
        t.cell = false;  // a cell variable is passed as its cell
        bound.push_back(load(t));
      }
    }
    if (construct >= 0) {
      IrExpr* e = m_.newExpr(IrOp::Construct, Repr::Value);
      e->index = static_cast<uint32_t>(construct);
      e->ival = idx;
      e->range = c->range;
      for (size_t i = 1; i < bound.size(); ++i)
        e->args.push_back(convertForStorage(bound[i], f.locals[i].repr, c->range, declared(i)));
      return withPre(e);
    }
    IrExpr* call = m_.newExpr(IrOp::CallUser, f.returns);
    call->index = idx;
    call->name = f.name;
    call->range = c->range;
    for (size_t i = 0; i < bound.size(); ++i)
      call->args.push_back(convertForStorage(bound[i], f.locals[i].repr, c->range, declared(i)));
    return withPre(convert(call, reprOf(cm_.typeOf(c))));
  }

  static bool isConstant(const Expr* e) {
    switch (e->kind) {
      case ExprKind::Int: case ExprKind::Float: case ExprKind::Str: case ExprKind::Bool: case ExprKind::None:
        return true;
      case ExprKind::Unary: {
        auto* u = as<UnaryExpr>(e);
        return (u->op == UnaryOp::Neg || u->op == UnaryOp::Pos) &&
               (u->operand->kind == ExprKind::Int || u->operand->kind == ExprKind::Float);
      }
      default: return false;
    }
  }

  // ------------------------------------------------------------ expressions
  IrExpr* buildExpr(const Expr* e) {
    IrExpr* r = buildExprInner(e);
    if (r->range.end == 0) r->range = e->range;
    return r;
  }

  IrExpr* buildExprInner(const Expr* e) {
    switch (e->kind) {
      case ExprKind::Int: {
        auto* i = as<IntExpr>(e);
        if (i->fits_i64 && molt_fits_smallint(i->value)) return constInt(i->value);
        std::string digits;
        if (i->fits_i64) {
          digits = std::to_string(i->value);
        } else {
          for (char ch : i->digits)
            if (ch < '0' || ch > '9') return failExpr(e->range, "non-decimal big integer literals");
          digits = std::string(i->digits);
        }
        IrExpr* c = m_.newExpr(IrOp::ConstBig, Repr::Int);
        c->index = static_cast<uint32_t>(m_.constants.size());
        m_.constants.push_back({false, digits});
        return c;
      }
      case ExprKind::Float: {
        IrExpr* c = m_.newExpr(IrOp::ConstFloat, Repr::Float);
        c->fval = as<FloatExpr>(e)->value;
        return c;
      }
      case ExprKind::Bool: {
        IrExpr* c = m_.newExpr(IrOp::ConstBool, Repr::Bool);
        c->ival = as<BoolExpr>(e)->value ? 1 : 0;
        return c;
      }
      case ExprKind::None: return constNone();
      case ExprKind::Str: return constStr(as<StrExpr>(e)->value);
      case ExprKind::FString: return buildFString(as<FStringExpr>(e)->parts);
      case ExprKind::Name: return buildName(as<NameExpr>(e));
      case ExprKind::List:
      case ExprKind::Tuple:
      case ExprKind::Set: {
        auto* s = as<SequenceExpr>(e);
        std::vector<IrExpr*> items;
        bool all_const = true;
        TypeId whole = cm_.typeOf(e);
        for (size_t i = 0; i < s->elts.size(); ++i) {
          Expr* x = s->elts[i];
          if (!isConstant(x)) all_const = false;
          // An int element of a container typed as holding floats would read
          // back as a double later; CPython keeps it an int: fail closed.
          TypeId slot = types_.kind(whole) == TypeKind::Tuple ? types_.arg(whole, i)
                        : types_.get(whole).args.empty() ? types_.unknown()
                                                         : types_.arg(whole, 0);
          TypeKind xk = kindOf(x);
          if (types_.kind(slot) == TypeKind::Float && (xk == TypeKind::Int || xk == TypeKind::Bool))
            return failExpr(x->range, "an `int` element where the container holds `float` (CPython keeps it an `int`; write `1.0`)");
          items.push_back(boxed(x));
        }
        IrExpr* c = rt(e->kind == ExprKind::List    ? "molt_list_from_array"
                       : e->kind == ExprKind::Tuple ? "molt_tuple_from_array"
                                                    : "molt_set_from_array",
                       e->kind == ExprKind::Set ? "v:aw" : "v:a", std::move(items));
        c->n_array = static_cast<uint32_t>(s->elts.size());
        if (e->kind == ExprKind::Set) c->imms.push_back(all_const ? 1 : 0);
        return c;
      }
      case ExprKind::Dict: {
        auto* d = as<DictExpr>(e);
        std::vector<IrExpr*> items;
        for (size_t i = 0; i < d->keys.size(); ++i) {
          if (!d->keys[i]) return failExpr(e->range, "`**` in dict displays");
          items.push_back(boxed(d->keys[i]));
          items.push_back(boxed(d->values[i]));
        }
        return rt("$dict", "v:", std::move(items));
      }
      case ExprKind::Subscript: {
        auto* s = as<SubscriptExpr>(e);
        if (s->index->kind == ExprKind::Slice) {
          return rtTyped("molt_getslice", "v:vvvv", sliceArgs(s->value, as<SliceExpr>(s->index)), cm_.typeOf(e));
        }
        IrExpr* get = rt(getItemFn(cm_.typeOf(s->value)), "v:vv", {boxed(s->value), boxed(s->index)});
        return convert(markList(get, cm_.typeOf(s->value)), reprOf(cm_.typeOf(e)));
      }
      case ExprKind::Attribute: {
        auto* at = as<AttributeExpr>(e);
        Symbol* sym = at->value->kind == ExprKind::Name ? a_.names.symbolOf(at->value) : nullptr;
        if (sym && sym->kind == SymbolKind::Module && sym->module == "math") {
          IrExpr* c = m_.newExpr(IrOp::ConstFloat, Repr::Float);
          if (at->attr == "pi") c->fval = 3.141592653589793;
          else if (at->attr == "e") c->fval = 2.718281828459045;
          else if (at->attr == "tau") c->fval = 6.283185307179586;
          else if (at->attr == "inf") c->fval = __builtin_inf();
          else return failExpr(e->range, fmt::format("`math.{}`", at->attr));
          return c;
        }
        if (sym && sym->kind == SymbolKind::Module && sym->module == "sys" &&
            (at->attr == "stdout" || at->attr == "stderr")) {
          IrExpr* io = rt("molt_sys_stdio", "v:w", {});
          io->imms.push_back(at->attr == "stdout" ? 1 : 2);
          return io;
        }
        if (sym && sym->kind == SymbolKind::Module && sym->module == "sys" && at->attr == "argv") {
          if (m_.argv_global < 0) {
            m_.argv_global = static_cast<int32_t>(m_.globals.size());
            m_.globals.push_back({"sys.argv", Repr::Value});
          }
          return load({true, static_cast<uint32_t>(m_.argv_global), Repr::Value});
        }
        if (at->attr == "args" && types_.kind(cm_.typeOf(at->value)) == TypeKind::Instance &&
            types_.get(cm_.typeOf(at->value)).cls && types_.get(cm_.typeOf(at->value)).cls->is_exception)
          return rtTyped("molt_exc_args", "v:v", {boxed(at->value)}, cm_.typeOf(e));
        if (userExceptionOf(at->value))
          return rtTyped("molt_getattr", "v:vv", {boxed(at->value), constStr(at->attr)}, cm_.typeOf(e));
        if (const FieldLayout* f = fieldOf(at->value, at->attr)) {
          IrExpr* g = m_.newExpr(IrOp::GetField, reprOf(f->type));
          g->index = f->offset;
          g->args.push_back(boxed(at->value));
          return convert(g, reprOf(cm_.typeOf(e)));
        }
        if (TypeKind vk = types_.kind(cm_.typeOf(at->value)); vk == TypeKind::ClassObj || vk == TypeKind::Instance) {
          const ClassInfo* ci = types_.get(cm_.typeOf(at->value)).cls;
          bool plain_receiver = vk == TypeKind::ClassObj || at->value->kind == ExprKind::Name;
          if (ci && class_index_.count(ci) && plain_receiver)
            if (IrExpr* g = classAttributeLoad(ci, at->attr, vk == TypeKind::Instance, e->range))
              return convert(g, reprOf(cm_.typeOf(e)));
        }
        if (types_.kind(cm_.typeOf(at->value)) == TypeKind::Instance) {
          const ClassInfo* ci = types_.get(cm_.typeOf(at->value)).cls;
          if (const FunctionInfo* getter = directMethod(ci, at->attr, MethodKind::Getter)) {
            uint32_t idx = func_index_.at(getter->decl);
            const IrFunction& f = m_.functions[idx];
            IrExpr* call = m_.newExpr(IrOp::CallUser, f.returns);
            call->index = idx;
            call->name = f.name;
            call->range = e->range;
            call->args.push_back(convertForStorage(boxed(at->value), f.locals[0].repr, e->range));
            return convert(call, reprOf(cm_.typeOf(e)));
          }
          if (ci && ci->findMethod(at->attr) && ci->findMethod(at->attr)->is_property)
            return failExpr(e->range, "properties overridden in a subclass");
        }
        return failExpr(e->range, "attribute access on this type");
      }
      case ExprKind::Call: return buildCall(as<CallExpr>(e));
      case ExprKind::Unary: return buildUnary(as<UnaryExpr>(e));
      case ExprKind::Binary: {
        auto* b = as<BinaryExpr>(e);
        return buildBinary(b->op, buildExpr(b->lhs), cm_.typeOf(b->lhs), buildExpr(b->rhs), cm_.typeOf(b->rhs),
                           cm_.typeOf(e), e->range, false);
      }
      case ExprKind::BoolOp: {
        auto* b = as<BoolOpExpr>(e);
        Repr r = reprOf(cm_.typeOf(e));
        IrExpr* l = buildExpr(b->lhs);
        IrExpr* rr = buildExpr(b->rhs);
        if ((l->repr != r && r != Repr::Value) || (rr->repr != r && r != Repr::Value))
          return failExpr(e->range, "`and`/`or` mixing int and float operands");
        IrExpr* c = m_.newExpr(IrOp::BoolOp, r);
        c->ival = b->is_and ? 1 : 0;
        c->args = {l, rr};
        return c;
      }
      case ExprKind::IfExp: {
        auto* i = as<IfExpr>(e);
        Repr r = reprOf(cm_.typeOf(e));
        IrExpr* body = buildExpr(i->body);
        IrExpr* orelse = buildExpr(i->orelse);
        if ((body->repr != r && r != Repr::Value) || (orelse->repr != r && r != Repr::Value))
          return failExpr(e->range, "conditional expressions mixing int and float");
        IrExpr* c = m_.newExpr(IrOp::IfExp, r);
        c->args = {truthy(buildExpr(i->test)), convert(body, r), convert(orelse, r)};
        return c;
      }
      case ExprKind::Compare: return buildCompare(as<CompareExpr>(e));
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::DictComp: return buildComprehension(as<ComprehensionExpr>(e));
      case ExprKind::GeneratorExp:
        if (e == materialize_genexp_) return buildComprehension(as<ComprehensionExpr>(e));
        return failExpr(e->range,
                        "generator expressions except as the iterable of `sum`, `any`, `all`, `sorted`, `list`, "
                        "`tuple`, `str.join`, or of `set`/`min`/`max` over ints, floats, strs or bools (other "
                        "arguments free of side effects; `min`/`max` without `key=`)");
      case ExprKind::Lambda: return buildLambda(as<LambdaExpr>(e));
      case ExprKind::Bytes: return failExpr(e->range, "bytes literals");
      default: return failExpr(e->range, fmt::format("`{}` expressions", kindName(e->kind)));
    }
  }

  // `lambda params: body` becomes its own function; variables of enclosing
  // functions are captured by value when the function object is made. That
  // equals CPython's late binding only when the lambda is called before the
  // variable can change, so capturing lambdas are accepted only as `key=`
  // arguments (consumed within the call); other lambdas may only read their
  // parameters and module globals (which they load when called).
  IrExpr* buildLambda(const LambdaExpr* l) {
    Scope* ls = a_.names.scopeOf(l);
    TypeId ft = cm_.typeOf(l);
    if (!ls || types_.kind(ft) != TypeKind::Callable || types_.get(ft).args.size() != l->params.size() + 1)
      return failExpr(l->range, "this lambda");
    const std::vector<TypeId>& sig = types_.get(ft).args;
    for (size_t i = 0; i < l->params.size(); ++i) {
      if (l->params[i].default_value || l->params[i].keyword_only)
        return failExpr(l->params[i].range, "lambda parameters with defaults or keyword-only lambda parameters");
      TypeKind k = types_.kind(sig[i]);
      if (k == TypeKind::Unknown) return failExpr(l->params[i].range, "lambda parameters of unknown type");
    }
    auto enclosing = [&](const Scope* s) {
      for (const Scope* p = ls->parent; p; p = p->parent)
        if (p == s) return true;
      return false;
    };
    std::vector<std::pair<const Symbol*, const Expr*>> caps;
    forEachSubExpr(l->body, [&](const Expr* x) {
      if (x->kind != ExprKind::Name) return;
      Symbol* sym = a_.names.symbolOf(x);
      if (!sym || (sym->kind != SymbolKind::Variable && sym->kind != SymbolKind::Parameter)) return;
      if (sym->scope == a_.names.module_scope || !enclosing(sym->scope)) return;
      for (auto& c : caps)
        if (c.first == sym) return;
      caps.push_back({sym, x});
    });
    for (auto& c : caps)
      if (!cell_syms_.count(c.first) && !eager_callable_)
        return failExpr(c.second->range, "lambdas that capture this variable outside a `key=` argument");
    IrExpr* mk = m_.newExpr(IrOp::MakeFunc, Repr::Value);
    for (auto& c : caps) {
      IrTarget t;
      if (!resolveVar(c.second, t)) return failExpr(c.second->range, "capturing this variable");
      if (t.cell != (cell_syms_.count(c.first) > 0)) return failExpr(c.second->range, "capturing this variable");
      t.cell = false;  // by value, or the cell itself (shared)
      mk->args.push_back(convert(load(t), Repr::Value));
    }
    IrFunction lf;
    mk->index = lambda_base_ + static_cast<uint32_t>(lambdas_.size());
    lf.name = fmt::format("lambda.{}", lambdas_.size());
    lf.needs_wrapper = true;
    std::unordered_map<const Symbol*, uint32_t> locals;
    for (size_t i = 0; i < l->params.size(); ++i) {
      auto it = ls->symbols.find(l->params[i].name);
      if (it == ls->symbols.end()) return failExpr(l->params[i].range, "this lambda parameter");
      locals[it->second] = static_cast<uint32_t>(i);
      lf.locals.push_back({std::string(l->params[i].name), reprOf(sig[i])});
    }
    for (auto& c : caps) {
      locals[c.first] = static_cast<uint32_t>(lf.locals.size());
      lf.locals.push_back({std::string(c.first->name), reprOf(cm_.symbol_types[c.first->index])});
    }
    lf.n_params = static_cast<uint32_t>(lf.locals.size());
    lf.n_captures = static_cast<uint32_t>(caps.size());
    lf.returns = reprOf(sig.back());
    lambdas_.push_back(std::move(lf));
    IrFunction* saved_fn = fn_;
    const Scope* saved_scope = fn_scope_;
    auto saved_locals = std::move(local_of_);
    auto saved_comp = std::move(comp_var_);
    auto saved_handlers = std::move(handler_exc_);
    bool saved_eager = eager_callable_;
    fn_ = &lambdas_.back();
    fn_scope_ = ls;
    local_of_ = std::move(locals);
    comp_var_.clear();
    handler_exc_.clear();
    eager_callable_ = false;
    IrStmt* ret = m_.newStmt(IrStmtKind::Return);
    ret->value = convertForStorage(buildExpr(l->body), fn_->returns, l->body->range, sig.back());
    ret->range = l->body->range;
    fn_->body.push_back(ret);
    fn_ = saved_fn;
    fn_scope_ = saved_scope;
    local_of_ = std::move(saved_locals);
    comp_var_ = std::move(saved_comp);
    handler_exc_ = std::move(saved_handlers);
    eager_callable_ = saved_eager;
    return mk;
  }
  // Variables that must live in cells: those a nested function declares
  // `nonlocal`, and those read by a function object that may outlive the
  // statement making it (a lambda other than a `key=` argument of
  // sorted/min/max/list.sort, or a nested function used as a value).
  void findCells() {
    std::unordered_set<const Expr*> eager, callees;
    std::vector<const Expr*> lambdas, names;
    forEachExpr(a_.parsed.module.body, [&](const Expr* e) {
      if (e->kind == ExprKind::Lambda) lambdas.push_back(e);
      if (e->kind == ExprKind::Name) names.push_back(e);
      if (e->kind != ExprKind::Call) return;
      auto* c = as<CallExpr>(e);
      callees.insert(c->func);
      bool sorting = c->func->kind == ExprKind::Attribute && as<AttributeExpr>(c->func)->attr == "sort";
      if (c->func->kind == ExprKind::Name) {
        Symbol* f = a_.names.symbolOf(c->func);
        sorting = f && f->kind == SymbolKind::Builtin && (f->name == "sorted" || f->name == "min" || f->name == "max");
      }
      if (sorting)
        for (const Keyword& k : c->keywords)
          if (k.name == "key") eager.insert(k.value);
    });
    auto capturedBy = [&](const Scope* inner, const auto& walk) {
      walk([&](const Expr* x) {
        if (x->kind != ExprKind::Name) return;
        Symbol* sym = a_.names.symbolOf(x);
        if (!sym || (sym->kind != SymbolKind::Variable && sym->kind != SymbolKind::Parameter)) return;
        if (sym->scope == a_.names.module_scope || sym->scope->kind != ScopeKind::Function) return;
        for (const Scope* p = inner->parent; p; p = p->parent)
          if (p == sym->scope) {
            Repr r = reprOf(cm_.symbol_types[sym->index]);
            if (r == Repr::Int || r == Repr::Value) cell_syms_.insert(sym);
            return;
          }
      });
    };
    for (const Expr* l : lambdas) {
      if (eager.count(l)) continue;
      if (const Scope* ls = a_.names.scopeOf(l))
        capturedBy(ls, [&](auto fn) { forEachSubExpr(as<LambdaExpr>(l)->body, fn); });
    }
    for (const Expr* n : names) {
      if (callees.count(n)) continue;
      Symbol* sym = a_.names.symbolOf(n);
      if (sym && sym->kind == SymbolKind::Function && sym->def && sym->def->kind == StmtKind::FunctionDef &&
          sym->scope == a_.names.module_scope) {
        // A module-level function used as a value needs the MoltFnPtr wrapper.
        if (auto it = func_index_.find(as<FunctionDef>(sym->def)); it != func_index_.end() && it->second < lambda_base_)
          m_.functions[it->second].needs_wrapper = true;
        continue;
      }
      if (!sym || sym->kind != SymbolKind::Function || !sym->def || sym->def->kind != StmtKind::FunctionDef ||
          sym->scope == a_.names.module_scope)
        continue;
      auto* fd = as<FunctionDef>(sym->def);
      escaping_.insert(fd);
      if (const Scope* ns = a_.names.scopeOf(fd)) capturedBy(ns, [&](auto fn) { forEachExpr(fd->body, fn); });
    }
    for (const auto& sc : a_.names.scopes) {
      for (auto& [name, is_global] : sc->declared) {
        if (is_global) continue;
        const Symbol* found = nullptr;
        for (const Scope* p = sc->parent; p && !found; p = p->parent) {
          if (p->kind != ScopeKind::Function) continue;
          auto it = p->symbols.find(name);
          if (it != p->symbols.end() && !(p->declared.count(name) && !p->declared.at(name))) found = it->second;
        }
        const void* node = sc->node;
        SourceRange where = node && sc->kind == ScopeKind::Function ? static_cast<const FunctionDef*>(node)->name_range
                                                                     : SourceRange{};
        if (!found || (found->kind != SymbolKind::Variable && found->kind != SymbolKind::Parameter)) {
          unsupported(where, "this `nonlocal` declaration");
          continue;
        }
        Repr r = reprOf(cm_.symbol_types[found->index]);
        if (r != Repr::Int && r != Repr::Value) {
          unsupported(where, "`nonlocal` for `float` or `bool` variables");
          continue;
        }
        cell_syms_.insert(found);
      }
    }
  }
  // At the start of a function: each of its variables that is a cell gets
  // its cell (a parameter's value moves into it).
  void makeCells(std::vector<IrStmt*>& out) {
    for (const auto& [name, sym] : fn_scope_->symbols) {
      if (!cell_syms_.count(sym)) continue;
      auto it = local_of_.find(sym);
      if (it == local_of_.end()) {
        it = local_of_.emplace(sym, static_cast<uint32_t>(fn_->locals.size())).first;
        fn_->locals.push_back({std::string(sym->name), reprOf(cm_.symbol_types[sym->index])});
      }
      IrStmt* st = m_.newStmt(IrStmtKind::Eval);
      st->value = rt("$cellify", "v:", {});
      st->value->imms.push_back(it->second);
      out.push_back(st);
    }
  }

  // A nested function as a value: a function object whose captures are the
  // cells of the variables it reads (findCells made them all cells).
  // A module-level function as a value (`key=by_area`, `apply(f, x)`): a
  // runtime function object around its MoltFnPtr wrapper. Called through
  // molt_call with positional arguments only, so defaults are refused.
  IrExpr* moduleFunctionValue(const NameExpr* n, const FunctionDef* fd) {
    auto it = func_index_.find(fd);
    if (it == func_index_.end() || it->second >= lambda_base_ || !m_.functions[it->second].needs_wrapper)
      return failExpr(n->range, "this function as a value");
    for (const Param& p : fd->params)
      if (p.default_value || p.keyword_only)
        return failExpr(n->range, "functions with defaults or keyword-only parameters as values");
    // Called through a value, a `float` parameter unboxes whatever it gets:
    // an int argument (a `Callable[[int], ...]` is enough) would become a float.
    for (const IrVar& v : std::span(m_.functions[it->second].locals).first(m_.functions[it->second].n_params))
      if (v.repr == Repr::Float) return failExpr(n->range, "functions with `float` parameters as values");
    IrExpr* mk = m_.newExpr(IrOp::MakeFunc, Repr::Value);
    mk->index = it->second;
    return mk;
  }

  IrExpr* nestedFunctionValue(const NameExpr* n, const FunctionDef* fd, const Symbol* sym) {
    uint32_t idx = func_index_.at(fd);
    if (sym->scope != fn_scope_ || idx < lambda_base_) return failExpr(n->range, "this function as a value");
    for (const Param& p : fd->params)
      if (p.default_value || p.keyword_only)
        return failExpr(n->range, "nested functions with defaults or keyword-only parameters as values");
    IrExpr* mk = m_.newExpr(IrOp::MakeFunc, Repr::Value);
    mk->index = idx;
    for (const Expr* x : nested_caps_.at(fd)) {
      IrTarget t;
      if (!resolveVar(x, t) || !t.cell) return failExpr(n->range, "this function as a value");
      t.cell = false;
      mk->args.push_back(load(t));
    }
    return mk;
  }

  // `def` inside a function, lambda-lifted: its own function whose last
  // parameters are the enclosing functions' variables it reads, passed at
  // each (direct) call. Using it as a value, `nonlocal`, and calls from
  // elsewhere than its defining function (or itself) are rejected.
  void buildNestedFunction(const FunctionDef* fd) {
    auto fit = cm_.function_of.find(fd);
    Scope* ns = a_.names.scopeOf(fd);
    if (fit == cm_.function_of.end() || !ns || fn_ == &m_.main) return unsupported(fd->name_range, "this function");
    if (!fd->decorators.empty()) return unsupported(fd->decorators[0]->range, "decorators");
    // Calls resolve through the name's symbol, whose `def` is one FunctionDef:
    // a second `def` (or another binding) of the same name would call the wrong body.
    auto own = fn_scope_ ? fn_scope_->symbols.find(fd->name) : decltype(fn_scope_->symbols)::const_iterator{};
    if (!fn_scope_ || own == fn_scope_->symbols.end() || own->second->kind != SymbolKind::Function ||
        own->second->def != fd)
      return unsupported(fd->name_range, "nested functions whose name is bound more than once");
    auto enclosing = [&](const Scope* sc) {
      for (const Scope* p = ns->parent; p; p = p->parent)
        if (p == sc) return true;
      return false;
    };
    std::vector<std::pair<const Symbol*, const Expr*>> caps;
    forEachExpr(fd->body, [&](const Expr* x) {
      if (x->kind != ExprKind::Name) return;
      Symbol* sym = a_.names.symbolOf(x);
      if (!sym || (sym->kind != SymbolKind::Variable && sym->kind != SymbolKind::Parameter)) return;
      if (sym->scope == a_.names.module_scope || !enclosing(sym->scope)) return;
      for (auto& c : caps)
        if (c.first == sym) return;
      caps.push_back({sym, x});
    });
    const FunctionInfo* fi = fit->second;
    IrFunction nf;
    nf.name = fmt::format("{}.{}", fn_->name, fd->name);
    std::unordered_map<const Symbol*, uint32_t> locals;
    for (size_t i = 0; i < fi->params.size(); ++i) {
      auto it = ns->symbols.find(fd->params[i].name);
      if (it == ns->symbols.end() || i >= fd->params.size()) return unsupported(fd->name_range, "this parameter list");
      locals[it->second] = static_cast<uint32_t>(i);
      nf.locals.push_back({std::string(fi->params[i].name), reprOf(fi->params[i].type)});
    }
    if (fd->params.size() != fi->params.size()) return unsupported(fd->name_range, "this kind of parameter list");
    std::vector<const Expr*> cap_exprs;
    for (auto& c : caps) {
      locals[c.first] = static_cast<uint32_t>(nf.locals.size());
      nf.locals.push_back({std::string(c.first->name), reprOf(cm_.symbol_types[c.first->index])});
      cap_exprs.push_back(c.second);
    }
    nf.n_params = static_cast<uint32_t>(nf.locals.size());
    nf.n_captures = static_cast<uint32_t>(caps.size());
    nf.returns = reprOf(fi->returns);
    nf.needs_wrapper = escaping_.count(fd) > 0;  // needs the MoltFnPtr wrapper
    func_index_[fd] = lambda_base_ + static_cast<uint32_t>(lambdas_.size());
    nested_caps_[fd] = std::move(cap_exprs);
    lambdas_.push_back(std::move(nf));
    IrFunction* saved_fn = fn_;
    const Scope* saved_scope = fn_scope_;
    auto saved_locals = std::move(local_of_);
    auto saved_comp = std::move(comp_var_);
    auto saved_handlers = std::move(handler_exc_);
    bool saved_eager = eager_callable_;
    fn_ = &lambdas_.back();
    fn_scope_ = ns;
    local_of_ = std::move(locals);
    comp_var_.clear();
    handler_exc_.clear();
    eager_callable_ = false;
    makeCells(fn_->body);
    for (Stmt* st : fd->body) buildStmt(st, fn_->body);
    fn_ = saved_fn;
    fn_scope_ = saved_scope;
    local_of_ = std::move(saved_locals);
    comp_var_ = std::move(saved_comp);
    handler_exc_ = std::move(saved_handlers);
    eager_callable_ = saved_eager;
  }

  // A `key=` argument: a callable the runtime calls before the call returns.
  IrExpr* buildKey(const Expr* e) {
    if (e->kind == ExprKind::None) return constNone();
    bool saved = eager_callable_;
    eager_callable_ = true;
    IrExpr* k = buildExpr(e);
    eager_callable_ = saved;
    return convert(k, Repr::Value);
  }

  // The `for ... if ...` clauses of a comprehension as nested loops and ifs
  // appended to `body`; returns the innermost body, nullptr after a diagnostic.
  std::vector<IrStmt*>* buildClauses(std::span<const Comprehension> gens, std::vector<IrStmt*>* body,
                                     SourceRange range) {
    for (const Comprehension& g : gens) {
      IrStmt* loop = buildLoopHeader(g.target, g.iter, range);
      if (!loop) return nullptr;
      body->push_back(loop);
      body = &loop->body;
      for (Expr* cond : g.ifs) {
        IrStmt* i = m_.newStmt(IrStmtKind::If);
        i->value = truthy(buildExpr(cond));
        body->push_back(i);
        body = &i->body;
      }
    }
    return body;
  }

  // [elt for t in it if c ...] as a Block: acc = new; for ...: if ...: acc.append(elt); acc
  IrExpr* buildComprehension(const ComprehensionExpr* c) {
    IrTarget acc = tempTarget(Repr::Value);
    IrExpr* blk = m_.newExpr(IrOp::Block, Repr::Value);
    bool as_list = c->kind == ExprKind::ListComp || c->kind == ExprKind::GeneratorExp;
    IrExpr* init = as_list                        ? rt("molt_list_new", "v:n", {constInt(0)})
                   : c->kind == ExprKind::SetComp ? rt("molt_set_new", "v:", {})
                                                  : rt("molt_dict_new", "v:", {});
    blk->stmts.push_back(store(acc, init, c->range));
    std::vector<IrStmt*>* body = &blk->stmts;
    body = buildClauses(c->generators, body, c->range);
    if (!body) return constNone();
    IrStmt* add = m_.newStmt(IrStmtKind::Eval);
    if (as_list) {
      add->value = rt("molt_list_append", "s:vv", {load(acc), boxed(c->elt)});
      add->value->ival |= 2;  // the accumulator is a list (see markList)
    }
    else if (c->kind == ExprKind::SetComp) add->value = rt("molt_set_add", "s:vv", {load(acc), boxed(c->elt)});
    else add->value = rt("molt_dict_set", "s:vvv", {load(acc), boxed(c->elt), boxed(c->value)});
    body->push_back(add);
    blk->args.push_back(load(acc));
    return blk;
  }

  // The static type of the items iterating a value of type `t` yields.
  TypeId iterElementType(TypeId t) const {
    const auto& args = types_.get(t).args;
    switch (types_.kind(t)) {
      case TypeKind::List: case TypeKind::Set: case TypeKind::TupleVar: case TypeKind::Iterator:
      case TypeKind::Dict: case TypeKind::View:
        return args.empty() ? types_.unknown() : args[0];
      case TypeKind::Range: return types_.integer();
      case TypeKind::Str: return types_.str();
      case TypeKind::Tuple:  // a fixed tuple whose items all have one type
        if (!args.empty() && std::all_of(args.begin(), args.end(), [&](TypeId a) { return a == args[0]; }))
          return args[0];
        return types_.unknown();
      default: return types_.unknown();
    }
  }

  // A `for` loop without its body: a counted loop for `range(...)` with an
  // int target, else the iterator protocol. nullptr after a diagnostic.
  IrStmt* buildLoopHeader(const Expr* target, const Expr* iter, SourceRange range) {
    IrStmt* st = nullptr;
    const CallExpr* call = iter->kind == ExprKind::Call ? as<CallExpr>(iter) : nullptr;
    Symbol* callee = call && call->func->kind == ExprKind::Name ? a_.names.symbolOf(call->func) : nullptr;
    IrTarget t;
    if (callee && callee->kind == SymbolKind::Builtin && callee->name == "range" && call->keywords.empty() &&
        call->args.size() >= 1 && call->args.size() <= 3 && target->kind == ExprKind::Name &&
        resolveVar(target, t) && t.repr == Repr::Int) {
      st = m_.newStmt(IrStmtKind::ForRange);
      size_t n = call->args.size();
      st->args.push_back(n == 1 ? constInt(0) : convert(buildExpr(call->args[0]), Repr::Int));
      st->args.push_back(convert(buildExpr(call->args[n == 1 ? 0 : 1]), Repr::Int));
      st->args.push_back(n == 3 ? convert(buildExpr(call->args[2]), Repr::Int) : constInt(1));
      st->targets.push_back(t);
    } else {
      st = m_.newStmt(IrStmtKind::ForIter);
      st->value = boxed(iter);
      st->list_iter = types_.kind(cm_.typeOf(iter)) == TypeKind::List;
      TypeId items = iterElementType(cm_.typeOf(iter));
      if (target->kind == ExprKind::Name) {
        if (!resolveVar(target, t)) {
          unsupported(target->range, "this loop target");
          return nullptr;
        }
        if (intIntoFloat(t, items)) {
          unsupported(target->range, kIntIntoFloatVar);
          return nullptr;
        }
        st->targets.push_back(t);
      } else if ((target->kind == ExprKind::Tuple || target->kind == ExprKind::List) &&
                 std::all_of(as<SequenceExpr>(target)->elts.begin(), as<SequenceExpr>(target)->elts.end(),
                             [](const Expr* x) { return x->kind == ExprKind::Name; })) {
        size_t i = 0;
        for (Expr* x : as<SequenceExpr>(target)->elts) {
          if (!resolveVar(x, t)) {
            unsupported(x->range, "this loop target");
            return nullptr;
          }
          if (intIntoFloat(t, elementType(items, i++))) {
            unsupported(x->range, kIntIntoFloatVar);
            return nullptr;
          }
          st->targets.push_back(t);
        }
      } else {
        // `for i, (k, v) in ...`, `for a[i] in ...`: each item goes to a
        // temporary, assigned to the target at the top of the body.
        TypeId et = iterElementType(cm_.typeOf(iter));
        if (types_.kind(et) == TypeKind::Unknown) {
          unsupported(target->range, "this loop target");
          return nullptr;
        }
        IrTarget tmp = tempTarget(Repr::Value);
        st->targets.push_back(tmp);
        assignTo(target, convert(load(tmp), reprOf(et)), st->body, target->range, et);
      }
    }
    st->range = range;
    return st;
  }

  IrExpr* truthy(IrExpr* e) {
    if (e->repr == Repr::Bool) return e;
    IrExpr* t = m_.newExpr(IrOp::Truthy, Repr::Bool);
    t->args.push_back(e);
    t->range = e->range;
    return t;
  }

  IrExpr* buildName(const NameExpr* n) {
    Symbol* sym = a_.names.symbolOf(n);
    if (!sym) return failExpr(n->range, "this name");
    if (sym->kind == SymbolKind::Builtin && sym->name == "__name__") return constStr("__main__");
    // A class method's `cls` is compiled away: only `cls(...)`, `cls.X` and
    // `cls.m(...)` are lowered; as a value it is refused.
    if (sym->kind == SymbolKind::Parameter && isClsParam(sym)) return failExpr(n->range, "`cls` used as a value");
    if (sym->scope->kind == ScopeKind::Class) return failExpr(n->range, "class-body names read inside the class body");
    IrTarget t;
    if (resolveVar(n, t)) return convert(load(t), reprOf(cm_.typeOf(n)));
    switch (sym->kind) {
      case SymbolKind::Function: {
        if (sym->def && sym->def->kind == StmtKind::FunctionDef) {
          auto* fd = as<FunctionDef>(sym->def);
          if (escaping_.count(fd) && nested_caps_.count(fd)) return nestedFunctionValue(n, fd, sym);
          if (sym->scope == a_.names.module_scope) return moduleFunctionValue(n, fd);
        }
        return failExpr(n->range, "functions as values");
      }
      case SymbolKind::Class: return failExpr(n->range, "classes as values");
      case SymbolKind::Variable:
      case SymbolKind::Parameter: return failExpr(n->range, "closures (a variable of an enclosing function)");
      default: return failExpr(n->range, fmt::format("`{}` as a value", sym->name));
    }
  }

  IrExpr* buildFString(std::span<FStringPart> parts) {
    std::vector<IrExpr*> items;
    for (const FStringPart& p : parts) {
      if (!p.expr) {
        if (!p.literal.empty()) items.push_back(constStr(p.literal));
        continue;
      }
      IrExpr* v = boxed(p.expr);
      if (p.conversion == 'r') v = rt("molt_repr", "v:v", {v});
      else if (p.conversion == 'a') v = rt("molt_ascii", "v:v", {v});
      else if (p.conversion == 's') v = rt("molt_str", "v:v", {v});
      if (!p.spec.empty()) items.push_back(rt("molt_format", "v:vv", {v, buildFString(p.spec)}));
      else if (p.conversion == 0) items.push_back(rt("molt_format", "v:vv", {v, constStr("")}));
      else items.push_back(v);
    }
    if (items.size() == 1 && items[0]->op == IrOp::ConstStr) return items[0];
    if (items.empty()) return constStr("");
    IrExpr* c = rt("molt_str_concat_n", "v:a", std::move(items));
    c->n_array = static_cast<uint32_t>(c->args.size());
    return c;
  }

  IrExpr* buildUnary(const UnaryExpr* u) {
    IrExpr* x = buildExpr(u->operand);
    switch (u->op) {
      case UnaryOp::Not: {
        IrExpr* n = m_.newExpr(IrOp::Not, Repr::Bool);
        n->args.push_back(truthy(x));
        return n;
      }
      case UnaryOp::Neg: {
        Repr r = reprOf(cm_.typeOf(u));
        if (r == Repr::Int || r == Repr::Float) {
          if (x->op == IrOp::ConstInt && r == Repr::Int && x->ival != MOLT_SMALLINT_MIN) return constInt(-x->ival);
          if (x->op == IrOp::ConstFloat && r == Repr::Float) {
            IrExpr* c = m_.newExpr(IrOp::ConstFloat, Repr::Float);
            c->fval = -x->fval;
            return c;
          }
          IrExpr* n = m_.newExpr(IrOp::Neg, r);
          n->args.push_back(convert(x, r));
          return n;
        }
        return rtTyped("molt_neg", "v:v", {convert(x, Repr::Value)}, cm_.typeOf(u));
      }
      case UnaryOp::Pos: return rtTyped("molt_pos", "v:v", {convert(x, Repr::Value)}, cm_.typeOf(u));
      case UnaryOp::Invert: return rtTyped("molt_invert", "v:v", {convert(x, Repr::Value)}, cm_.typeOf(u));
    }
    return failExpr(u->range, "this operator");
  }

  IrExpr* buildBinary(BinOp op, IrExpr* l, TypeId lt, IrExpr* r, TypeId rt_, TypeId result, SourceRange range,
                      bool inplace) {
    TypeKind lk = types_.kind(lt), rk = types_.kind(rt_), k = types_.kind(result);
    bool numeric = types_.isNumeric(lt) && types_.isNumeric(rt_);
    const char* fn = runtimeBinaryFn(op, inplace);
    if (!fn) return failExpr(range, "the `@` operator");
    if (numeric && k == TypeKind::Float && (op != BinOp::Pow)) {
      IrExpr* c = m_.newExpr(IrOp::Arith, Repr::Float);
      c->bin_op = op;
      if (op == BinOp::Div && lk != TypeKind::Float && rk != TypeKind::Float) {
        c->operand_repr = Repr::Int;
        c->args = {convert(l, Repr::Int), convert(r, Repr::Int)};
      } else {
        c->operand_repr = Repr::Float;
        c->args = {convert(l, Repr::Float), convert(r, Repr::Float)};
      }
      c->range = range;
      return c;
    }
    if (numeric && k == TypeKind::Int && op != BinOp::Pow) {
      IrExpr* c = m_.newExpr(IrOp::Arith, Repr::Int);
      c->bin_op = op;
      c->operand_repr = Repr::Int;
      c->args = {convert(l, Repr::Int), convert(r, Repr::Int)};
      c->range = range;
      return c;
    }
    // `a ** b` of two ints is typed `float` unless the exponent is a
    // non-negative literal, but CPython's result is an int whenever b >= 0:
    // a double here would print `8.0` for `2 ** 3`. Fail closed, except for
    // a negative literal exponent (always a float).
    bool int_like_l = lk == TypeKind::Int || lk == TypeKind::Bool, int_like_r = rk == TypeKind::Int || rk == TypeKind::Bool;
    bool negative_literal = (r->op == IrOp::ConstInt && r->ival < 0) ||
                            (r->op == IrOp::Neg && r->args[0]->op == IrOp::ConstInt && r->args[0]->ival > 0);
    if (op == BinOp::Pow && int_like_l && int_like_r && k == TypeKind::Float && !negative_literal)
      return failExpr(range,
                      "`**` of two ints with an exponent that is not a non-negative literal (CPython's result is an "
                      "`int` or a `float` depending on the exponent's sign; write `float(a) ** b` for a float)");
    IrExpr* c = rt(fn, "v:vv", {convert(l, Repr::Value), convert(r, Repr::Value)});
    c->range = range;
    return convert(c, reprOf(result));
  }

  IrExpr* buildCompare(const CompareExpr* c) {
    if (c->ops.size() == 1) return buildCompare1(c->ops[0], c->operands[0], c->operands[1], c->range);
    // Chains: one representation for all operands.
    bool all_int = true, all_num = true;
    for (const Expr* x : c->operands) {
      TypeKind k = kindOf(x);
      if (k != TypeKind::Int && k != TypeKind::Bool) all_int = false;
      if (k != TypeKind::Int && k != TypeKind::Bool && k != TypeKind::Float) all_num = false;
    }
    for (CmpOp op : c->ops)
      if (op == CmpOp::In || op == CmpOp::NotIn || op == CmpOp::Is || op == CmpOp::IsNot)
        return failExpr(c->range, "chained `in`/`is` comparisons");
    Repr r = all_int ? Repr::Int : Repr::Value;
    if (!all_int && all_num) {
      bool ok = true;
      for (const Expr* x : c->operands)
        if (kindOf(x) == TypeKind::Int && x->kind != ExprKind::Int) ok = false;
      if (ok) r = Repr::Float;
    }
    IrExpr* e = m_.newExpr(IrOp::ChainCompare, Repr::Bool);
    e->operand_repr = r;
    for (const Expr* x : c->operands) e->args.push_back(convert(buildExpr(x), r));
    e->cmp_ops.assign(c->ops.begin(), c->ops.end());
    return e;
  }

  IrExpr* buildCompare1(CmpOp op, const Expr* lhs, const Expr* rhs, SourceRange range) {
    IrExpr* l = buildExpr(lhs);
    IrExpr* r = buildExpr(rhs);
    if (op == CmpOp::In || op == CmpOp::NotIn) {
      // (Operands in source order: the left one is evaluated first.)
      IrExpr* c = rt("molt_in", "b:vv", {convert(l, Repr::Value), convert(r, Repr::Value)}, Repr::Bool);
      if (op == CmpOp::In) return c;
      IrExpr* n = m_.newExpr(IrOp::Not, Repr::Bool);
      n->args.push_back(c);
      return n;
    }
    IrExpr* c = m_.newExpr(IrOp::Compare, Repr::Bool);
    c->cmp_op = op;
    c->range = range;
    TypeKind lk = kindOf(lhs), rk = kindOf(rhs);
    auto intish = [](TypeKind k) { return k == TypeKind::Int || k == TypeKind::Bool; };
    Repr o = Repr::Value;
    if (op == CmpOp::Is || op == CmpOp::IsNot) {
      o = Repr::Value;
    } else if (intish(lk) && intish(rk)) {
      o = Repr::Int;
    } else if ((lk == TypeKind::Float || intish(lk)) && (rk == TypeKind::Float || intish(rk))) {
      // int operands compare exactly against floats only when they are constants
      bool ok = (lk == TypeKind::Float || lhs->kind == ExprKind::Int || lk == TypeKind::Bool) &&
                (rk == TypeKind::Float || rhs->kind == ExprKind::Int || rk == TypeKind::Bool);
      o = ok ? Repr::Float : Repr::Value;
    }
    c->operand_repr = o;
    c->args = {convert(l, o), convert(r, o)};
    return c;
  }

  // Arguments of a builtin or method: positional only unless handled.
  bool noKeywords(const CallExpr* c) {
    if (c->keywords.empty()) return true;
    unsupported(c->keywords[0].name_range, "keyword arguments to this function");
    return false;
  }

  // The nearest user-defined __init__ of the exception class `sym` names.
  const FunctionDef* userExceptionInit(const Symbol* sym) {
    if (!sym->def || sym->def->kind != StmtKind::ClassDef) return nullptr;
    auto cit = cm_.class_of.find(as<ClassDef>(sym->def));
    if (cit == cm_.class_of.end()) return nullptr;
    const FunctionInfo* init = cit->second->findMethod("__init__");
    return init && init->decl && func_index_.count(init->decl) ? init->decl : nullptr;
  }
  // An instance of a user exception class (its attributes live in a dict).
  const ClassInfo* userExceptionOf(const Expr* obj) {
    TypeId t = cm_.typeOf(obj);
    if (types_.kind(t) != TypeKind::Instance) return nullptr;
    const ClassInfo* ci = types_.get(t).cls;
    return ci && ci->is_exception && !ci->builtin && exc_index_.count(ci) ? ci : nullptr;
  }

  // `Cls(a, b)` for a user exception with an __init__: as BaseException's
  // __new__, the instance starts with args == (a, b); then __init__ runs
  // (and may replace args with super().__init__(...)). Each argument is
  // evaluated once, into a temporary of its own representation.
  IrExpr* constructException(const CallExpr* c, const FunctionDef* init, int64_t type_id) {
    if (!c->keywords.empty()) return failExpr(c->keywords[0].name_range, "keyword arguments to an exception constructor");
    uint32_t idx = func_index_.at(init);
    const IrFunction& f = m_.functions[idx];
    if (c->args.size() + 1 > f.n_params) return failExpr(c->range, "this call");
    IrExpr* blk = m_.newExpr(IrOp::Block, Repr::Value);
    std::vector<IrTarget> temps;
    for (const Expr* a : c->args) {
      IrExpr* v = buildExpr(a);
      IrTarget t = tempTarget(v->repr);
      blk->stmts.push_back(store(t, v, a->range));
      temps.push_back(t);
    }
    std::vector<IrExpr*> items;
    for (const IrTarget& t : temps) items.push_back(convert(load(t), Repr::Value));
    IrExpr* tup = rt("molt_tuple_from_array", "v:a", std::move(items));
    tup->n_array = static_cast<uint32_t>(tup->args.size());
    IrExpr* bare = rt("molt_exc_new", "v:wv", {tup});
    bare->imms.push_back(static_cast<uint32_t>(type_id));
    IrTarget obj = tempTarget(Repr::Value);
    blk->stmts.push_back(store(obj, bare, c->range));
    IrExpr* call = m_.newExpr(IrOp::CallUser, f.returns);
    call->index = idx;
    call->name = f.name;
    call->range = c->range;
    call->args.push_back(load(obj));
    for (size_t i = 1; i < f.n_params; ++i) {
      IrExpr* v = nullptr;
      if (i - 1 < temps.size()) {
        v = load(temps[i - 1]);
      } else {
        const Expr* d = init->params[i].default_value;
        if (!d || !isConstant(d)) return failExpr(c->range, "non-constant default values");
        v = buildExpr(d);
      }
      call->args.push_back(convertForStorage(v, f.locals[i].repr, c->range));
    }
    IrStmt* st = m_.newStmt(IrStmtKind::Eval);
    st->value = call;
    st->range = c->range;
    blk->stmts.push_back(st);
    blk->args.push_back(load(obj));
    return blk;
  }

  IrExpr* construct(const CallExpr* c, const ClassDef* cd) {
    auto cit = cd ? cm_.class_of.find(cd) : cm_.class_of.end();
    if (cit == cm_.class_of.end() || !class_index_.count(cit->second)) return failExpr(c->range, "this class");
    int32_t k = static_cast<int32_t>(class_index_.at(cit->second));
    const FunctionInfo* init = cit->second->findMethod("__init__");
    if (init && init->decl && func_index_.count(init->decl)) return buildUserCall(c, init->decl, nullptr, k);
    if (init) return failExpr(c->range, "this constructor");
    if (!c->args.empty() || !c->keywords.empty()) return failExpr(c->range, "this constructor call");
    IrExpr* e = m_.newExpr(IrOp::Construct, Repr::Value);
    e->index = static_cast<uint32_t>(k);
    e->ival = -1;
    return e;
  }

  // The `cls` parameter of the class method being built.
  bool isClsParam(const Symbol* sym) const {
    return cur_fn_info_ && cur_fn_info_->is_classmethod && cur_fn_info_->owner && cur_fd_ && !cur_fd_->params.empty() &&
           sym->scope == fn_scope_ && sym->name == cur_fd_->params[0].name;
  }

  IrExpr* excNew(uint32_t type_id, const CallExpr* c) {
    std::vector<IrExpr*> items;
    if (c)
      for (Expr* x : c->args) items.push_back(boxed(x));
    IrExpr* tup = rt("molt_tuple_from_array", "v:a", std::move(items));
    tup->n_array = static_cast<uint32_t>(tup->args.size());
    IrExpr* e = rt("molt_exc_new", "v:wv", {tup});
    e->imms.push_back(type_id);
    return e;
  }

  IrExpr* buildCall(const CallExpr* c) {
    TypeId result = cm_.typeOf(c);
    if (c->func->kind == ExprKind::Name) {
      Symbol* sym = a_.names.symbolOf(c->func);
      if (!sym) return failExpr(c->range, "this call");
      if (sym->kind == SymbolKind::Function && sym->def && sym->def->kind == StmtKind::FunctionDef) {
        auto* fd = as<FunctionDef>(sym->def);
        if (nested_caps_.count(fd)) {
          // Only from the function that defines it, or recursively from itself:
          // elsewhere its captured variables are not in reach.
          bool self_call = func_index_.at(fd) >= lambda_base_ &&
                           fn_ == &lambdas_[func_index_.at(fd) - lambda_base_];
          if (sym->scope != fn_scope_ && !self_call)
            return failExpr(c->range, "calls of a nested function from another nested function or lambda");
        }
        if (func_index_.count(fd)) return buildUserCall(c, fd);
        return failExpr(c->range, "calls of nested functions");
      }
      if ((sym->kind == SymbolKind::Variable || sym->kind == SymbolKind::Parameter) &&
          types_.kind(cm_.typeOf(c->func)) == TypeKind::Callable)
        return callValue(c, result);
      if (sym->kind == SymbolKind::ImportedName && sym->module == "typing" && sym->imported == "cast" &&
          c->args.size() == 2 && c->keywords.empty()) {
        // typing.cast is free; only where no representation change is needed
        // (a Value reinterpreted as an unboxed number would be unchecked).
        IrExpr* v = buildExpr(c->args[1]);
        Repr want = reprOf(result);
        if (want != Repr::Value && v->repr != want) return failExpr(c->range, "`cast` to an unboxed type");
        // Code typed `list` reads lists inline without testing the type
        // (markList), so a cast that makes a value a `list` checks it.
        if (types_.kind(result) == TypeKind::List && kindOf(c->args[1]) != TypeKind::List)
          return rt("molt_expect_list", "v:v", {convert(v, Repr::Value)});
        return convert(v, want);
      }
      if (sym->kind == SymbolKind::ImportedName && sym->module == "math")
        return buildMath(sym->imported, c);
      if (sym->kind == SymbolKind::Class || sym->kind == SymbolKind::Builtin) {
        int64_t exc = exceptionId(sym->name);
        if (exc >= 0 && sym->kind == SymbolKind::Builtin) {
          if (!noKeywords(c)) return constNone();
          return excNew(static_cast<uint32_t>(exc), c);
        }
      }
      if (sym->kind == SymbolKind::Builtin) return buildBuiltin(sym->name, c, result);
      if (int64_t exc = exceptionOf(c->func); exc >= 0 && sym->kind == SymbolKind::Class) {
        if (const FunctionDef* init = userExceptionInit(sym)) return constructException(c, init, exc);
        if (!noKeywords(c)) return constNone();
        return excNew(static_cast<uint32_t>(exc), c);
      }
      if (sym->kind == SymbolKind::Class && sym->def && sym->def->kind == StmtKind::ClassDef)
        return construct(c, as<ClassDef>(sym->def));
      // `cls(...)` in a class method: the class is known statically (see MethodKind::Class).
      if (sym->kind == SymbolKind::Parameter && isClsParam(sym)) return construct(c, cur_fn_info_->owner->decl);
      if (sym->kind == SymbolKind::Class) return failExpr(c->range, "classes");
      return failExpr(c->range, "calls of this kind of value");
    }
    if (c->func->kind == ExprKind::Attribute) {
      auto* at = as<AttributeExpr>(c->func);
      Symbol* sym = at->value->kind == ExprKind::Name ? a_.names.symbolOf(at->value) : nullptr;
      if (sym && sym->kind == SymbolKind::Module) {
        if (sym->module == "math") return buildMath(at->attr, c);
        if (sym->module == "sys" && at->attr == "exit") {
          if (!noKeywords(c)) return constNone();
          IrExpr* e = rt("molt_raise", "v:v", {excNew(MOLT_EXC_SYSTEM_EXIT, c)});
          return e;
        }
        return failExpr(c->range, fmt::format("`{}.{}`", sym->module, at->attr));
      }
      if (types_.kind(cm_.typeOf(at->value)) == TypeKind::Super) return buildSuperCall(c, at);
      TypeId recv = cm_.typeOf(at->value);
      TypeKind rk = types_.kind(recv);
      if (rk == TypeKind::ClassObj || rk == TypeKind::Instance) {
        const ClassInfo* ci = types_.get(recv).cls;
        const FunctionInfo* m = ci ? ci->findMethod(at->attr) : nullptr;
        if (m && m->is_classmethod && rk == TypeKind::ClassObj && m->decl && func_index_.count(m->decl) &&
            methodKind(m->decl, m) == MethodKind::Class && at->value->kind == ExprKind::Name) {
          const Symbol* rs = a_.names.symbolOf(at->value);
          bool names_owner = rs && ((rs->kind == SymbolKind::Class && rs->def == m->owner->decl) ||
                                    (rs->kind == SymbolKind::Parameter && isClsParam(rs) && cur_fn_info_->owner == m->owner));
          if (!names_owner) return failExpr(c->range, "class methods called through a subclass or a value");
          return buildUserCall(c, m->decl, constNone());  // `cls` is static: its slot gets None
        }
        // `obj.m()` / `self.m()` for a class method: `cls` is the object's
        // runtime class, known statically only when the method's own class
        // has no subclasses (the compiled method's `cls` is that class).
        if (m && m->is_classmethod && rk == TypeKind::Instance) {
          bool exact = ci == m->owner && std::none_of(class_index_.begin(), class_index_.end(), [&](const auto& kv) {
                         return kv.first != ci && kv.first->isSubclassOf(ci);
                       });
          if (!exact || !m->decl || !func_index_.count(m->decl) || methodKind(m->decl, m) != MethodKind::Class)
            return failExpr(c->range, "class methods called through an instance whose class has subclasses");
          if (at->value->kind != ExprKind::Name)
            return failExpr(at->value->range, "a class method called through this expression");
          return buildUserCall(c, m->decl, constNone());
        }
        // `Base.method(self, ...)` names one function exactly: a direct call.
        if (m && rk == TypeKind::ClassObj && m->decl && func_index_.count(m->decl) &&
            methodKind(m->decl, m) == MethodKind::Plain && at->value->kind == ExprKind::Name)
          return buildUserCall(c, m->decl);
        if (m && m->is_static) {
          const FunctionInfo* fi = directMethod(ci, at->attr, MethodKind::Static);
          if (!fi) return failExpr(c->range, "static methods overridden in a subclass");
          // `obj.f()` evaluates `obj` only for its effects: a plain name has none.
          if (rk == TypeKind::Instance && at->value->kind != ExprKind::Name)
            return failExpr(at->value->range, "a static method called through this expression");
          return buildUserCall(c, fi->decl);
        }
      }
      if (rk == TypeKind::Instance) return buildMethodCall(c, at);
      if (rk == TypeKind::List && at->attr == "sort") {
        int64_t reverse = 0;
        if (!c->args.empty()) return failExpr(c->range, "`sort` with positional arguments");
        IrExpr* key = constNone();
        for (const Keyword& k : c->keywords) {
          if (k.name == "reverse" && k.value->kind == ExprKind::Bool) reverse = as<BoolExpr>(k.value)->value;
          else if (k.name == "key") key = buildKey(k.value);
          else return failExpr(k.name_range, "this `sort` argument");
        }
        IrExpr* e = rt("molt_list_sort", "s:vvw", {boxed(at->value), key});
        e->imms.push_back(reverse);
        return convert(e, reprOf(result));
      }
      if (rk == TypeKind::Str && at->attr == "format") {
        if (!noKeywords(c)) return constNone();
        std::vector<IrExpr*> items{boxed(at->value)};
        for (Expr* x : c->args) items.push_back(boxed(x));
        IrExpr* e = rt("molt_str_format", "v:va", std::move(items));
        e->n_array = static_cast<uint32_t>(c->args.size());
        return e;
      }
      for (const MethodEntry& me : kMethods) {
        if (me.receiver != rk || at->attr != me.name) continue;
        if (!noKeywords(c)) return constNone();
        std::string_view sig = me.sig;
        size_t nparams = sig.size() - 3;  // "r:" + receiver
        if (c->args.size() < static_cast<size_t>(me.min_args) || c->args.size() > nparams)
          return failExpr(c->range, "this call");
        // An int handed to a container of floats would read back as a double
        // later; CPython keeps it an int: fail closed.
        bool float_elems = false;
        for (TypeId a : types_.get(recv).args) float_elems |= types_.kind(a) == TypeKind::Float;
        for (size_t i = 0; float_elems && i < c->args.size() && i < nparams; ++i) {
          TypeKind ak = kindOf(c->args[i]);
          if (sig[3 + i] != 'n' && sig[3 + i] != 'i' && (ak == TypeKind::Int || ak == TypeKind::Bool))
            return failExpr(c->args[i]->range, "an `int` handed to a container of `float` (CPython keeps it an `int`; write `1.0`)");
        }
        IrExpr* e = rt(me.fn, me.sig, {boxed(at->value)});
        if (std::string_view(me.fn) == "molt_list_append") markList(e, recv);
        // `sep.join(genexp)`: CPython's join collects the items first.
        const Expr* saved_genexp = materialize_genexp_;
        if (me.receiver == TypeKind::Str && at->attr == "join" && c->args.size() == 1)
          materialize_genexp_ = c->args[0];
        for (size_t i = 0; i < nparams; ++i) {
          char kind = sig[3 + i];
          if (i < c->args.size()) {
            e->args.push_back(kind == 'n' || kind == 'i' ? convert(buildExpr(c->args[i]), Repr::Int) : boxed(c->args[i]));
          } else if (kind == 'n' || kind == 'i') {
            e->args.push_back(constInt(me.int_default));
          } else if (me.null_default) {
            e->args.push_back(m_.newExpr(IrOp::CallRt, Repr::Value));
            e->args.back()->name = "$null";
          } else {
            e->args.push_back(constNone());
          }
        }
        materialize_genexp_ = saved_genexp;
        char ret = sig[0];
        if (ret == 's') e->repr = Repr::Value;  // status -> None
        return convert(e, reprOf(result));
      }
      return failExpr(c->range, fmt::format("the method `{}` on `{}`", at->attr, types_.display(recv)));
    }
    if (types_.kind(cm_.typeOf(c->func)) == TypeKind::Callable) return callValue(c, result);
    return failExpr(c->range, "calls of computed callees");
  }
  // `super().m(args)` in a method: a direct (non-virtual) call of the base
  // class's `m` with the method's first parameter as `self`, which is what
  // CPython's zero-argument super() reads too.
  IrExpr* buildSuperCall(const CallExpr* c, const AttributeExpr* at) {
    const ClassInfo* cls = types_.get(cm_.typeOf(at->value)).cls;
    const ClassInfo* base = cls ? cls->base : nullptr;
    const FunctionInfo* m = base ? base->findMethod(at->attr) : nullptr;
    bool lifted = fn_ == &m_.main || fn_->n_params == 0 ||
                  std::any_of(lambdas_.begin(), lambdas_.end(), [&](const IrFunction& f) { return &f == fn_; });
    // `super().__init__(...)` in a user exception whose bases define no
    // __init__ of their own: BaseException.__init__ sets `args`.
    if (cls && cls->is_exception && at->attr == "__init__" && !lifted && (!m || !m->decl) &&
        fn_->locals[0].repr == Repr::Value) {
      if (!noKeywords(c)) return constNone();
      std::vector<IrExpr*> items;
      for (Expr* x : c->args) items.push_back(boxed(x));
      IrExpr* tup = rt("molt_tuple_from_array", "v:a", std::move(items));
      tup->n_array = static_cast<uint32_t>(tup->args.size());
      return rt("molt_exc_set_args", "s:vv", {load({false, 0, Repr::Value}), tup});
    }
    if (!m || !m->decl || m->is_static || m->is_classmethod || !func_index_.count(m->decl) || lifted ||
        fn_->locals[0].repr != Repr::Value)
      return failExpr(c->range, "this `super()` call");
    return buildUserCall(c, m->decl, load({false, 0, Repr::Value}));
  }

  // A call of a function object (a `Callable` value): molt_call.
  IrExpr* callValue(const CallExpr* c, TypeId result) {
    if (!noKeywords(c)) return constNone();
    // The callee unboxes a `float` parameter from whatever it is given: an
    // int argument would become a float, where CPython keeps the int.
    TypeId ft = cm_.typeOf(c->func);
    if (types_.kind(ft) == TypeKind::Callable) {
      const auto& ps = types_.get(ft).args;
      for (size_t i = 0; i < c->args.size() && i + 1 < ps.size(); ++i) {
        TypeKind ak = kindOf(c->args[i]);
        if (types_.kind(ps[i]) == TypeKind::Float && (ak == TypeKind::Int || ak == TypeKind::Bool))
          return failExpr(c->args[i]->range, "an `int` passed where the callable takes `float` (CPython keeps it an `int`; write `1.0`)");
      }
    }
    std::vector<IrExpr*> items{boxed(c->func)};
    for (Expr* x : c->args) items.push_back(boxed(x));
    IrExpr* e = rt("molt_call", "v:va", std::move(items));
    e->n_array = static_cast<uint32_t>(c->args.size());
    return convert(e, reprOf(result));
  }

  IrExpr* buildMath(std::string_view name, const CallExpr* c) {
    const char* fn = mathFunction(name);
    if (!fn || !noKeywords(c)) return failExpr(c->range, fmt::format("`math.{}`", name));
    std::string full = std::string("molt_math_") + fn;
    std::string sig = "v:" + std::string(c->args.size(), 'v');
    std::vector<IrExpr*> args;
    for (Expr* x : c->args) args.push_back(boxed(x));
    IrExpr* e = rt("", "", std::move(args));
    e->name = full;
    e->sig = sig;
    return convert(e, reprOf(cm_.typeOf(c)));
  }

  // An argument whose evaluation nothing can observe: evaluating it before or
  // after a generator's elements is the same.
  static bool quiet(const Expr* e) {
    switch (e->kind) {
      case ExprKind::Int: case ExprKind::Float: case ExprKind::Str: case ExprKind::Bool: case ExprKind::None:
      case ExprKind::Name: case ExprKind::Lambda:
        return true;
      case ExprKind::Unary: return quiet(as<UnaryExpr>(e)->operand);
      default: return false;
    }
  }
  // Values whose comparisons and hashes run no user code and cannot raise.
  bool plainScalar(TypeId t) const {
    TypeKind k = types_.kind(t);
    return k == TypeKind::Int || k == TypeKind::Float || k == TypeKind::Str || k == TypeKind::Bool;
  }

  // A generator expression that a builtin consumes whole may be built as a
  // list first when that cannot be observed: `sorted` (CPython's collects
  // its iterable first too), `list`, `tuple`, and `set`/`min`/`max` over
  // ints, floats, strs or bools (hashing and comparing those runs no user
  // code and never raises, so no element is evaluated that CPython would not
  // reach). Every other argument must be `quiet`, since CPython evaluates it
  // before the elements. `min`/`max` with `key=` stay refused: CPython calls
  // the key between elements. `sum` is a loop (buildSumGen), `any`/`all` too.
  bool consumesGenexpWhole(std::string_view name, const CallExpr* c) const {
    if (c->args.size() != 1 || c->args[0]->kind != ExprKind::GeneratorExp) return false;
    for (const Keyword& k : c->keywords)
      if (!quiet(k.value) || ((name == "min" || name == "max") && k.name == "key")) return false;
    if (name == "sorted" || name == "list" || name == "tuple") return true;
    if (name == "min" || name == "max" || name == "set") return plainScalar(iterElementType(cm_.typeOf(c->args[0])));
    return false;
  }

  // sum(genexp[, start]) as a loop, `acc = acc + element`, in CPython's
  // order and constant memory: an `int` accumulator takes the inline fast
  // path, anything else the runtime's `+`. `start` must be `quiet` (CPython
  // evaluates it after the first iterable, the loop before).
  IrExpr* buildSumGen(const CallExpr* c, TypeId result) {
    auto* g = as<ComprehensionExpr>(c->args[0]);
    const Expr* start = c->args.size() == 2 ? c->args[1] : nullptr;
    if (start && !quiet(start)) return failExpr(start->range, "a `sum` start value with side effects after a generator");
    bool int_acc = reprOf(result) == Repr::Int;
    IrTarget acc = tempTarget(int_acc ? Repr::Int : Repr::Value);
    IrExpr* blk = m_.newExpr(IrOp::Block, acc.repr);
    IrExpr* init = start ? buildExpr(start) : constInt(0);
    blk->stmts.push_back(store(acc, convert(init, acc.repr), c->range));
    std::vector<IrStmt*>* body = &blk->stmts;
    body = buildClauses(g->generators, body, c->range);
    if (!body) return constNone();
    IrExpr* next = int_acc ? buildBinary(BinOp::Add, load(acc), result, buildExpr(g->elt), cm_.typeOf(g->elt), result,
                                         c->range, false)
                           : rt("molt_add", "v:vv", {load(acc), boxed(g->elt)});
    body->push_back(store(acc, convert(next, acc.repr), c->range));
    blk->args.push_back(load(acc));
    return convert(blk, reprOf(result));
  }

  // any(genexp) / all(genexp) with one `for`: a loop that stops at the first
  // decisive element, as CPython's generator stops being resumed there.
  IrExpr* buildAnyAll(bool is_any, const ComprehensionExpr* g) {
    if (g->generators.size() != 1)
      return failExpr(g->range, "generator expressions with several `for` clauses in `any`/`all`");
    IrTarget res = tempTarget(Repr::Bool);
    IrExpr* blk = m_.newExpr(IrOp::Block, Repr::Bool);
    IrExpr* init = m_.newExpr(IrOp::ConstBool, Repr::Bool);
    init->ival = is_any ? 0 : 1;
    blk->stmts.push_back(store(res, init, g->range));
    std::vector<IrStmt*>* body = buildClauses(g->generators, &blk->stmts, g->range);
    if (!body) return constNone();
    IrStmt* hit = m_.newStmt(IrStmtKind::If);
    IrExpr* t = truthy(buildExpr(g->elt));
    if (!is_any) {
      IrExpr* n = m_.newExpr(IrOp::Not, Repr::Bool);
      n->args.push_back(t);
      t = n;
    }
    hit->value = t;
    IrExpr* decided = m_.newExpr(IrOp::ConstBool, Repr::Bool);
    decided->ival = is_any ? 1 : 0;
    hit->body.push_back(store(res, decided, g->range));
    hit->body.push_back(m_.newStmt(IrStmtKind::Break));
    body->push_back(hit);
    blk->args.push_back(load(res));
    return blk;
  }

  IrExpr* buildBuiltin(std::string_view name, const CallExpr* c, TypeId result) {
    if ((name == "any" || name == "all") && c->args.size() == 1 && c->keywords.empty() &&
        c->args[0]->kind == ExprKind::GeneratorExp)
      return convert(buildAnyAll(name == "any", as<ComprehensionExpr>(c->args[0])), reprOf(result));
    if (name == "sum" && (c->args.size() == 1 || c->args.size() == 2) && c->keywords.empty() &&
        c->args[0]->kind == ExprKind::GeneratorExp) {
      if (IrExpr* refused = floatSumWithoutFloatStart(c, result)) return refused;
      return buildSumGen(c, result);
    }
    if (consumesGenexpWhole(name, c)) {
      const Expr* saved = materialize_genexp_;
      materialize_genexp_ = c->args[0];
      IrExpr* e = buildBuiltinCall(name, c, result);
      materialize_genexp_ = saved;
      return e;
    }
    return buildBuiltinCall(name, c, result);
  }

  // sum() of floats returns its start value for an empty iterable: the int 0
  // unless a start is given. A `float` result is a double here and would
  // print `0.0` where CPython prints `0`: fail closed.
  IrExpr* floatSumWithoutFloatStart(const CallExpr* c, TypeId result) {
    if (reprOf(result) != Repr::Float) return nullptr;
    if (c->args.size() == 2 && kindOf(c->args[1]) == TypeKind::Float) return nullptr;
    const Expr* it = c->args[0];
    if ((it->kind == ExprKind::List || it->kind == ExprKind::Tuple) && !as<SequenceExpr>(it)->elts.empty())
      return nullptr;  // a non-empty display: the result is a float
    return failExpr(c->range,
                    "`sum` of floats without a float start value (for an empty iterable CPython returns the "
                    "int start, `0`; write `sum(..., 0.0)`)");
  }

  IrExpr* buildBuiltinCall(std::string_view name, const CallExpr* c, TypeId result) {
    if (name == "print") {
      IrExpr* sep = constNone();
      IrExpr* end = constNone();
      int64_t to_stderr = 0;
      for (const Keyword& k : c->keywords) {
        if (k.name == "sep") sep = boxed(k.value);
        else if (k.name == "end") end = boxed(k.value);
        else if (k.name == "flush") continue;
        else if (k.name == "file" && k.value->kind == ExprKind::Attribute &&
                 as<AttributeExpr>(k.value)->attr == "stderr")
          to_stderr = 1;
        else if (k.name == "file" && k.value->kind == ExprKind::Attribute &&
                 as<AttributeExpr>(k.value)->attr == "stdout")
          to_stderr = 0;
        else
          return failExpr(k.name_range, "this `print` argument");
      }
      std::vector<IrExpr*> items{sep, end};
      for (Expr* x : c->args) items.push_back(boxed(x));
      IrExpr* e = rt("molt_print", "v:avvw", std::move(items));
      e->n_array = static_cast<uint32_t>(c->args.size());
      e->imms.push_back(to_stderr);
      return e;
    }
    if (name == "enumerate" && c->args.size() == 1 && c->keywords.size() == 1 && c->keywords[0].name == "start")
      return rt("molt_enumerate", "v:vv", {boxed(c->args[0]), boxed(c->keywords[0].value)});
    if (name != "sorted" && name != "min" && name != "max" && !noKeywords(c)) return constNone();
    size_t n = c->args.size();
    if (name == "len" && n == 1) {
      return convert(markList(rt("molt_len", "l:v", {boxed(c->args[0])}, Repr::Int), cm_.typeOf(c->args[0])),
                     reprOf(result));
    }
    if (name == "str") {
      if (n == 0) return constStr("");
      if (n == 1) return rt("molt_str", "v:v", {boxed(c->args[0])});
    }
    if (name == "bool" && n == 1) return truthy(buildExpr(c->args[0]));
    if (name == "int" && n == 2) {
      return rtTyped("molt_int_from_str", "v:vn", {boxed(c->args[0]), convert(buildExpr(c->args[1]), Repr::Int)},
                     result);
    }
    if (name == "float" && n == 1 &&
        (kindOf(c->args[0]) == TypeKind::Float || kindOf(c->args[0]) == TypeKind::Int ||
         kindOf(c->args[0]) == TypeKind::Bool))
      return convert(buildExpr(c->args[0]), Repr::Float);
    if (name == "round") {
      if (n == 1) return rtTyped("molt_round", "v:vv", {boxed(c->args[0]), constNone()}, result);
      if (n == 2) return rtTyped("molt_round", "v:vv", {boxed(c->args[0]), boxed(c->args[1])}, result);
    }
    if ((name == "list" || name == "tuple" || name == "set" || name == "dict") && n <= 1) {
      std::string fn = "molt_" + std::string(name);
      IrExpr* e = rt("", "v:v", {n ? boxed(c->args[0]) : constNone()});
      e->name = fn;
      return e;
    }
    if (name == "isinstance" && n == 2) {
      std::vector<const Expr*> types;
      if (c->args[1]->kind == ExprKind::Tuple)
        for (Expr* x : as<SequenceExpr>(c->args[1])->elts) types.push_back(x);
      else
        types.push_back(c->args[1]);
      IrTarget v = tempTarget(Repr::Value);
      IrExpr* blk = m_.newExpr(IrOp::Block, Repr::Bool);
      blk->stmts.push_back(store(v, boxed(c->args[0]), c->range));
      IrExpr* result = nullptr;
      for (const Expr* t : types) {
        int64_t id = typeIdOf(t);
        if (id < 0) return failExpr(t->range, "`isinstance` with this type");
        IrExpr* test = rt("molt_isinstance", "b:vw", {load(v)}, Repr::Bool);
        test->imms.push_back(id);
        if (!result) {
          result = test;
        } else {
          IrExpr* o = m_.newExpr(IrOp::BoolOp, Repr::Bool);
          o->ival = 0;
          o->args = {result, test};
          result = o;
        }
      }
      blk->args.push_back(result);
      return blk;
    }
    if (name == "open" && (n == 1 || n == 2))
      return rt("molt_open", "v:vv", {boxed(c->args[0]), n == 2 ? boxed(c->args[1]) : constNone()});
    if (name == "sum" && (n == 1 || n == 2)) {
      if (IrExpr* refused = floatSumWithoutFloatStart(c, result)) return refused;
      return rtTyped("molt_sum", "v:vv", {boxed(c->args[0]), n == 2 ? boxed(c->args[1]) : constInt(0)}, result);
    }
    if (name == "enumerate" && (n == 1 || n == 2))
      return rt("molt_enumerate", "v:vv", {boxed(c->args[0]), n == 2 ? boxed(c->args[1]) : constInt(0)});
    if (name == "range" && n >= 1 && n <= 3) {
      IrExpr* start = n == 1 ? constInt(0) : boxed(c->args[0]);
      IrExpr* stop = boxed(c->args[n == 1 ? 0 : 1]);
      IrExpr* step = n == 3 ? boxed(c->args[2]) : constInt(1);
      return rt("molt_range_new", "v:vvv", {start, stop, step});
    }
    if ((name == "min" || name == "max") && n >= 1) {
      if (reprOf(result) == Repr::Float) {
        // An int argument may win and must stay an int (CPython prints `1`, not `1.0`).
        auto not_float = [&](const Expr* x) { return kindOf(x) != TypeKind::Float; };
        // One argument is an iterable: its items' static type decides.
        bool mixed = n == 1 ? types_.kind(iterElementType(cm_.typeOf(c->args[0]))) != TypeKind::Float
                            : std::any_of(c->args.begin(), c->args.end(), not_float);
        for (const Keyword& k : c->keywords)
          if (k.name == "default" && not_float(k.value)) mixed = true;
        if (mixed) return failExpr(c->range, fmt::format("`{}` mixing int and float arguments", name));
      }
      IrExpr* key = constNone();
      IrExpr* dflt = rt("$null", "v:", {});
      for (const Keyword& k : c->keywords) {
        if (k.name == "key") key = buildKey(k.value);
        else if (k.name == "default" && n == 1) dflt = boxed(k.value);
        else return failExpr(k.name_range, fmt::format("this `{}` argument", name));
      }
      std::vector<IrExpr*> items{key, dflt};
      for (Expr* x : c->args) items.push_back(boxed(x));
      IrExpr* e = rt(name == "min" ? "molt_min" : "molt_max", "v:avv", std::move(items));
      e->n_array = static_cast<uint32_t>(n);
      return convert(e, reprOf(result));
    }
    if (name == "map" && n >= 2) {
      std::vector<IrExpr*> items;
      for (Expr* x : c->args) items.push_back(boxed(x));
      IrExpr* e = rt("molt_map", "v:va", std::move(items));
      e->n_array = static_cast<uint32_t>(n - 1);
      return e;
    }
    if (name == "filter" && n == 2) return rt("molt_filter", "v:vv", {boxed(c->args[0]), boxed(c->args[1])});
    if (name == "zip" && n >= 1) {
      std::vector<IrExpr*> items;
      for (Expr* x : c->args) items.push_back(boxed(x));
      IrExpr* e = rt("molt_zip", "v:a", std::move(items));
      e->n_array = static_cast<uint32_t>(n);
      return e;
    }
    if (name == "next" && n == 1) {
      IrExpr* e = rt("molt_next", "v:vN", {boxed(c->args[0])});
      return convert(e, reprOf(result));
    }
    if (name == "sorted" && n == 1) {
      int64_t reverse = 0;
      IrExpr* key = constNone();
      for (const Keyword& k : c->keywords) {
        if (k.name == "reverse" && k.value->kind == ExprKind::Bool) reverse = as<BoolExpr>(k.value)->value;
        else if (k.name == "key") key = buildKey(k.value);
        else return failExpr(k.name_range, "this `sorted` argument");
      }
      IrExpr* e = rt("molt_sorted", "v:vvw", {boxed(c->args[0]), key});
      e->imms.push_back(reverse);
      return e;
    }
    for (const BuiltinEntry& b : kBuiltins) {
      if (name != b.name || n < static_cast<size_t>(b.min_args) || n > static_cast<size_t>(b.max_args)) continue;
      std::vector<IrExpr*> args;
      for (Expr* x : c->args) args.push_back(boxed(x));
      IrExpr* e = rt(b.fn, "", std::move(args));
      e->sig = "v:" + std::string(n, 'v');
      return convert(e, reprOf(result));
    }
    return failExpr(c->range, fmt::format("the builtin `{}` in this form", name));
  }

  // ------------------------------------------------------------ statements
  // The first return (anywhere) or break/continue (outside a nested loop) in `b`.
  static const Stmt* findJump(Block b, bool in_loop) {
    for (const Stmt* s : b) {
      switch (s->kind) {
        case StmtKind::Return: return s;
        case StmtKind::Break:
        case StmtKind::Continue:
          if (!in_loop) return s;
          break;
        case StmtKind::If: {
          auto* i = as<IfStmt>(s);
          if (const Stmt* j = findJump(i->body, in_loop)) return j;
          if (const Stmt* j = findJump(i->orelse, in_loop)) return j;
          break;
        }
        case StmtKind::While: {
          auto* w = as<WhileStmt>(s);
          if (const Stmt* j = findJump(w->body, true)) return j;
          if (const Stmt* j = findJump(w->orelse, in_loop)) return j;
          break;
        }
        case StmtKind::For: {
          auto* f = as<ForStmt>(s);
          if (const Stmt* j = findJump(f->body, true)) return j;
          if (const Stmt* j = findJump(f->orelse, in_loop)) return j;
          break;
        }
        case StmtKind::Try: {
          auto* t = as<TryStmt>(s);
          if (const Stmt* j = findJump(t->body, in_loop)) return j;
          if (const Stmt* j = findJump(t->orelse, in_loop)) return j;
          if (const Stmt* j = findJump(t->finalbody, in_loop)) return j;
          for (const ExceptHandler& h : t->handlers)
            if (const Stmt* j = findJump(h.body, in_loop)) return j;
          break;
        }
        default: break;
      }
    }
    return nullptr;
  }

  void buildBlock(Block b, std::vector<IrStmt*>& out) {
    for (Stmt* s : b) buildStmt(s, out);
  }

  // The static type of element `i` of a value of type `t` being unpacked;
  // Unknown when the checker's type says nothing more precise.
  TypeId elementType(TypeId t, size_t i) const {
    const auto& args = types_.get(t).args;
    switch (types_.kind(t)) {
      case TypeKind::Tuple: return i < args.size() ? args[i] : types_.unknown();
      case TypeKind::TupleVar: case TypeKind::List: return args.empty() ? types_.unknown() : args[0];
      default: return types_.unknown();
    }
  }

  // Whether evaluating `e` may run code that could rebind a variable or an
  // attribute. An allow-list: constants, loads, fields, conversions and
  // arithmetic cannot (no user operator methods in the subset); comparisons
  // and truth tests of boxed values can (a class's __eq__, __lt__, __bool__,
  // __len__), and so can every call except a list read or len() of a
  // receiver typed `list`.
  static bool mayRunCode(const IrExpr* e) {
    switch (e->op) {
      case IrOp::ConstInt: case IrOp::ConstBig: case IrOp::ConstFloat: case IrOp::ConstBool: case IrOp::ConstNone:
      case IrOp::ConstStr: case IrOp::LoadLocal: case IrOp::LoadGlobal: case IrOp::GetField: case IrOp::MakeFunc:
      case IrOp::Convert: case IrOp::Arith: case IrOp::Neg: case IrOp::Not: case IrOp::IfExp:
        break;
      case IrOp::Compare:
      case IrOp::ChainCompare:
        if (e->operand_repr == Repr::Value) return true;
        for (Repr r : e->reprs)
          if (r == Repr::Value) return true;
        break;
      case IrOp::Truthy:
        if (!e->args.empty() && e->args[0]->repr == Repr::Value) return true;
        break;
      case IrOp::BoolOp:
        if (e->repr == Repr::Value) return true;
        break;
      case IrOp::CallRt:
        if (!((e->name == "molt_getitem" || e->name == "molt_len") && (e->ival & 2))) return true;
        break;
      default: return true;  // user calls, constructors, blocks
    }
    for (const IrExpr* a : e->args)
      if (mayRunCode(a)) return true;
    return false;
  }
  // Whether `e` may raise without running code: a division, modulo, power
  // or shift whose right operand is not a constant that rules it out.
  static bool mayRaise(const IrExpr* e) {
    if (e->op == IrOp::Arith && e->args.size() == 2) {
      const IrExpr* rhs = e->args[1];
      while (rhs->op == IrOp::Convert && !rhs->args.empty()) rhs = rhs->args[0];
      bool nonzero = (rhs->op == IrOp::ConstInt && rhs->ival != 0) || (rhs->op == IrOp::ConstFloat && rhs->fval != 0);
      switch (e->bin_op) {
        case BinOp::Div: case BinOp::FloorDiv: case BinOp::Mod:
          if (!nonzero) return true;
          break;
        case BinOp::LShift: case BinOp::RShift:
          if (!(rhs->op == IrOp::ConstInt && rhs->ival >= 0)) return true;
          break;
        case BinOp::Pow: return true;
        default: break;
      }
    }
    for (const IrExpr* a : e->args)
      if (mayRaise(a)) return true;
    return false;
  }
  // `x[i] = v` and `o.a = v`: CPython evaluates v before the target's own
  // subexpressions, so a v that may run code (and so rebind `x`, `i` or
  // `o`), or raise (before the target's calls run), goes to a temporary
  // first.
  IrExpr* valueFirst(IrExpr* value, const Expr* target, std::vector<IrStmt*>& out, SourceRange range) {
    if (!mayRunCode(value) && !mayRaise(value)) return value;
    // A function's own variables (not cells) and constants cannot be
    // rebound by a call, so the target evaluates the same either way.
    auto stable = [&](const Expr* x) {
      IrTarget t;
      return isConstant(x) || (x->kind == ExprKind::Name && fn_scope_ && resolveVar(x, t) && !t.global && !t.cell);
    };
    if (target->kind == ExprKind::Subscript && stable(as<SubscriptExpr>(target)->value) &&
        (as<SubscriptExpr>(target)->index->kind == ExprKind::Slice || stable(as<SubscriptExpr>(target)->index)))
      return value;
    if (target->kind == ExprKind::Attribute && stable(as<AttributeExpr>(target)->value)) return value;
    return spill(value, range, out);
  }

  void assignTo(const Expr* target, IrExpr* value, std::vector<IrStmt*>& out, SourceRange range,
                TypeId value_type = 0 /* unknown */) {
    switch (target->kind) {
      case ExprKind::Name: {
        IrTarget t;
        if (!resolveVar(target, t)) {
          unsupported(target->range, "assignment to this name");
          return;
        }
        Symbol* sym = a_.names.symbolOf(target);
        out.push_back(store(t, value, range,
                            sym && sym->index < cm_.symbol_types.size() ? cm_.symbol_types[sym->index] : TypeId{}));
        return;
      }
      case ExprKind::Tuple:
      case ExprKind::List: {
        auto* s = as<SequenceExpr>(target);
        IrStmt* st = m_.newStmt(IrStmtKind::Unpack);
        st->value = convert(value, Repr::Value);
        st->range = range;
        // Plain names are unpacked into directly. Other targets (`a[i], a[j]
        // = ...`, `(x, y), z = ...`, attributes) get temporaries first, then
        // are assigned left to right, each evaluating its own subexpressions
        // then, as CPython does after UNPACK_SEQUENCE.
        bool all_names = true;
        for (Expr* x : s->elts) all_names = all_names && x->kind == ExprKind::Name;
        std::vector<std::pair<const Expr*, IrTarget>> later;
        for (size_t i = 0; i < s->elts.size(); ++i) {
          Expr* x = s->elts[i];
          IrTarget t;
          if (all_names) {
            if (!resolveVar(x, t)) {
              unsupported(x->range, "this unpacking target");
              return;
            }
            if (intIntoFloat(t, elementType(value_type, i))) return unsupported(x->range, kIntIntoFloatVar);
            st->targets.push_back(t);
            continue;
          }
          t = tempTarget(Repr::Value);
          st->targets.push_back(t);
          later.push_back({x, t});
        }
        out.push_back(st);
        // Each value keeps its static type (an `int` element stays an int,
        // so storing it into a `float` slot is still refused).
        for (size_t i = 0; i < later.size(); ++i) {
          TypeId et = elementType(value_type, i);
          assignTo(later[i].first, convert(load(later[i].second), reprOf(et)), out, later[i].first->range, et);
        }
        return;
      }
      case ExprKind::Subscript: {
        auto* s = as<SubscriptExpr>(target);
        value = valueFirst(value, target, out, range);
        IrStmt* st = m_.newStmt(IrStmtKind::Eval);
        st->range = range;
        if (s->index->kind == ExprKind::Slice) {
          std::vector<IrExpr*> args = sliceArgs(s->value, as<SliceExpr>(s->index));
          args.push_back(convert(value, Repr::Value));
          st->value = rt("molt_setslice", "s:vvvvv", std::move(args));
        } else {
          TypeId ct = cm_.typeOf(s->value);
          const auto& cargs = types_.get(ct).args;
          bool float_slot = !cargs.empty() && types_.kind(cargs.back()) == TypeKind::Float;
          if (float_slot && (value->repr == Repr::Int || value->repr == Repr::Bool)) {
            unsupported(range, "an `int` stored into a container of `float` (CPython keeps it an `int`; write `1.0`)");
            return;
          }
          bool float_keys = types_.kind(ct) == TypeKind::Dict && !cargs.empty() &&
                            types_.kind(cargs[0]) == TypeKind::Float;
          if (float_keys && (kindOf(s->index) == TypeKind::Int || kindOf(s->index) == TypeKind::Bool)) {
            unsupported(s->index->range, "an `int` key stored into a dict of `float` keys (CPython keeps it an `int`; write `2.0`)");
            return;
          }
          st->value = rt(setItemFn(ct), "s:vvv", {boxed(s->value), boxed(s->index), convert(value, Repr::Value)});
          st->value->ival = boolItems(ct) ? 1 : 0;
          markList(st->value, ct);
        }
        out.push_back(st);
        return;
      }
      case ExprKind::Attribute: {
        auto* at = as<AttributeExpr>(target);
        value = valueFirst(value, target, out, range);
        if (const ClassInfo* ec = userExceptionOf(at->value)) {
          const FieldInfo* fi = ec->findField(at->attr);
          if (!fi || at->attr == "args") {
            unsupported(target->range, "this exception attribute");
            return;
          }
          if (types_.kind(fi->type) == TypeKind::Float && (value->repr == Repr::Int || value->repr == Repr::Bool)) {
            unsupported(range, "an `int` stored where `float` is declared (CPython keeps it an `int`; write a float such as `1.0`)");
            return;
          }
          IrStmt* st = m_.newStmt(IrStmtKind::Eval);
          st->range = range;
          st->value = rt("molt_setattr", "s:vvv", {boxed(at->value), constStr(at->attr), convert(value, Repr::Value)});
          out.push_back(st);
          return;
        }
        const FieldLayout* f = fieldOf(at->value, at->attr);
        if (!f) {
          unsupported(target->range, "assignment to this attribute");
          return;
        }
        IrStmt* st = m_.newStmt(IrStmtKind::SetField);
        Repr r = reprOf(f->type);
        st->targets.push_back({false, f->offset, r});
        st->args.push_back(boxed(at->value));
        st->value = convertForStorage(value, r, range, f->type);
        st->range = range;
        out.push_back(st);
        return;
      }
      default: unsupported(target->range, "this assignment target"); return;
    }
  }

  void buildStmt(const Stmt* s, std::vector<IrStmt*>& out) {
    switch (s->kind) {
      case StmtKind::Pass: return;
      case StmtKind::Expr: {
        auto* e = as<ExprStmt>(s);
        if (e->value->kind == ExprKind::Str || e->value->kind == ExprKind::Ellipsis) return;  // docstring
        IrStmt* st = m_.newStmt(IrStmtKind::Eval);
        st->value = buildExpr(e->value);
        st->range = s->range;
        out.push_back(st);
        return;
      }
      case StmtKind::Assign: {
        auto* as_ = as<AssignStmt>(s);
        IrExpr* v = buildExpr(as_->value);
        if (as_->targets.size() == 1) {
          assignTo(as_->targets[0], v, out, s->range, cm_.typeOf(as_->value));
          return;
        }
        IrTarget tmp = tempTarget(v->repr);
        out.push_back(store(tmp, v, s->range));
        for (Expr* t : as_->targets) assignTo(t, load(tmp), out, s->range, cm_.typeOf(as_->value));
        return;
      }
      case StmtKind::AnnAssign: {
        auto* an = as<AnnAssignStmt>(s);
        if (!an->value) return;
        assignTo(an->target, buildExpr(an->value), out, s->range);
        return;
      }
      case StmtKind::AugAssign: {
        auto* au = as<AugAssignStmt>(s);
        if (au->target->kind == ExprKind::Name) {
          IrTarget t;
          if (!resolveVar(au->target, t)) {
            unsupported(au->target->range, "augmented assignment to this name");
            return;
          }
          TypeId tt = cm_.typeOf(au->target);
          IrExpr* v = buildBinary(au->op, load(t), tt, buildExpr(au->value), cm_.typeOf(au->value), tt, s->range,
                                  true);
          out.push_back(store(t, v, s->range));
          return;
        }
        if (au->target->kind == ExprKind::Subscript && as<SubscriptExpr>(au->target)->index->kind != ExprKind::Slice) {
          auto* sub = as<SubscriptExpr>(au->target);
          // The container and the key are evaluated once: into temporaries,
          // except for a function's own (non-cell) variables and int literals,
          // which nothing in the right-hand side can rebind, so reading them
          // twice is the same and saves a temporary's refcount traffic.
          auto operand = [&](const Expr* x) -> std::function<IrExpr*()> {
            IrTarget t;
            if (x->kind == ExprKind::Int || (x->kind == ExprKind::Name && fn_scope_ && resolveVar(x, t) && !t.global &&
                                             !t.cell))
              return [this, x] { return boxed(x); };
            IrTarget tmp = tempTarget(Repr::Value);
            out.push_back(store(tmp, boxed(x), s->range));
            return [this, tmp] { return load(tmp); };
          };
          auto obj = operand(sub->value);
          auto key = operand(sub->index);
          TypeId tt = cm_.typeOf(au->target);
          TypeId ct = cm_.typeOf(sub->value);
          IrExpr* cur = convert(markList(rt(getItemFn(ct), "v:vv", {obj(), key()}), ct), reprOf(tt));
          IrExpr* v = buildBinary(au->op, cur, tt, buildExpr(au->value), cm_.typeOf(au->value), tt, s->range, true);
          IrStmt* st = m_.newStmt(IrStmtKind::Eval);
          st->value = markList(rt(setItemFn(ct), "s:vvv", {obj(), key(), convert(v, Repr::Value)}), ct);
          st->range = s->range;
          out.push_back(st);
          return;
        }
        if (au->target->kind == ExprKind::Attribute) {
          auto* at = as<AttributeExpr>(au->target);
          const FieldLayout* f = fieldOf(at->value, at->attr);
          if (!f) {
            unsupported(au->target->range, "augmented assignment to this attribute");
            return;
          }
          // As for subscripts: a function's own non-cell variable is read
          // twice instead of being copied into a temporary.
          std::function<IrExpr*()> obj;
          if (IrTarget t; at->value->kind == ExprKind::Name && fn_scope_ && resolveVar(at->value, t) && !t.global &&
                          !t.cell) {
            obj = [this, at] { return boxed(at->value); };
          } else {
            IrTarget tmp = tempTarget(Repr::Value);
            out.push_back(store(tmp, boxed(at->value), s->range));
            obj = [this, tmp] { return load(tmp); };
          }
          Repr r = reprOf(f->type);
          IrExpr* cur = m_.newExpr(IrOp::GetField, r);
          cur->index = f->offset;
          cur->args.push_back(obj());
          IrExpr* v = buildBinary(au->op, cur, f->type, buildExpr(au->value), cm_.typeOf(au->value), f->type,
                                  s->range, true);
          IrStmt* st = m_.newStmt(IrStmtKind::SetField);
          st->targets.push_back({false, f->offset, r});
          st->args.push_back(obj());
          st->value = convert(v, r);
          st->range = s->range;
          out.push_back(st);
          return;
        }
        unsupported(au->target->range, "augmented assignment to this target");
        return;
      }
      case StmtKind::Return: {
        auto* r = as<ReturnStmt>(s);
        if (fn_ == &m_.main) {
          unsupported(s->range, "`return` outside a function");
          return;
        }
        IrStmt* st = m_.newStmt(IrStmtKind::Return);
        st->value = convertForStorage(r->value ? buildExpr(r->value) : constNone(), fn_->returns, s->range,
                                      cur_fn_info_ ? cur_fn_info_->returns : TypeId{});
        st->range = s->range;
        out.push_back(st);
        return;
      }
      case StmtKind::If: {
        auto* i = as<IfStmt>(s);
        IrStmt* st = m_.newStmt(IrStmtKind::If);
        st->value = truthy(buildExpr(i->test));
        st->range = s->range;
        buildBlock(i->body, st->body);
        buildBlock(i->orelse, st->orelse);
        out.push_back(st);
        return;
      }
      case StmtKind::While: {
        auto* w = as<WhileStmt>(s);
        IrStmt* st = m_.newStmt(IrStmtKind::While);
        st->value = truthy(buildExpr(w->test));
        st->range = s->range;
        buildBlock(w->body, st->body);
        buildBlock(w->orelse, st->orelse);
        out.push_back(st);
        return;
      }
      case StmtKind::For: {
        auto* f = as<ForStmt>(s);
        IrStmt* st = buildLoopHeader(f->target, f->iter, s->range);
        if (!st) return;
        buildBlock(f->body, st->body);
        buildBlock(f->orelse, st->orelse);
        out.push_back(st);
        return;
      }
      case StmtKind::Break: out.push_back(m_.newStmt(IrStmtKind::Break)); return;
      case StmtKind::Continue: out.push_back(m_.newStmt(IrStmtKind::Continue)); return;
      case StmtKind::Raise: {
        auto* r = as<RaiseStmt>(s);
        if (!r->exc) {
          if (handler_exc_.empty()) return unsupported(s->range, "bare `raise` outside an `except` handler");
          IrStmt* st = m_.newStmt(IrStmtKind::Reraise);
          st->targets.push_back(handler_exc_.back());
          st->range = s->range;
          out.push_back(st);
          return;
        }
        if (r->cause) return unsupported(r->cause->range, "`raise ... from`");
        IrExpr* exc = nullptr;
        int64_t id = -1;
        if (r->exc->kind == ExprKind::Name) id = exceptionOf(r->exc);
        if (r->exc->kind == ExprKind::Call) id = exceptionOf(as<CallExpr>(r->exc)->func);
        TypeKind ek = kindOf(r->exc);
        if (id >= 0 && r->exc->kind == ExprKind::Name) {
          // `raise Cls` calls Cls(): with a user __init__ that is a call.
          if (const Symbol* sym = a_.names.symbolOf(r->exc); sym && userExceptionInit(sym))
            return unsupported(r->exc->range, "raising an exception class with an `__init__` without calling it");
          exc = excNew(static_cast<uint32_t>(id), nullptr);
        }
        else if (id >= 0 || ek == TypeKind::Instance) exc = boxed(r->exc);  // a call or an exception value
        else return unsupported(r->exc->range, "raising this exception");
        IrStmt* st = m_.newStmt(IrStmtKind::Eval);
        st->value = rt("molt_raise", "v:v", {exc});
        st->range = s->range;
        out.push_back(st);
        return;
      }
      case StmtKind::Assert: {
        auto* a = as<AssertStmt>(s);
        IrStmt* st = m_.newStmt(IrStmtKind::If);
        IrExpr* n = m_.newExpr(IrOp::Not, Repr::Bool);
        n->args.push_back(truthy(buildExpr(a->test)));
        st->value = n;
        st->range = s->range;
        std::vector<IrExpr*> items;
        if (a->msg) items.push_back(boxed(a->msg));
        IrExpr* tup = rt("molt_tuple_from_array", "v:a", std::move(items));
        tup->n_array = static_cast<uint32_t>(tup->args.size());
        IrExpr* exc = rt("molt_exc_new", "v:wv", {tup});
        exc->imms.push_back(MOLT_EXC_ASSERTION_ERROR);
        IrStmt* raise = m_.newStmt(IrStmtKind::Eval);
        raise->value = rt("molt_raise", "v:v", {exc});
        st->body.push_back(raise);
        out.push_back(st);
        return;
      }
      case StmtKind::Import: {
        for (const Alias& al : as<ImportStmt>(s)->names)
          if (al.name != "math" && al.name != "sys" && al.name != "typing" && al.name != "molt")
            unsupported(al.range, fmt::format("importing `{}`", al.name));
        return;
      }
      case StmtKind::ImportFrom: {
        auto* im = as<ImportFromStmt>(s);
        if (im->module != "typing" && im->module != "math" && im->module != "__future__" && im->module != "molt")
          unsupported(s->range, fmt::format("importing from `{}`", im->module));
        return;
      }
      case StmtKind::Global: return;
      case StmtKind::FunctionDef: buildNestedFunction(as<FunctionDef>(s)); return;
      case StmtKind::ClassDef: unsupported(as<ClassDef>(s)->name_range, "classes not at module level"); return;
      case StmtKind::Try: {
        auto* t = as<TryStmt>(s);
        if (!t->finalbody.empty()) {
          // `finally` runs on normal exit and when an exception escapes; leaving
          // the statement by return/break/continue is not lowered yet.
          const Stmt* jump = findJump(t->body, false);
          if (!jump) jump = findJump(t->orelse, false);
          for (const ExceptHandler& h : t->handlers)
            if (!jump) jump = findJump(h.body, false);
          if (!jump) jump = findJump(t->finalbody, false);
          if (jump) return unsupported(jump->range, "`return`/`break`/`continue` out of a `try` with `finally`");
        }
        IrStmt* st = m_.newStmt(IrStmtKind::Try);
        st->range = s->range;
        buildBlock(t->body, st->body);
        buildBlock(t->orelse, st->orelse);
        for (const ExceptHandler& h : t->handlers) {
          IrHandler ih;
          std::vector<const Expr*> types;
          if (!h.type) ih.type_ids.push_back(MOLT_EXC_BASE_EXCEPTION);
          else if (h.type->kind == ExprKind::Tuple)
            for (Expr* x : as<SequenceExpr>(h.type)->elts) types.push_back(x);
          else types.push_back(h.type);
          for (const Expr* x : types) {
            int64_t id = exceptionOf(x);
            if (id < 0) return unsupported(x->range, "catching this exception type");
            ih.type_ids.push_back(static_cast<uint32_t>(id));
          }
          if (!h.name.empty()) {
            Scope* scope = fn_scope_ ? const_cast<Scope*>(fn_scope_) : a_.names.module_scope;
            auto it = scope->symbols.find(h.name);
            if (it == scope->symbols.end()) return unsupported(h.name_range, "this exception name");
            Symbol* sym = it->second;
            Repr r = reprOf(cm_.symbol_types[sym->index]);
            if (r != Repr::Value) return unsupported(h.name_range, "this exception name");
            if (sym->scope == a_.names.module_scope) {
              auto g = global_of_.find(sym);
              if (g == global_of_.end()) {
                g = global_of_.emplace(sym, static_cast<uint32_t>(m_.globals.size())).first;
                m_.globals.push_back({std::string(sym->name), r});
              }
              ih.target = {true, g->second, r};
            } else {
              auto l = local_of_.find(sym);
              if (l == local_of_.end()) {
                l = local_of_.emplace(sym, static_cast<uint32_t>(fn_->locals.size())).first;
                fn_->locals.push_back({std::string(sym->name), r});
              }
              ih.target = {false, l->second, r};
            }
            ih.has_target = true;
          }
          if (!ih.has_target) {  // keep the exception for a bare `raise`
            ih.target = tempTarget(Repr::Value);
            ih.has_target = true;
          }
          handler_exc_.push_back(ih.target);
          buildBlock(h.body, ih.body);
          handler_exc_.pop_back();
          st->handlers.push_back(std::move(ih));
        }
        buildBlock(t->finalbody, st->finalbody);
        out.push_back(st);
        return;
      }
      case StmtKind::With: {
        // with open(...) as f: body  ==  f = open(...); try: body finally: f.close()
        auto* w = as<WithStmt>(s);
        if (const Stmt* j = findJump(w->body, false))
          return unsupported(j->range, "`return`/`break`/`continue` out of a `with` block");
        std::vector<IrStmt*>* body = &out;
        for (const WithItem& item : w->items) {
          if (kindOf(item.context) != TypeKind::File)
            return unsupported(item.context->range, "`with` on anything but `open(...)`");
          IrTarget f;
          if (item.target) {
            if (item.target->kind != ExprKind::Name || !resolveVar(item.target, f))
              return unsupported(item.target->range, "this `with` target");
          } else {
            f = tempTarget(Repr::Value);
          }
          body->push_back(store(f, boxed(item.context), s->range));
          IrStmt* t = m_.newStmt(IrStmtKind::Try);
          t->range = s->range;
          IrStmt* close = m_.newStmt(IrStmtKind::Eval);
          close->value = rt("molt_file_close", "v:v", {load(f)});
          t->finalbody.push_back(close);
          body->push_back(t);
          body = &t->body;
        }
        buildBlock(w->body, *body);
        return;
      }
      case StmtKind::Nonlocal: return;  // the variable is a cell (findCells)
      case StmtKind::Delete:
        for (const Expr* t : as<DeleteStmt>(s)->targets) buildDelete(t, s->range, out);
        return;
    }
  }

  const FileAnalysis& a_;
  const CheckedModule& cm_;
  const TypeTable& types_;
  std::map<std::pair<const ClassInfo*, std::string_view>, ClassAttr> class_attr_;
  std::map<std::string, std::string_view> wit_names_;  // @molt.export: WIT name -> Python name
  const FunctionDef* cur_fd_ = nullptr;         // the function whose body is being built
  const FunctionInfo* cur_fn_info_ = nullptr;
  IrModule& m_;
  std::vector<Diagnostic>& diags_;
  bool failed_ = false;
  IrFunction* fn_ = nullptr;
  const Scope* fn_scope_ = nullptr;
  std::unordered_map<const Symbol*, uint32_t> global_of_;
  std::unordered_map<const Symbol*, uint32_t> local_of_;
  std::unordered_map<const FunctionDef*, uint32_t> func_index_;
  std::map<const ClassInfo*, uint32_t> class_index_;
  std::unordered_map<const ClassInfo*, uint32_t> exc_index_;
  std::unordered_map<const Symbol*, IrTarget> comp_var_;
  std::vector<IrTarget> handler_exc_;  // the exception of each enclosing `except` handler
  // Lambda bodies, appended to m_.functions after every other function (so
  // IrFunction pointers held while building stay valid); index =
  // lambda_base_ + position.
  std::deque<IrFunction> lambdas_;
  uint32_t lambda_base_ = 0;
  bool eager_callable_ = false;
  // The generator expression the builtin being lowered consumes whole (built as a list).
  const Expr* materialize_genexp_ = nullptr;
  // Nested functions: a name expression of each captured variable (resolved
  // at each call site), in parameter order after the declared parameters.
  std::unordered_map<const FunctionDef*, std::vector<const Expr*>> nested_caps_;
  // Variables some nested function declares `nonlocal`: they live in a cell
  // (a one-capture runtime function object) shared by reference.
  std::unordered_set<const Symbol*> cell_syms_;
  std::unordered_set<const FunctionDef*> escaping_;  // nested functions used as values (findCells)  // building a `key=` argument: called before the statement ends
  std::unordered_map<std::string, uint32_t> str_consts_;
};

}  // namespace

std::unique_ptr<IrModule> buildIr(const FileAnalysis& a, std::vector<Diagnostic>& diags) {
  auto m = std::make_unique<IrModule>();
  m->source_name = a.source ? a.source->path() : "<input>";
  if (!a.checked) return nullptr;
  Builder b(a, *m, diags);
  if (!b.run()) {
    sortDiagnostics(diags);
    return nullptr;
  }
  return m;
}

}  // namespace molt::codegen
