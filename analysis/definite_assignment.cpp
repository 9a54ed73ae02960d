// Definite assignment over the structured control flow of the AST.
//
// For each function (and for module-level code) the pass walks the body in
// execution order with a State: the locals that are definitely bound and
// those that may be bound. Branches join by intersecting the first and
// uniting the second; `return`, `raise`, `break`, `continue` and `sys.exit()`
// make the rest of the block unreachable (the state joins as the identity).
// A read of a tracked name that is not definitely bound is reported once;
// from there on the name counts as bound, so one mistake is one diagnostic.
//
// Tracked names: the locals of the scope being walked (variables, nested
// defs and classes, local imports; parameters are bound on entry). Reads in
// nested functions and lambdas happen later and are not checked here;
// comprehensions and class bodies run in place, so their reads are. At
// module level a name some function assigns through `global` is not
// tracked: whether that function ran first is not known statically.
#include "definite_assignment.h"

#include "ast_walk.h"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

namespace molt {
namespace {

// One bit per tracked-symbol slot, kept inline for scopes of up to 128
// locals. States are copied at every branch and loop; as vector<bool> that
// was two allocations per copy, a sixth of a whole file's analysis time.
class SlotBits {
 public:
  class Ref {
   public:
    Ref(SlotBits& b, size_t i) : b_(b), i_(i) {}
    Ref& operator=(bool v) {
      uint64_t m = uint64_t{1} << (i_ % 64);
      uint64_t& w = b_.word(i_ / 64);
      w = v ? (w | m) : (w & ~m);
      return *this;
    }
    Ref& operator=(const Ref& o) { return *this = static_cast<bool>(o); }
    operator bool() const { return static_cast<const SlotBits&>(b_)[i_]; }

   private:
    SlotBits& b_;
    size_t i_;
  };

  void assign(size_t n, bool v) {
    n_ = n;
    size_t words = (n + 63) / 64;
    if (words > kInline) heap_.assign(words, v ? ~uint64_t{0} : 0);
    else heap_.clear();
    small_[0] = small_[1] = v ? ~uint64_t{0} : 0;
  }
  [[nodiscard]] size_t size() const { return n_; }
  bool operator[](size_t i) const { return (word(i / 64) >> (i % 64)) & 1; }
  Ref operator[](size_t i) { return Ref(*this, i); }

 private:
  static constexpr size_t kInline = 2;
  uint64_t& word(size_t w) { return heap_.empty() ? small_[w] : heap_[w]; }
  [[nodiscard]] uint64_t word(size_t w) const { return heap_.empty() ? small_[w] : heap_[w]; }

  size_t n_ = 0;
  uint64_t small_[kInline] = {0, 0};
  std::vector<uint64_t> heap_;  // only past kInline words
};

struct State {
  bool reachable = true;
  SlotBits definite;  // by tracked-symbol slot
  SlotBits maybe;
};

State join(const State& a, const State& b) {
  if (!a.reachable) return b;
  if (!b.reachable) return a;
  State r = a;
  for (size_t i = 0; i < r.definite.size(); ++i) {
    r.definite[i] = a.definite[i] && b.definite[i];
    r.maybe[i] = a.maybe[i] || b.maybe[i];
  }
  return r;
}

State unreachable(size_t n) {
  State s;
  s.reachable = false;
  s.definite.assign(n, true);
  s.maybe.assign(n, true);
  return s;
}

// Calls `fn` with each block nested directly in `s` by control flow (if,
// while, for, try, with; not function or class bodies).
template <typename Fn>
void forEachInnerBlock(const Stmt* s, Fn&& fn) {
  switch (s->kind) {
    case StmtKind::If: fn(as<IfStmt>(s)->body); fn(as<IfStmt>(s)->orelse); break;
    case StmtKind::While: fn(as<WhileStmt>(s)->body); fn(as<WhileStmt>(s)->orelse); break;
    case StmtKind::For: fn(as<ForStmt>(s)->body); fn(as<ForStmt>(s)->orelse); break;
    case StmtKind::Try: {
      auto* t = as<TryStmt>(s);
      fn(t->body);
      for (const ExceptHandler& h : t->handlers) fn(h.body);
      fn(t->orelse);
      fn(t->finalbody);
      break;
    }
    case StmtKind::With: fn(as<WithStmt>(s)->body); break;
    default: break;
  }
}

// The names `del` unbinds anywhere in `b` (nested blocks too, not nested
// functions or classes).
void collectDeleted(Block b, const NameResolution& names, std::vector<const Symbol*>& out) {
  for (const Stmt* s : b) {
    if (s->kind == StmtKind::Delete)
      for (const Expr* t : as<DeleteStmt>(s)->targets)
        if (t->kind == ExprKind::Name)
          if (const Symbol* sym = names.symbolOf(t)) out.push_back(sym);
    forEachInnerBlock(s, [&](Block inner) { collectDeleted(inner, names, out); });
  }
}

class ScopeWalker {
 public:
  ScopeWalker(const NameResolution& names, const Scope* scope, std::vector<Diagnostic>& diags,
              const std::unordered_set<std::string_view>* untracked)
      : names_(names), scope_(scope), diags_(diags) {
    std::vector<const Symbol*> tracked;
    for (const auto& [name, sym] : scope->symbols) {
      if (sym->scope != scope || (untracked && untracked->count(name))) continue;
      switch (sym->kind) {
        case SymbolKind::Variable: case SymbolKind::Parameter: case SymbolKind::Function: case SymbolKind::Class:
        case SymbolKind::Module: case SymbolKind::ImportedName:
          tracked.push_back(sym);
          break;
        default: break;
      }
    }
    // Slots by Symbol::index - base_: a scope's symbols are numbered close
    // together, so a dense table is small (a hash map here cost a node per
    // local in every function).
    slots_ = tracked.size();
    if (tracked.empty()) return;
    uint32_t lo = tracked[0]->index, hi = lo;
    for (const Symbol* t : tracked) lo = std::min(lo, t->index), hi = std::max(hi, t->index);
    base_ = lo;
    slot_of_.assign(hi - lo + 1, -1);
    for (size_t k = 0; k < tracked.size(); ++k) slot_of_[tracked[k]->index - lo] = static_cast<int32_t>(k);
  }

  void walkFunction(const FunctionDef* f) {
    State s = entry();
    for (const Param& p : f->params) bindName(p.name, s);
    block(f->body, s);
  }

  void walkModule(Block body) {
    State s = entry();
    block(body, s);
  }

 private:
  struct Loop {
    State breaks;
    State continues;
  };

  State entry() const {
    State s;
    s.definite.assign(slots_, false);
    s.maybe.assign(slots_, false);
    return s;
  }

  int slotOf(const Symbol* sym) const {
    if (!sym || sym->index < base_ || sym->index - base_ >= slot_of_.size()) return -1;
    return slot_of_[sym->index - base_];
  }

  void bindName(std::string_view name, State& s) {
    auto it = scope_->symbols.find(name);
    if (it == scope_->symbols.end()) return;
    int k = slotOf(it->second);
    if (k >= 0 && s.reachable) s.definite[k] = s.maybe[k] = true;
  }

  void unbindName(const Symbol* sym, State& s) {
    int k = slotOf(sym);
    if (k >= 0 && s.reachable) s.definite[k] = s.maybe[k] = false;
  }

  void read(const NameExpr* e, State& s) {
    const Symbol* sym = names_.symbolOf(e);
    int k = sym ? slotOf(sym) : -1;
    if (k < 0 || !s.reachable || s.definite[k]) return;
    {
      std::string what = scope_->kind == ScopeKind::Module ? "name" : "local variable";
      std::string msg = s.maybe[k] ? fmt::format("{} `{}` might be unbound here: it is not assigned on every path to this line", what, e->name)
                                   : fmt::format("{} `{}` is used before it is assigned", what, e->name);
      diags_.push_back(Diagnostic{DiagnosticKind::PossiblyUnbound, e->range, std::move(msg),
                                  {scope_->kind == ScopeKind::Module
                                       ? "CPython raises NameError here; assign the name first on every path"
                                       : "CPython raises UnboundLocalError here; assign a value first on every path "
                                         "(e.g. before the `if`, loop or `try`)"},
                                  {{sym->range, fmt::format("`{}` is assigned here", e->name)}},
                                  {}});
    }
    s.definite[k] = s.maybe[k] = true;  // one diagnostic per mistake
  }

  // ------------------------------------------------------------ expressions
  // Reads in evaluation order. `and`/`or` and conditional expressions cannot
  // bind names (no walrus in the subset), so their branches are checked with
  // the same state; comprehension variables live in their own scope (not
  // tracked) while reads of this scope's names inside them happen now.
  void expr(const Expr* e, State& s) {
    forEachSubExprPruned(e, [&](const Expr* x) {
      switch (x->kind) {
        case ExprKind::Name: read(as<NameExpr>(x), s); return false;
        case ExprKind::Lambda:  // the body runs later; the defaults now
          for (const Param& p : as<LambdaExpr>(x)->params) expr(p.default_value, s);
          return false;
        case ExprKind::Call: {  // the callee and arguments first, then the call
          auto* c = as<CallExpr>(x);
          expr(c->func, s);
          for (const Expr* a : c->args) expr(a, s);
          for (const Keyword& k : c->keywords) expr(k.value, s);
          callNested(c, s);
          return false;
        }
        default: return true;
      }
    });
  }


  // Calling a nested function runs its body now: the variables of this
  // scope it reads (its free variables, through further nesting too) must
  // be bound at the call, or CPython raises NameError.
  void callNested(const CallExpr* c, State& s) {
    if (c->func->kind != ExprKind::Name || !s.reachable) return;
    const Symbol* fsym = names_.symbolOf(c->func);
    if (!fsym || fsym->kind != SymbolKind::Function || fsym->scope != scope_ || !fsym->def ||
        fsym->def->kind != StmtKind::FunctionDef)
      return;
    auto* def = as<FunctionDef>(fsym->def);
    auto [it, fresh] = free_reads_.try_emplace(def);
    if (fresh) {
      std::unordered_set<const Symbol*> seen;
      forEachExpr(def->body, [&](const Expr* x) {
        if (x->kind != ExprKind::Name) return;
        const Symbol* sym = names_.symbolOf(x);
        if (sym && slotOf(sym) >= 0 && sym != fsym && seen.insert(sym).second) it->second.push_back(as<NameExpr>(x));
      });
    }
    for (const NameExpr* n : it->second) {
      const Symbol* sym = names_.symbolOf(n);
      int k = slotOf(sym);
      if (k < 0 || s.definite[k]) continue;
      diags_.push_back(Diagnostic{
          DiagnosticKind::PossiblyUnbound, c->func->range,
          fmt::format("`{}()` reads `{}`, which {} when it is called here", def->name, n->name,
                      s.maybe[k] ? "might be unbound" : "is not assigned yet"),
          {"CPython raises NameError in the nested function; assign the variable before this call"},
          {{n->range, fmt::format("`{}` read by `{}`", n->name, def->name)}, {sym->range, fmt::format("`{}` is assigned here", n->name)}},
          {}});
      s.definite[k] = s.maybe[k] = true;
    }
  }

  // Binds the names an assignment target binds; reads what it reads.
  void target(const Expr* t, State& s) {
    if (!t) return;
    switch (t->kind) {
      case ExprKind::Name: {
        const Symbol* sym = names_.symbolOf(t);
        int k = sym ? slotOf(sym) : -1;
        if (k >= 0 && s.reachable) s.definite[k] = s.maybe[k] = true;
        return;
      }
      case ExprKind::List: case ExprKind::Tuple:
        for (const Expr* x : as<SequenceExpr>(t)->elts) target(x, s);
        return;
      default: expr(t, s); return;  // a.x = ..., a[i] = ...: reads a (and i)
    }
  }

  // ------------------------------------------------------------- statements
  void block(Block b, State& s) {
    for (const Stmt* st : b) stmt(st, s);
  }

  bool isExitCall(const Expr* e) const {
    if (!e || e->kind != ExprKind::Call) return false;
    const Expr* f = as<CallExpr>(e)->func;
    if (f->kind == ExprKind::Attribute) {
      auto* a = as<AttributeExpr>(f);
      const Symbol* m = a->value->kind == ExprKind::Name ? names_.symbolOf(a->value) : nullptr;
      return a->attr == "exit" && m && m->kind == SymbolKind::Module && m->module == "sys";
    }
    if (f->kind == ExprKind::Name) {
      const Symbol* sym = names_.symbolOf(f);
      if (!sym) return false;
      if (sym->kind == SymbolKind::ImportedName) return sym->module == "sys" && sym->imported == "exit";
      return sym->kind == SymbolKind::Builtin && (sym->name == "exit" || sym->name == "quit");
    }
    return false;
  }

  static bool alwaysTrue(const Expr* e) {
    if (e->kind == ExprKind::Bool) return as<BoolExpr>(e)->value;
    if (e->kind == ExprKind::Int) return as<IntExpr>(e)->fits_i64 && as<IntExpr>(e)->value != 0;
    return false;
  }

  void stmt(const Stmt* st, State& s) {
    switch (st->kind) {
      case StmtKind::Expr:
        expr(as<ExprStmt>(st)->value, s);
        if (isExitCall(as<ExprStmt>(st)->value)) s = unreachable(slots_);
        return;
      case StmtKind::Assign: {
        auto* a = as<AssignStmt>(st);
        expr(a->value, s);
        for (const Expr* t : a->targets) target(t, s);
        return;
      }
      case StmtKind::AnnAssign: {
        // `x: int` alone binds nothing; the annotation's names are the
        // checker's business (undefined-name).
        auto* a = as<AnnAssignStmt>(st);
        if (!a->value) {
          if (a->target->kind != ExprKind::Name) expr(a->target, s);
          return;
        }
        expr(a->value, s);
        target(a->target, s);
        return;
      }
      case StmtKind::AugAssign: {
        auto* a = as<AugAssignStmt>(st);
        expr(a->target, s);  // x += 1 reads x first
        expr(a->value, s);
        target(a->target, s);
        return;
      }
      case StmtKind::Return:
        expr(as<ReturnStmt>(st)->value, s);
        s = unreachable(slots_);
        return;
      case StmtKind::Raise:
        expr(as<RaiseStmt>(st)->exc, s);
        expr(as<RaiseStmt>(st)->cause, s);
        s = unreachable(slots_);
        return;
      case StmtKind::Break:
        if (!loops_.empty()) loops_.back().breaks = join(loops_.back().breaks, s);
        s = unreachable(slots_);
        return;
      case StmtKind::Continue:
        if (!loops_.empty()) loops_.back().continues = join(loops_.back().continues, s);
        s = unreachable(slots_);
        return;
      case StmtKind::If: {
        auto* i = as<IfStmt>(st);
        expr(i->test, s);
        State other = s;
        block(i->body, s);
        block(i->orelse, other);
        s = join(s, other);
        return;
      }
      case StmtKind::While: {
        auto* w = as<WhileStmt>(st);
        State head = loopHead(w->body, s);
        expr(w->test, head);
        LoopResult loop = runLoop(w->body, head);
        // Leaving through the test: from the head (the body may run zero
        // times) or after any iteration (which binds at least as much).
        State exit = alwaysTrue(w->test) ? unreachable(slots_) : afterIterations(s, loop);
        block(w->orelse, exit);
        s = join(exit, loop.breaks);
        return;
      }
      case StmtKind::For: {
        auto* f = as<ForStmt>(st);
        expr(f->iter, s);
        State head = loopHead(f->body, s);
        State body = head;
        target(f->target, body);
        LoopResult loop = runLoop(f->body, body);
        State exit = afterIterations(s, loop);
        block(f->orelse, exit);
        s = join(exit, loop.breaks);
        return;
      }
      case StmtKind::Try: tryStmt(as<TryStmt>(st), s); return;
      case StmtKind::With: {
        auto* w = as<WithStmt>(st);
        for (const WithItem& item : w->items) {
          expr(item.context, s);
          target(item.target, s);
        }
        block(w->body, s);
        return;
      }
      case StmtKind::Assert: {
        auto* a = as<AssertStmt>(st);
        expr(a->test, s);
        State failing = s;
        expr(a->msg, failing);
        return;
      }
      case StmtKind::FunctionDef: {
        auto* f = as<FunctionDef>(st);
        for (const Expr* d : f->decorators) expr(d, s);
        for (const Param& p : f->params) expr(p.default_value, s);
        bindName(f->name, s);
        return;
      }
      case StmtKind::ClassDef: {
        auto* c = as<ClassDef>(st);
        for (const Expr* d : c->decorators) expr(d, s);
        for (const Expr* b : c->bases) expr(b, s);
        for (const Keyword& k : c->keywords) expr(k.value, s);
        // The class body runs now; its own bindings are the class scope's.
        State body = s;
        block(c->body, body);
        bindName(c->name, s);
        return;
      }
      case StmtKind::Import:
        for (const Alias& a : as<ImportStmt>(st)->names) {
          std::string_view bound = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
          bindName(bound, s);
        }
        return;
      case StmtKind::ImportFrom:
        for (const Alias& a : as<ImportFromStmt>(st)->names) bindName(a.asname.empty() ? a.name : a.asname, s);
        return;
      case StmtKind::Delete:
        for (const Expr* t : as<DeleteStmt>(st)->targets) {
          if (t->kind == ExprKind::Name) {
            read(as<NameExpr>(t), s);
            if (const Symbol* sym = names_.symbolOf(t)) unbindName(sym, s);
          } else {
            expr(t, s);
          }
        }
        return;
      default: return;  // Pass, Global, Nonlocal
    }
  }

  // The state at the top of every iteration. Only `del` can unbind a name,
  // so the first iteration's entry state holds for all, except that a name
  // the body deletes may be unbound when the next iteration starts. (Linear:
  // no fixed point over nested loops.)
  State loopHead(Block body, const State& before) {
    State head = before;
    unbindDeleted(body, head);
    // What the body binds may be bound on a later iteration (the back edge):
    // a read before its binding then "might be unbound", not "never assigned".
    if (head.reachable) {
      std::vector<const Symbol*> bound;
      forEachStmt(body, [&](const Stmt* st) {
        auto mark = [&](const Expr* t) {
          if (t) forEachSubExpr(t, [&](const Expr* x) {
              if (x->kind == ExprKind::Name)
                if (const Symbol* sym = names_.symbolOf(x)) bound.push_back(sym);
            });
        };
        switch (st->kind) {
          case StmtKind::Assign: for (const Expr* t : as<AssignStmt>(st)->targets) mark(t); break;
          case StmtKind::AnnAssign: if (as<AnnAssignStmt>(st)->value) mark(as<AnnAssignStmt>(st)->target); break;
          case StmtKind::AugAssign: mark(as<AugAssignStmt>(st)->target); break;
          case StmtKind::For: mark(as<ForStmt>(st)->target); break;
          case StmtKind::With: for (const WithItem& w : as<WithStmt>(st)->items) mark(w.target); break;
          case StmtKind::FunctionDef: case StmtKind::ClassDef: bindMaybe(st, head); break;
          default: break;
        }
      });
      for (const Symbol* sym : bound)
        if (int k = slotOf(sym); k >= 0) head.maybe[k] = true;
    }
    return head;
  }

  // Names `b` deletes (at any depth) become possibly unbound in `s`.
  void unbindDeleted(Block b, State& s) {
    if (!s.reachable) return;
    std::vector<const Symbol*> deleted;
    collectDeleted(b, names_, deleted);
    for (const Symbol* sym : deleted) {
      int k = slotOf(sym);
      if (k < 0) continue;
      s.maybe[k] = s.maybe[k] || s.definite[k];
      s.definite[k] = false;
    }
  }

  void bindMaybe(const Stmt* st, State& s) {
    std::string_view name = st->kind == StmtKind::FunctionDef ? as<FunctionDef>(st)->name : as<ClassDef>(st)->name;
    auto it = scope_->symbols.find(name);
    if (it == scope_->symbols.end()) return;
    if (int k = slotOf(it->second); k >= 0) s.maybe[k] = true;
  }

  struct LoopResult : Loop {
    State end;
  };

  // Leaving a loop normally: after zero iterations (the state before the
  // loop) or after the last one (the end of the body, or a `continue`).
  static State afterIterations(const State& before, const LoopResult& l) {
    return join(before, join(l.end, l.continues));
  }

  LoopResult runLoop(Block body, State s) {
    loops_.push_back(Loop{unreachable(slots_), unreachable(slots_)});
    block(body, s);
    LoopResult r;
    static_cast<Loop&>(r) = std::move(loops_.back());
    r.end = std::move(s);
    loops_.pop_back();
    return r;
  }

  void tryStmt(const TryStmt* t, State& s) {
    State before = s;
    State body = s;
    block(t->body, body);
    // An exception can leave the body after any prefix of it ran: a handler
    // starts from what was bound before the `try` (minus anything the body
    // may have deleted, which its end state shows).
    State handler_entry = body.reachable ? join(before, body) : before;
    for (size_t i = 0; i < handler_entry.definite.size(); ++i) handler_entry.maybe[i] = handler_entry.maybe[i] || body.maybe[i];
    // The end state misses a `del` followed by a raise (the end is then
    // unreachable) or by a new binding: any name the body deletes may be
    // unbound when a handler starts.
    unbindDeleted(t->body, handler_entry);
    State after = body;
    block(t->orelse, after);
    for (const ExceptHandler& h : t->handlers) {
      State hs = handler_entry;
      expr(h.type, hs);
      if (!h.name.empty()) bindName(h.name, hs);
      block(h.body, hs);
      // CPython deletes the `as` name when the handler ends.
      if (!h.name.empty()) {
        auto it = scope_->symbols.find(h.name);
        if (it != scope_->symbols.end()) unbindName(it->second, hs);
      }
      after = join(after, hs);
    }
    if (!t->finalbody.empty()) {
      // `finally` also runs while an exception or a jump leaves the try,
      // from any point of the body, the `else` or a handler: a name any of
      // them deletes may be unbound there.
      State fin = join(after, handler_entry);
      unbindDeleted(t->orelse, fin);
      for (const ExceptHandler& h : t->handlers) unbindDeleted(h.body, fin);
      block(t->finalbody, fin);
      if (!fin.reachable) {
        after = fin;
      } else if (after.reachable) {
        for (size_t i = 0; i < after.definite.size(); ++i) {
          after.definite[i] = after.definite[i] || fin.definite[i];
          after.maybe[i] = after.maybe[i] || fin.maybe[i];
        }
      }
    }
    s = after;
  }

  const NameResolution& names_;
  const Scope* scope_;
  std::vector<Diagnostic>& diags_;
  std::vector<int32_t> slot_of_;  // by Symbol::index - base_: slot or -1
  uint32_t base_ = 0;
  size_t slots_ = 0;
  std::vector<Loop> loops_;
  std::unordered_map<const FunctionDef*, std::vector<const NameExpr*>> free_reads_;
};

// Names some function binds with `global`: module-level code cannot know
// whether that function ran before a read.
void collectGlobalBindings(Block b, std::unordered_set<std::string_view>& out) {
  for (const Stmt* s : b) {
    if (s->kind == StmtKind::Global)
      for (const Identifier& id : as<NameListStmt>(s)->names) out.insert(id.name);
    else if (s->kind == StmtKind::FunctionDef)
      collectGlobalBindings(as<FunctionDef>(s)->body, out);
    else if (s->kind == StmtKind::ClassDef)
      collectGlobalBindings(as<ClassDef>(s)->body, out);
    forEachInnerBlock(s, [&](Block inner) { collectGlobalBindings(inner, out); });
  }
}

void walkFunctions(Block b, const NameResolution& names, std::vector<Diagnostic>& diags) {
  for (const Stmt* s : b) {
    if (s->kind == StmtKind::FunctionDef) {
      auto* f = as<FunctionDef>(s);
      if (const Scope* sc = names.scopeOf(f)) ScopeWalker(names, sc, diags, nullptr).walkFunction(f);
      walkFunctions(f->body, names, diags);
    } else if (s->kind == StmtKind::ClassDef) {
      walkFunctions(as<ClassDef>(s)->body, names, diags);
    }
    forEachInnerBlock(s, [&](Block inner) { walkFunctions(inner, names, diags); });
  }
}

}  // namespace

void checkDefiniteAssignment(const Module& module, const NameResolution& names, std::vector<Diagnostic>& diags) {
  if (!names.module_scope) return;
  std::unordered_set<std::string_view> global_bindings;
  collectGlobalBindings(module.body, global_bindings);
  ScopeWalker(names, names.module_scope, diags, &global_bindings).walkModule(module.body);
  walkFunctions(module.body, names, diags);
}

}  // namespace molt
