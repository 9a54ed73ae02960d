// Name resolution in two passes over the AST: the first creates every scope
// and binds every name (Python decides a name's scope by where it is bound,
// anywhere in the block); the second resolves each NameExpr.
#include "names.h"

#include "builtins.h"

namespace molt {
namespace {

class Resolver {
 public:
  Resolver(NameResolution& r, std::vector<Diagnostic>& diags, uint32_t expr_count) : r_(r), diags_(diags) {
    r_.resolved.assign(expr_count, nullptr);
    r_.builtins = newScope(ScopeKind::Builtins, nullptr, nullptr);
    r_.module_scope = newScope(ScopeKind::Module, r_.builtins, nullptr);
  }

  void run(const Module& m) {
    bind_ = true;
    block(m.body, r_.module_scope);
    bind_ = false;
    block(m.body, r_.module_scope);
  }

 private:
  NameResolution& r_;
  std::vector<Diagnostic>& diags_;
  bool bind_ = true;  // pass 1 binds, pass 2 resolves

  Scope* newScope(ScopeKind k, Scope* parent, const void* node) {
    r_.scopes.push_back(std::make_unique<Scope>());
    Scope* s = r_.scopes.back().get();
    s->kind = k;
    s->parent = parent;
    s->node = node;
    if (node) r_.scope_of[node] = s;
    return s;
  }

  Scope* scopeFor(ScopeKind k, Scope* parent, const void* node) {
    if (bind_) return newScope(k, parent, node);
    return r_.scopeOf(node);
  }

  Scope* moduleScope() { return r_.module_scope; }

  Symbol* define(Scope* s, std::string_view name, SymbolKind kind, SourceRange range, const Stmt* def = nullptr) {
    // `global x` / `nonlocal x` redirect the binding.
    auto d = s->declared.find(name);
    if (d != s->declared.end()) {
      if (d->second) s = moduleScope();
      else if (Symbol* outer = lookupEnclosing(s->parent, name)) return outer;
    }
    auto it = s->symbols.find(name);
    if (it != s->symbols.end()) {
      // A later def/class of the same name keeps the first binding's range.
      if (def && !it->second->def) {
        it->second->def = def;
        it->second->kind = kind;
      }
      return it->second;
    }
    Symbol* sym = r_.symbol_arena->make<Symbol>();
    r_.symbols.push_back(sym);
    sym->name = name;
    sym->kind = kind;
    sym->scope = s;
    sym->range = range;
    sym->def = def;
    sym->index = static_cast<uint32_t>(r_.symbols.size() - 1);
    s->symbols.emplace(name, sym);
    return sym;
  }

  Symbol* builtin(std::string_view name) {
    auto it = r_.builtins->symbols.find(name);
    if (it != r_.builtins->symbols.end()) return it->second;
    if (!isBuiltinName(name)) return nullptr;
    return define(r_.builtins, name, SymbolKind::Builtin, {});
  }

  // Function scopes enclosing `s` (for nonlocal), skipping class scopes.
  Symbol* lookupEnclosing(Scope* s, std::string_view name) {
    for (; s && s->kind != ScopeKind::Module && s->kind != ScopeKind::Builtins; s = s->parent) {
      if (s->kind == ScopeKind::Class) continue;
      auto it = s->symbols.find(name);
      if (it != s->symbols.end()) return it->second;
    }
    return nullptr;
  }

  Symbol* lookup(Scope* s, std::string_view name) {
    auto d = s->declared.find(name);
    if (d != s->declared.end()) {
      if (d->second) {
        auto it = moduleScope()->symbols.find(name);
        return it != moduleScope()->symbols.end() ? it->second : builtin(name);
      }
      return lookupEnclosing(s->parent, name);
    }
    for (Scope* cur = s; cur; cur = cur->parent) {
      if (cur != s && cur->kind == ScopeKind::Class) continue;  // class bodies do not enclose methods
      if (cur->kind == ScopeKind::Builtins) return builtin(name);
      auto it = cur->symbols.find(name);
      if (it != cur->symbols.end()) return it->second;
    }
    return nullptr;
  }

  void diag(DiagnosticKind k, SourceRange r, std::string msg) {
    diags_.push_back(Diagnostic{k, r, std::move(msg), {}, {}, {}});
  }

  // ---------------------------------------------------------- statements
  void block(Block b, Scope* s) {
    for (Stmt* st : b) stmt(st, s);
  }

  void target(Expr* e, Scope* s) {
    switch (e->kind) {
      case ExprKind::Name: {
        auto* n = as<NameExpr>(e);
        if (n->name == "<error>") return;
        if (bind_) define(s, n->name, SymbolKind::Variable, n->range);
        else r_.resolved[e->id] = lookup(s, n->name);
        return;
      }
      case ExprKind::Tuple:
      case ExprKind::List:
        for (Expr* x : as<SequenceExpr>(e)->elts) target(x, s);
        return;
      default:
        expr(e, s);  // attribute / subscript targets load their operands
        return;
    }
  }

  void stmt(Stmt* st, Scope* s) {
    switch (st->kind) {
      case StmtKind::Expr: expr(as<ExprStmt>(st)->value, s); return;
      case StmtKind::Assign: {
        auto* a = as<AssignStmt>(st);
        expr(a->value, s);
        for (Expr* t : a->targets) target(t, s);
        return;
      }
      case StmtKind::AnnAssign: {
        auto* a = as<AnnAssignStmt>(st);
        annotation(a->annotation, s);
        if (a->value) expr(a->value, s);
        target(a->target, s);
        return;
      }
      case StmtKind::AugAssign: {
        auto* a = as<AugAssignStmt>(st);
        expr(a->value, s);
        target(a->target, s);
        return;
      }
      case StmtKind::Return:
        if (auto* v = as<ReturnStmt>(st)->value) expr(v, s);
        return;
      case StmtKind::If: {
        auto* i = as<IfStmt>(st);
        expr(i->test, s);
        block(i->body, s);
        block(i->orelse, s);
        return;
      }
      case StmtKind::While: {
        auto* w = as<WhileStmt>(st);
        expr(w->test, s);
        block(w->body, s);
        block(w->orelse, s);
        return;
      }
      case StmtKind::For: {
        auto* f = as<ForStmt>(st);
        expr(f->iter, s);
        target(f->target, s);
        block(f->body, s);
        block(f->orelse, s);
        return;
      }
      case StmtKind::Break:
      case StmtKind::Continue:
      case StmtKind::Pass: return;
      case StmtKind::Raise: {
        auto* r = as<RaiseStmt>(st);
        if (r->exc) expr(r->exc, s);
        if (r->cause) expr(r->cause, s);
        return;
      }
      case StmtKind::Try: {
        auto* t = as<TryStmt>(st);
        block(t->body, s);
        for (auto& h : t->handlers) {
          if (h.type) expr(h.type, s);
          if (!h.name.empty() && bind_) define(s, h.name, SymbolKind::Variable, h.name_range);
          block(h.body, s);
        }
        block(t->orelse, s);
        block(t->finalbody, s);
        return;
      }
      case StmtKind::With: {
        auto* w = as<WithStmt>(st);
        for (auto& item : w->items) {
          expr(item.context, s);
          if (item.target) target(item.target, s);
        }
        block(w->body, s);
        return;
      }
      case StmtKind::Assert: {
        auto* a = as<AssertStmt>(st);
        expr(a->test, s);
        if (a->msg) expr(a->msg, s);
        return;
      }
      case StmtKind::FunctionDef: return function(as<FunctionDef>(st), s);
      case StmtKind::ClassDef: return classDef(as<ClassDef>(st), s);
      case StmtKind::Import: {
        if (!bind_) return;
        for (const Alias& a : as<ImportStmt>(st)->names) {
          checkModule(a.name, a.range);
          std::string_view bound = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
          Symbol* sym = define(s, bound, SymbolKind::Module, a.range, st);
          sym->module = a.asname.empty() ? bound : a.name;
        }
        return;
      }
      case StmtKind::ImportFrom: {
        if (!bind_) return;
        auto* f = as<ImportFromStmt>(st);
        if (f->level > 0) {
          diag(DiagnosticKind::UnknownImport, f->range, "relative imports are not supported by Molt yet");
          for (const Alias& a : f->names) define(s, a.asname.empty() ? a.name : a.asname, SymbolKind::ImportedName, a.range, st);
          return;
        }
        bool known = checkModule(f->module, f->range);
        for (const Alias& a : f->names) {
          if (known && !moduleHasMember(f->module, a.name))
            diag(DiagnosticKind::UnknownImport, a.range,
                 "`" + std::string(f->module) + "." + std::string(a.name) + "` is not supported by Molt");
          Symbol* sym = define(s, a.asname.empty() ? a.name : a.asname, SymbolKind::ImportedName, a.range, st);
          sym->module = f->module;
          sym->imported = a.name;
        }
        return;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        if (!bind_) return;
        bool global = st->kind == StmtKind::Global;
        for (const Identifier& id : as<NameListStmt>(st)->names) {
          if (s->kind == ScopeKind::Module) continue;  // `global x` at module level is a no-op
          s->declared[id.name] = global;
          if (!global && !lookupEnclosing(s->parent, id.name))
            diags_.push_back(Diagnostic{DiagnosticKind::SyntaxError, id.range,
                                        "no binding for nonlocal `" + std::string(id.name) + "` found", {}, {}, {}});
        }
        return;
      }
      case StmtKind::Delete:
        for (Expr* t : as<DeleteStmt>(st)->targets) target(t, s);
        return;
    }
  }

  // Returns whether the module is known (so its members can be checked).
  bool checkModule(std::string_view module, SourceRange range) {
    switch (classifyModule(module)) {
      case ModuleKind::Known: return true;
      case ModuleKind::Dynamic:
        diag(DiagnosticKind::DynamicImport, range,
             "`" + std::string(module) + "` imports modules at run time, which Molt cannot compile");
        return false;
      case ModuleKind::Unknown:
        diag(DiagnosticKind::UnknownImport, range,
             "module `" + std::string(module) + "` is not supported by Molt (known: typing, math, sys)");
        return false;
    }
    return false;
  }

  void annotation(Expr* e, Scope* s) {
    // String annotations are forward references resolved by the checker.
    if (e->kind == ExprKind::Str) return;
    expr(e, s);
  }

  void params(std::span<Param> ps, Scope* outer, Scope* inner) {
    for (const Param& p : ps) {
      if (p.annotation) annotation(p.annotation, outer);
      if (p.default_value) expr(p.default_value, outer);
      if (bind_) define(inner, p.name, SymbolKind::Parameter, p.range);
    }
  }

  void function(FunctionDef* f, Scope* s) {
    for (Expr* d : f->decorators) expr(d, s);
    if (bind_) define(s, f->name, SymbolKind::Function, f->name_range, f);
    if (f->returns) annotation(f->returns, s);
    Scope* inner = scopeFor(ScopeKind::Function, s, f);
    params(f->params, s, inner);
    if (bind_) prescanDeclarations(f->body, inner);
    block(f->body, inner);
  }

  // `global`/`nonlocal` must be known before the bindings they redirect.
  void prescanDeclarations(Block b, Scope* s) {
    for (Stmt* st : b) {
      switch (st->kind) {
        case StmtKind::Global:
        case StmtKind::Nonlocal:
          for (const Identifier& id : as<NameListStmt>(st)->names) s->declared[id.name] = st->kind == StmtKind::Global;
          break;
        case StmtKind::If: prescanDeclarations(as<IfStmt>(st)->body, s); prescanDeclarations(as<IfStmt>(st)->orelse, s); break;
        case StmtKind::While: prescanDeclarations(as<WhileStmt>(st)->body, s); break;
        case StmtKind::For: prescanDeclarations(as<ForStmt>(st)->body, s); break;
        case StmtKind::With: prescanDeclarations(as<WithStmt>(st)->body, s); break;
        case StmtKind::Try: {
          auto* t = as<TryStmt>(st);
          prescanDeclarations(t->body, s);
          for (auto& h : t->handlers) prescanDeclarations(h.body, s);
          prescanDeclarations(t->orelse, s);
          prescanDeclarations(t->finalbody, s);
          break;
        }
        default: break;
      }
    }
  }

  void classDef(ClassDef* c, Scope* s) {
    for (Expr* d : c->decorators) expr(d, s);
    for (Expr* b : c->bases) expr(b, s);
    for (const Keyword& k : c->keywords) expr(k.value, s);
    if (bind_) define(s, c->name, SymbolKind::Class, c->name_range, c);
    Scope* inner = scopeFor(ScopeKind::Class, s, c);
    block(c->body, inner);
  }

  // --------------------------------------------------------- expressions
  void expr(Expr* e, Scope* s) {
    if (!e) return;
    switch (e->kind) {
      case ExprKind::Name: {
        if (bind_) return;
        auto* n = as<NameExpr>(e);
        if (n->name == "<error>") return;
        Symbol* sym = lookup(s, n->name);
        r_.resolved[e->id] = sym;
        if (!sym) diag(DiagnosticKind::UndefinedName, e->range, "name `" + std::string(n->name) + "` is not defined");
        return;
      }
      case ExprKind::Int: case ExprKind::Float: case ExprKind::Str: case ExprKind::Bytes: case ExprKind::Bool:
      case ExprKind::None: case ExprKind::Ellipsis:
        return;
      case ExprKind::FString:
        for (const FStringPart& p : as<FStringExpr>(e)->parts) fstringPart(p, s);
        return;
      case ExprKind::List: case ExprKind::Tuple: case ExprKind::Set:
        for (Expr* x : as<SequenceExpr>(e)->elts) expr(x, s);
        return;
      case ExprKind::Dict: {
        auto* d = as<DictExpr>(e);
        for (size_t i = 0; i < d->keys.size(); ++i) {
          expr(d->keys[i], s);
          expr(d->values[i], s);
        }
        return;
      }
      case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::DictComp: case ExprKind::GeneratorExp: {
        auto* c = as<ComprehensionExpr>(e);
        Scope* inner = scopeFor(ScopeKind::Comprehension, s, c);
        for (size_t i = 0; i < c->generators.size(); ++i) {
          const Comprehension& g = c->generators[i];
          expr(g.iter, i == 0 ? s : inner);  // the first iterable is evaluated outside
          target(g.target, inner);
          for (Expr* cond : g.ifs) expr(cond, inner);
        }
        expr(c->elt, inner);
        expr(c->value, inner);
        return;
      }
      case ExprKind::Attribute: expr(as<AttributeExpr>(e)->value, s); return;
      case ExprKind::Subscript:
        expr(as<SubscriptExpr>(e)->value, s);
        expr(as<SubscriptExpr>(e)->index, s);
        return;
      case ExprKind::Slice: {
        auto* sl = as<SliceExpr>(e);
        expr(sl->lower, s);
        expr(sl->upper, s);
        expr(sl->step, s);
        return;
      }
      case ExprKind::Call: {
        auto* c = as<CallExpr>(e);
        expr(c->func, s);
        for (Expr* a : c->args) expr(a, s);
        for (const Keyword& k : c->keywords) expr(k.value, s);
        return;
      }
      case ExprKind::Unary: expr(as<UnaryExpr>(e)->operand, s); return;
      case ExprKind::Binary:
        expr(as<BinaryExpr>(e)->lhs, s);
        expr(as<BinaryExpr>(e)->rhs, s);
        return;
      case ExprKind::BoolOp:
        expr(as<BoolOpExpr>(e)->lhs, s);
        expr(as<BoolOpExpr>(e)->rhs, s);
        return;
      case ExprKind::Compare:
        for (Expr* x : as<CompareExpr>(e)->operands) expr(x, s);
        return;
      case ExprKind::IfExp: {
        auto* i = as<IfExpr>(e);
        expr(i->test, s);
        expr(i->body, s);
        expr(i->orelse, s);
        return;
      }
      case ExprKind::Lambda: {
        auto* l = as<LambdaExpr>(e);
        Scope* inner = scopeFor(ScopeKind::Lambda, s, l);
        params(l->params, s, inner);
        expr(l->body, inner);
        return;
      }
    }
  }

  void fstringPart(const FStringPart& p, Scope* s) {
    if (p.expr) expr(p.expr, s);
    for (const FStringPart& q : p.spec) fstringPart(q, s);
  }
};

}  // namespace

NameResolution resolveNames(const Module& module, std::vector<Diagnostic>& diags) {
  NameResolution r;
  Resolver resolver(r, diags, module.expr_count);
  resolver.run(module);
  return r;
}

}  // namespace molt
