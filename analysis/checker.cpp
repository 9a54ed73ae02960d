// The Molt type checker (see checker.h and docs/spec/type-system.md).
//
// Phase A collects declarations: builtin exception classes, user classes
// (bases, class-body fields, class constants, method signatures, fields
// assigned through `self` in methods) and module-level function signatures.
// Phase B checks bodies in order: the module body first (so globals have
// types), then each function and method (`__init__` first in each class, so
// fields inferred from it are known to the other methods). Locals take the
// type of their first assignment; Optional values are narrowed by
// `is None`/`is not None`/`isinstance`/truthiness and early exits.
#include "checker.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <span>
#include <unordered_set>

#include "builtins.h"

namespace molt {
namespace {

constexpr TypeId kUnset = UINT32_MAX;

struct Sig {
  std::vector<ParamInfo> params;
  TypeId ret;
};

// Narrowed types of names and attribute paths ("#12.next") on the current path.
using Env = std::vector<std::pair<std::string, TypeId>>;

std::string q(std::string_view s) { return "`" + std::string(s) + "`"; }

class Checker {
 public:
  Checker(CheckedModule& m, const Module& mod, const NameResolution& names, std::string_view src,
          std::vector<Diagnostic>& diags)
      : m_(m), T(m.types), mod_(mod), names_(names), src_(src), diags_(diags) {
    m_.expr_types.assign(mod.expr_count, T.unknown());
    m_.symbol_types.assign(names.symbols.size(), kUnset);
  }

  void run() {
    for (const Stmt* s : mod_.body)
      if (s->kind == StmtKind::ImportFrom && as<ImportFromStmt>(s)->module == "__future__")
        for (const Alias& a : as<ImportFromStmt>(s)->names) future_annotations_ |= a.name == "annotations";
    makeBuiltinClasses();
    collectClasses(mod_.body, names_.module_scope);
    for (auto& [def, cls] : pending_classes_) declareClassMembers(def, cls);
    collectFunctions(mod_.body, nullptr);
    inferFieldsEarly();
    Env env;
    ctx_ = Ctx{};
    ctx_.scope = names_.module_scope;
    checkBlock(mod_.body, env);
    // Bodies of module-level functions and methods, `__init__` first per class.
    for (size_t i = 0; i < deferred_.size(); ++i) {
      auto [def, cls] = deferred_[i];
      checkFunctionBody(def, cls);
    }
  }

 private:
  CheckedModule& m_;
  TypeTable& T;
  const Module& mod_;
  const NameResolution& names_;
  std::string_view src_;
  std::vector<Diagnostic>& diags_;

  struct Ctx {
    FunctionInfo* fn = nullptr;
    const FunctionDef* def = nullptr;
    ClassInfo* cls = nullptr;       // class whose method or body we are in
    Scope* scope = nullptr;
    bool in_class_body = false;
    bool in_except = false;
  };
  Ctx ctx_;
  std::unordered_map<std::string_view, ClassInfo*> builtin_classes_;
  std::unordered_map<const char*, std::vector<Sig>> sig_cache_;
  std::vector<bool> filled_scratch_;  // bindArgs: parameters given so far
  std::vector<std::pair<const FunctionDef*, ClassInfo*>> deferred_;
  std::vector<std::pair<const ClassDef*, ClassInfo*>> pending_classes_;
  // Fields assigned through `self.x = value` without annotation, typed when
  // the assignment is first checked.
  std::unordered_map<const ClassInfo*, std::unordered_set<std::string_view>> inferred_fields_;

  // ------------------------------------------------------------ reporting
  bool muted_ = false;  // set while pre-inferring field types; the real pass reports
  bool future_annotations_ = false;
  // Byte offset at which CPython evaluates the annotation being resolved
  // (a def or class-body statement), or UINT32_MAX when it never does.
  uint32_t eval_site_ = UINT32_MAX;
  std::unordered_set<uint32_t> final_symbols_;  // symbol indexes declared Final
  void report(DiagnosticKind k, SourceRange r, std::string msg, std::vector<std::string> help = {}) {
    if (muted_) return;
    if (info(k).severity == Severity::Error && ctx_.def) m_.errors_in_function[ctx_.def]++;
    diags_.push_back(Diagnostic{k, r, std::move(msg), std::move(help), {}, {}});
  }
  std::string show(TypeId t) const { return q(T.display(t)); }
  TypeId record(const Expr* e, TypeId t) {
    if (e->id < m_.expr_types.size()) m_.expr_types[e->id] = t;
    return t;
  }

  // ------------------------------------------------------------- classes
  ClassInfo* newClass(std::string_view name) {
    m_.classes.push_back(std::make_unique<ClassInfo>());
    ClassInfo* c = m_.classes.back().get();
    c->name = name;
    return c;
  }

  void makeBuiltinClasses() {
    for (std::string_view n : builtinExceptionNames()) {
      ClassInfo* c = newClass(n);
      c->builtin = true;
      c->is_exception = true;
      builtin_classes_[n] = c;
    }
    for (std::string_view n : builtinExceptionNames()) {
      std::string_view b = builtinExceptionBase(n);
      if (!b.empty()) builtin_classes_[n]->base = builtin_classes_[b];
    }
  }

  FunctionInfo* newFunction() {
    m_.functions.push_back(std::make_unique<FunctionInfo>());
    return m_.functions.back().get();
  }

  void collectClasses(Block body, Scope* scope) {
    for (Stmt* s : body) {
      if (s->kind != StmtKind::ClassDef) {
        // Classes declared under `if`/`try` at module level still count.
        if (s->kind == StmtKind::If) {
          collectClasses(as<IfStmt>(s)->body, scope);
          collectClasses(as<IfStmt>(s)->orelse, scope);
        }
        continue;
      }
      auto* c = as<ClassDef>(s);
      ClassInfo* info = newClass(c->name);
      info->decl = c;
      m_.class_of[c] = info;
      pending_classes_.emplace_back(c, info);
      if (Symbol* sym = symbolIn(scope, c->name)) m_.symbol_types[sym->index] = T.classObj(info);
    }
  }

  Symbol* symbolIn(Scope* scope, std::string_view name) const {
    if (!scope) return nullptr;
    auto it = scope->symbols.find(name);
    return it == scope->symbols.end() ? nullptr : it->second;
  }

  const ClassInfo* classFromExpr(const Expr* e) {
    if (e->kind == ExprKind::Name) {
      Symbol* sym = names_.symbolOf(e);
      if (!sym) return nullptr;
      if (sym->kind == SymbolKind::Class && sym->def) {
        auto it = m_.class_of.find(as<ClassDef>(sym->def));
        return it == m_.class_of.end() ? nullptr : it->second;
      }
      if (sym->kind == SymbolKind::Builtin) {
        auto it = builtin_classes_.find(sym->name);
        return it == builtin_classes_.end() ? nullptr : it->second;
      }
    }
    return nullptr;
  }

  void declareClassMembers(const ClassDef* c, ClassInfo* info) {
    Ctx saved = ctx_;
    ctx_ = Ctx{};
    ctx_.scope = names_.scopeOf(c);
    ctx_.cls = info;
    // Bases: at most one class (or `object`). Extra or dynamic bases are
    // recorded for structify, which reports them.
    for (Expr* b : c->bases) {
      if (b->kind == ExprKind::Name && as<NameExpr>(b)->name == "object") continue;
      const ClassInfo* base = classFromExpr(b);
      if (!base) {
        const Symbol* bs = b->kind == ExprKind::Name ? names_.symbolOf(b) : nullptr;
        bool builtin_type = bs && bs->kind == SymbolKind::Builtin;
        m_.class_events.push_back({info, DiagnosticKind::DynamicBase, b->range,
                                   builtin_type ? "class " + q(info->name) + " cannot be structified: subclassing the builtin type " +
                                                      q(text(b)) + " is not supported by Molt"
                                                : "class " + q(info->name) + " cannot be structified: its base " + q(text(b)) +
                                                      " is not a class known at compile time"});
        continue;
      }
      if (info->base) {
        m_.class_events.push_back({info, DiagnosticKind::MultipleBases, b->range,
                                   "class " + q(info->name) + " cannot be structified: it has several base classes"});
        continue;
      }
      if (base == info || base->isSubclassOf(info)) {
        report(DiagnosticKind::UnsupportedSyntax, b->range, "class " + q(info->name) + " cannot inherit from itself");
        continue;
      }
      info->base = base;
    }
    info->is_exception = info->base && info->base->is_exception;
    for (const Keyword& k : c->keywords) {
      std::string msg = k.name == "metaclass" ? "class " + q(info->name) + " has a metaclass, which Molt cannot compile"
                                              : "class keyword " + q(k.name) + " is not supported by Molt";
      report(DiagnosticKind::Metaclass, k.name_range, msg);
      m_.class_events.push_back({info, DiagnosticKind::Metaclass, k.name_range, msg, true});
    }
    for (Expr* d : c->decorators) report(DiagnosticKind::UnsupportedSyntax, d->range, "class decorators are not supported by Molt");

    Scope* cscope = names_.scopeOf(c);
    for (Stmt* s : c->body) {
      switch (s->kind) {
        case StmtKind::AnnAssign: {
          auto* a = as<AnnAssignStmt>(s);
          if (a->target->kind != ExprKind::Name) break;
          bool is_final = false;
          eval_site_ = s->range.begin;
          TypeId t = annotationType(a->annotation, cscope, &is_final);
          eval_site_ = UINT32_MAX;
          if (is_final && t == kUnset) t = a->value ? literalType(a->value) : T.unknown();
          FieldInfo f{as<NameExpr>(a->target)->name, t == kUnset ? T.unknown() : t, a->target->range, true,
                      is_final || false};
          info->fields.push_back(f);
          break;
        }
        case StmtKind::Assign: {
          auto* a = as<AssignStmt>(s);
          for (Expr* t : a->targets) {
            if (t->kind != ExprKind::Name) continue;
            FieldInfo f{as<NameExpr>(t)->name, literalType(a->value), t->range, true, true};
            info->fields.push_back(f);
          }
          break;
        }
        case StmtKind::FunctionDef: {
          auto* fd = as<FunctionDef>(s);
          FunctionInfo* fn = declareFunction(fd, info, cscope);
          auto existing = info->methods.find(fd->name);
          if (existing != info->methods.end() && existing->second->is_property && fn->is_property) break;  // setter
          info->methods[fd->name] = fn;
          break;
        }
        case StmtKind::Pass:
        case StmtKind::Expr:  // docstrings and `...`
          break;
        default:
          break;  // checked as class-body statements in phase B
      }
    }
    // Fields assigned through self in methods (declared with annotation or inferred later).
    for (Stmt* s : c->body)
      if (s->kind == StmtKind::FunctionDef) scanSelfFields(as<FunctionDef>(s)->body, as<FunctionDef>(s), info);
    // Methods: `__init__` first so that inferred fields get their types early.
    std::vector<const FunctionDef*> methods;
    for (Stmt* s : c->body)
      if (s->kind == StmtKind::FunctionDef) methods.push_back(as<FunctionDef>(s));
    std::stable_partition(methods.begin(), methods.end(), [](const FunctionDef* f) { return f->name == "__init__"; });
    for (const FunctionDef* f : methods) deferred_.emplace_back(f, info);
    ctx_ = saved;
  }

  std::string_view selfName(const FunctionDef* f) const {
    if (f->params.empty()) return {};
    for (Expr* d : f->decorators)
      if (d->kind == ExprKind::Name && as<NameExpr>(d)->name == "staticmethod") return {};
    return f->params[0].name;
  }

  void scanSelfFields(Block body, const FunctionDef* f, ClassInfo* info) {
    std::string_view self = selfName(f);
    if (self.empty()) return;
    auto visitTarget = [&](Expr* t, Expr* annotation) {
      if (t->kind != ExprKind::Attribute) return;
      auto* a = as<AttributeExpr>(t);
      if (a->value->kind != ExprKind::Name || as<NameExpr>(a->value)->name != self) return;
      if (info->findField(a->attr) || info->findMethod(a->attr)) return;
      TypeId type = T.unknown();
      if (annotation) {
        TypeId at = annotationType(annotation, names_.scopeOf(f), nullptr);
        type = at == kUnset ? T.unknown() : at;
      } else {
        inferred_fields_[info].insert(a->attr);
        type = kUnset;
      }
      info->fields.push_back(FieldInfo{a->attr, type == kUnset ? T.unknown() : type, t->range, false, false, annotation != nullptr});
      if (type == kUnset) pending_field_types_[{info, a->attr}] = true;
    };
    for (Stmt* s : body) {
      switch (s->kind) {
        case StmtKind::Assign:
          for (Expr* t : as<AssignStmt>(s)->targets) {
            if (t->kind == ExprKind::Tuple || t->kind == ExprKind::List) {
              for (Expr* e : as<SequenceExpr>(t)->elts) visitTarget(e, nullptr);
            } else {
              visitTarget(t, nullptr);
            }
          }
          break;
        case StmtKind::AnnAssign: visitTarget(as<AnnAssignStmt>(s)->target, as<AnnAssignStmt>(s)->annotation); break;
        case StmtKind::If: scanSelfFields(as<IfStmt>(s)->body, f, info); scanSelfFields(as<IfStmt>(s)->orelse, f, info); break;
        case StmtKind::For: scanSelfFields(as<ForStmt>(s)->body, f, info); break;
        case StmtKind::While: scanSelfFields(as<WhileStmt>(s)->body, f, info); break;
        case StmtKind::With: scanSelfFields(as<WithStmt>(s)->body, f, info); break;
        case StmtKind::Try: {
          auto* t = as<TryStmt>(s);
          scanSelfFields(t->body, f, info);
          for (auto& h : t->handlers) scanSelfFields(h.body, f, info);
          scanSelfFields(t->orelse, f, info);
          scanSelfFields(t->finalbody, f, info);
          break;
        }
        default: break;
      }
    }
  }
  std::map<std::pair<const ClassInfo*, std::string_view>, bool> pending_field_types_;

  // Types fields assigned through `self` from their methods before the module
  // body runs, so that uses anywhere see the class's own view of its fields.
  void inferFieldsEarly() {
    muted_ = true;
    for (auto [def, cls] : deferred_) {
      if (!cls) continue;
      auto fit = m_.function_of.find(def);
      if (fit == m_.function_of.end()) continue;
      FunctionInfo* fn = fit->second;
      Scope* scope = names_.scopeOf(def);
      if (!scope || !fn->has_self) continue;
      size_t pi = 0;
      for (size_t i = 0; i < def->params.size(); ++i) {
        Symbol* sym = symbolIn(scope, def->params[i].name);
        if (!sym) continue;
        if (i == 0) m_.symbol_types[sym->index] = fn->is_classmethod ? T.classObj(cls) : T.instance(cls);
        else if (pi < fn->params.size()) m_.symbol_types[sym->index] = fn->params[pi++].type;
      }
      Ctx saved = ctx_;
      ctx_ = Ctx{};
      ctx_.fn = fn;
      ctx_.cls = cls;
      ctx_.scope = scope;
      std::string_view self = def->params.empty() ? std::string_view{} : def->params[0].name;
      for (Stmt* s : def->body) {
        if (s->kind != StmtKind::Assign) continue;
        auto* a = as<AssignStmt>(s);
        if (a->targets.size() != 1 || a->targets[0]->kind != ExprKind::Attribute) continue;
        auto* t = as<AttributeExpr>(a->targets[0]);
        if (t->value->kind != ExprKind::Name || as<NameExpr>(t->value)->name != self) continue;
        auto pending = pending_field_types_.find({cls, t->attr});
        if (pending == pending_field_types_.end() || isEmptyContainer(a->value)) continue;
        Env env;
        TypeId v = check(a->value, env);
        if (T.containsUnknown(v) || T.kind(v) == TypeKind::None) continue;
        if (FieldInfo* f = mutableField(cls, t->attr)) f->type = v;
        pending_field_types_.erase(pending);
      }
      ctx_ = saved;
    }
    // Locals typed during the pre-pass are re-inferred by the real pass.
    for (auto [def, cls] : deferred_) {
      if (Scope* scope = names_.scopeOf(def))
        for (auto& [name, sym] : scope->symbols)
          if (sym->kind == SymbolKind::Variable) m_.symbol_types[sym->index] = kUnset;
    }
    muted_ = false;
  }

  FieldInfo* mutableField(const ClassInfo* c, std::string_view name) {
    for (const ClassInfo* k = c; k; k = k->base)
      for (auto& f : const_cast<ClassInfo*>(k)->fields)
        if (f.name == name) return &f;
    return nullptr;
  }

  // The type of a class-constant or Final value, from its literal form.
  TypeId literalType(const Expr* e) {
    switch (e->kind) {
      case ExprKind::Int: return T.integer();
      case ExprKind::Float: return T.floating();
      case ExprKind::Str: case ExprKind::FString: return T.str();
      case ExprKind::Bytes: return T.bytes();
      case ExprKind::Bool: return T.boolean();
      case ExprKind::None: return T.none();
      case ExprKind::Unary: return literalType(as<UnaryExpr>(e)->operand);
      case ExprKind::Tuple: {
        std::vector<TypeId> elts;
        for (Expr* x : as<SequenceExpr>(e)->elts) elts.push_back(literalType(x));
        return T.tuple(std::move(elts));
      }
      default: {
        Env env;
        return check(const_cast<Expr*>(e), env);
      }
    }
  }

  // ----------------------------------------------------------- functions
  bool hasDecorator(const FunctionDef* f, std::string_view name) const {
    for (Expr* d : f->decorators) {
      if (d->kind == ExprKind::Name && as<NameExpr>(d)->name == name) return true;
      if (d->kind == ExprKind::Attribute && as<AttributeExpr>(d)->attr == name) return true;  // @x.setter
    }
    return false;
  }

  // `@molt.export` (import molt) or `@export` (from molt import export).
  bool isMoltExport(const Expr* d) const {
    if (d->kind == ExprKind::Attribute) {
      auto* a = as<AttributeExpr>(d);
      const Symbol* m = a->value->kind == ExprKind::Name ? names_.symbolOf(a->value) : nullptr;
      return a->attr == "export" && m && m->kind == SymbolKind::Module && m->module == "molt";
    }
    const Symbol* s = d->kind == ExprKind::Name ? names_.symbolOf(d) : nullptr;
    return s && s->kind == SymbolKind::ImportedName && s->module == "molt" && s->imported == "export";
  }

  // An export crosses the wasm boundary through the component model's
  // canonical ABI: only scalars and strings have a lowering here.
  bool exportableType(TypeId t, bool result) const {
    switch (T.kind(t)) {
      case TypeKind::Int: case TypeKind::Float: case TypeKind::Bool: case TypeKind::Str: case TypeKind::Unknown: return true;
      case TypeKind::None: return result;
      default: return false;
    }
  }

  void checkExport(const FunctionDef* f, FunctionInfo* fn, const Expr* d, Scope* scope) {
    if (fn->owner || scope != names_.module_scope) {
      report(DiagnosticKind::InvalidExport, d->range, "only module-level functions can be exported; " + q(f->name) + " is not one");
      return;
    }
    // Names the module itself exports (WASI, the canonical ABI).
    if (f->name == "_start" || f->name == "_initialize" || f->name == "memory" || f->name.starts_with("cabi_"))
      report(DiagnosticKind::InvalidExport, f->name_range,
             q(f->name) + " is an export name the wasm module itself uses", {"rename the function"});
    for (size_t i = 0; i < fn->params.size(); ++i) {
      const Param& p = f->params[i];
      if (p.keyword_only || !exportableType(fn->params[i].type, false))
        report(DiagnosticKind::InvalidExport, p.range,
               "parameter " + q(p.name) + " of exported " + q(f->name) +
                   (p.keyword_only ? " is keyword-only" : " has type " + q(T.display(fn->params[i].type))),
               {"exported functions take positional `int`, `float`, `bool` and `str` parameters"});
    }
    if (!exportableType(fn->returns, true))
      report(DiagnosticKind::InvalidExport, f->returns ? f->returns->range : f->name_range,
             "exported " + q(f->name) + " returns " + q(T.display(fn->returns)),
             {"exported functions return `int`, `float`, `bool`, `str` or `None`"});
  }

  FunctionInfo* declareFunction(const FunctionDef* f, ClassInfo* owner, Scope* scope) {
    FunctionInfo* fn = newFunction();
    fn->name = f->name;
    fn->decl = f;
    fn->owner = owner;
    m_.function_of[f] = fn;
    const Expr* export_decorator = nullptr;
    for (Expr* d : f->decorators) {
      bool ok = false;
      if (isMoltExport(d)) {
        if (export_decorator)
          report(DiagnosticKind::InvalidExport, d->range, q(f->name) + " is exported twice");
        export_decorator = d;
        fn->is_export = true;
        continue;
      }
      if (d->kind == ExprKind::Name) {
        std::string_view n = as<NameExpr>(d)->name;
        ok = owner && (n == "staticmethod" || n == "classmethod" || n == "property");
      } else if (d->kind == ExprKind::Attribute) {
        ok = owner && as<AttributeExpr>(d)->attr == "setter";
      }
      if (!ok) report(DiagnosticKind::UnsupportedSyntax, d->range, "decorator " + q(text(d)) + " is not supported by Molt");
    }
    fn->is_static = hasDecorator(f, "staticmethod");
    fn->is_classmethod = hasDecorator(f, "classmethod");
    fn->is_property = hasDecorator(f, "property") || hasDecorator(f, "setter");
    size_t first = 0;
    if (owner && !fn->is_static) {
      if (f->params.empty()) {
        report(DiagnosticKind::WrongArgumentCount, f->name_range,
               "method " + q(f->name) + " needs a `self` parameter");
      } else {
        fn->has_self = true;
        first = 1;
      }
    }
    Ctx saved = ctx_;
    ctx_.def = f;
    uint32_t saved_site = eval_site_;
    eval_site_ = f->range.begin;
    for (size_t i = first; i < f->params.size(); ++i) {
      const Param& p = f->params[i];
      ParamInfo pi{p.name, T.unknown(), p.default_value != nullptr, p.keyword_only, false};
      if (p.annotation) {
        TypeId t = annotationType(p.annotation, scope, nullptr);
        pi.type = t == kUnset ? T.unknown() : t;
      } else {
        report(DiagnosticKind::MissingAnnotation, p.range,
               "parameter " + q(p.name) + " of " + q(f->name) + " has no type annotation",
               {"Molt compiles typed signatures: annotate the parameter (`molt doctor` can infer it from call sites)"});
      }
      fn->params.push_back(pi);
    }
    if (f->returns) {
      TypeId t = annotationType(f->returns, scope, nullptr);
      fn->returns = t == kUnset ? T.unknown() : t;
    } else if (f->name == "__init__" && owner) {
      fn->returns = T.none();
    } else {
      fn->returns = T.unknown();
      fn->return_inferred = true;
      report(DiagnosticKind::MissingAnnotation, f->name_range, "function " + q(f->name) + " has no return type annotation",
             {"annotate the return type (`-> None` for a procedure; `molt doctor` can infer it)"});
    }
    eval_site_ = saved_site;
    ctx_ = saved;
    if (export_decorator) checkExport(f, fn, export_decorator, scope);
    return fn;
  }

  void collectFunctions(Block body, ClassInfo* owner) {
    for (Stmt* s : body) {
      if (s->kind == StmtKind::FunctionDef) {
        auto* f = as<FunctionDef>(s);
        FunctionInfo* fn = declareFunction(f, nullptr, names_.module_scope);
        if (Symbol* sym = symbolIn(names_.module_scope, f->name)) m_.symbol_types[sym->index] = functionType(fn);
        deferred_.emplace_back(f, nullptr);
      } else if (s->kind == StmtKind::If) {
        collectFunctions(as<IfStmt>(s)->body, owner);
        collectFunctions(as<IfStmt>(s)->orelse, owner);
      }
    }
  }

  TypeId functionType(const FunctionInfo* fn) { return T.callable(std::span<const ParamInfo>(fn->params), fn->returns); }

  std::string_view text(const Expr* e) const { return src_.substr(e->range.begin, e->range.end - e->range.begin); }

#include "checker_annotations.inc"
#include "checker_statements.inc"
#include "checker_expressions.inc"
#include "checker_calls.inc"
};

}  // namespace

std::unique_ptr<CheckedModule> checkModule(const Module& module, const NameResolution& names, std::string_view source,
                                           std::vector<Diagnostic>& diags) {
  auto m = std::make_unique<CheckedModule>();
  Checker c(*m, module, names, source, diags);
  c.run();
  return m;
}

}  // namespace molt
