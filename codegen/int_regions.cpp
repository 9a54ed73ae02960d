// findIntRegions: see int_regions.h.
#include "codegen/int_regions.h"

#include <set>

namespace molt::codegen {
namespace {

struct Scan {
  const IrFunction& f;
  const std::vector<bool>& always_inline;
  std::vector<bool> excluded;  // locals that must stay boxed everywhere

  Scan(const IrFunction& fn, const std::vector<bool>& inl)
      : f(fn), always_inline(inl), excluded(fn.locals.size(), false) {
    for (size_t i = 0; i < f.locals.size(); ++i)
      if (f.locals[i].repr != Repr::Int) excluded[i] = true;
  }

  void exclude(const IrTarget& t) {
    if (!t.global && t.index < excluded.size()) excluded[t.index] = true;
  }
  // Writes that are not a whole statement of their own (unpacking,
  // handler targets, comprehension variables, cells) keep a local boxed: the
  // speculative copy can only be left between statements.
  void excludeExpr(const IrExpr* e) {
    if (!e) return;
    if (e->op == IrOp::LoadLocal && e->ival == 1 && e->index < excluded.size()) excluded[e->index] = true;
    if (e->op == IrOp::CallRt && e->name == "$cellify" && !e->imms.empty()) {
      auto k = static_cast<size_t>(e->imms[0]);
      if (k < excluded.size()) excluded[k] = true;
    }
    for (const IrExpr* a : e->args) excludeExpr(a);
    for (const IrStmt* st : e->stmts) excludeStmt(st, /*in_expr=*/true);
  }
  // A statement's own targets may stay raw when it is a plain assignment or
  // a range loop; inside an expression (in_expr) every target stays boxed.
  void excludeStmt(const IrStmt* s, bool in_expr = false) {
    bool plain = !in_expr && (s->kind == IrStmtKind::Store || s->kind == IrStmtKind::ForRange);
    for (const IrTarget& t : s->targets)
      if (t.cell || !plain) exclude(t);
    for (const IrHandler& h : s->handlers) {
      if (h.has_target) exclude(h.target);
      for (const IrStmt* st : h.body) excludeStmt(st, in_expr);
    }
    excludeExpr(s->value);
    for (const IrExpr* a : s->args) excludeExpr(a);
    for (const auto* list : {&s->body, &s->orelse, &s->finalbody})
      for (const IrStmt* st : *list) excludeStmt(st, in_expr);
  }

  // A region is lowered twice, and some of LLVM's wasm passes take time
  // quadratic in a function's size: a larger loop is not a region itself,
  // its inner loops can be (that is where the time goes anyway).
  static constexpr size_t kMaxRegionStmts = 64;

  // `for i in range(4)`: a few iterations do not repay a second copy of the
  // loop (which can also keep its function from being inlined).
  static bool shortCountedLoop(const IrStmt* s) {
    if (s->kind != IrStmtKind::ForRange) return false;
    for (const IrExpr* a : s->args)
      if (a->op != IrOp::ConstInt) return false;
    int64_t start = s->args[0]->ival, stop = s->args[1]->ival, step = s->args[2]->ival;
    if (step == 0) return false;
    int64_t trips = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
    return trips <= 16;
  }

  // A call of a user function that is not inlined everywhere anyway: its
  // second call site would cost LLVM's inliner the bonus for inlining a
  // function's only call, and a loop spending its time in calls gains little
  // from raw ints.
  bool callsOut(const IrExpr* e) const {
    if (!e) return false;
    if (e->op == IrOp::Construct || e->op == IrOp::MakeFunc) return true;
    if (e->op == IrOp::CallUser) {
      if (!e->imms.empty() || e->index >= always_inline.size() || !always_inline[e->index]) return true;
    }
    for (const IrExpr* a : e->args)
      if (callsOut(a)) return true;
    for (const IrStmt* st : e->stmts)
      if (callsOut(st)) return true;
    return false;
  }
  bool callsOut(const IrStmt* s) const {
    if (callsOut(s->value)) return true;
    for (const IrExpr* a : s->args)
      if (callsOut(a)) return true;
    for (const auto* list : {&s->body, &s->orelse, &s->finalbody})
      for (const IrStmt* st : *list)
        if (callsOut(st)) return true;
    for (const IrHandler& h : s->handlers)
      for (const IrStmt* st : h.body)
        if (callsOut(st)) return true;
    return false;
  }

  bool specialisable(const IrStmt* s) const {
    if (s->kind == IrStmtKind::ForIter || s->kind == IrStmtKind::Try || s->kind == IrStmtKind::Reraise) return false;
    if (callsOut(s->value)) return false;
    for (const IrExpr* a : s->args)
      if (callsOut(a)) return false;
    // (A comprehension's loops, inside an expression, are lowered the
    // ordinary way in both copies.)
    for (const auto* list : {&s->body, &s->orelse, &s->finalbody})
      for (const IrStmt* st : *list)
        if (!specialisable(st)) return false;
    return true;
  }

  void used(const IrExpr* e, std::set<uint32_t>& out) const {
    if (!e) return;
    if (e->op == IrOp::LoadLocal && e->ival == 0) out.insert(e->index);
    for (const IrExpr* a : e->args) used(a, out);
    for (const IrStmt* st : e->stmts) used(st, out);
  }
  void used(const IrStmt* s, std::set<uint32_t>& out) const {
    for (const IrTarget& t : s->targets)
      if (!t.global) out.insert(t.index);
    used(s->value, out);
    for (const IrExpr* a : s->args) used(a, out);
    for (const auto* list : {&s->body, &s->orelse, &s->finalbody})
      for (const IrStmt* st : *list) used(st, out);
  }

  static void rangeTargets(const IrStmt* s, std::set<uint32_t>& out) {
    if (s->kind == IrStmtKind::ForRange)
      for (const IrTarget& t : s->targets)
        if (!t.global) out.insert(t.index);
    for (const auto* list : {&s->body, &s->orelse, &s->finalbody})
      for (const IrStmt* st : *list) rangeTargets(st, out);
  }

  void find(const std::vector<IrStmt*>& body, std::vector<IntRegion>& out) const {
    for (const IrStmt* s : body) {
      bool loop = (s->kind == IrStmtKind::While || s->kind == IrStmtKind::ForRange) && !shortCountedLoop(s) &&
                  1 + countStmts(s->body) + countStmts(s->orelse) <= kMaxRegionStmts;
      if (loop && specialisable(s)) {
        std::set<uint32_t> locals;
        used(s, locals);
        std::set<uint32_t> counters;
        rangeTargets(s, counters);
        IntRegion r{s, {}, {}};
        for (uint32_t i : locals)
          if (i < excluded.size() && !excluded[i]) {
            r.locals.push_back(i);
            if (counters.count(i)) r.counters.push_back(i);
          }
        if (!r.locals.empty()) {
          out.push_back(std::move(r));
          continue;
        }
      }
      find(s->body, out);
      find(s->orelse, out);
      find(s->finalbody, out);
      for (const IrHandler& h : s->handlers) find(h.body, out);
    }
  }
};

}  // namespace

std::vector<IntRegion> findIntRegions(const IrFunction& f, const std::vector<bool>& always_inline) {
  Scan scan(f, always_inline);
  for (const IrStmt* s : f.body) scan.excludeStmt(s);
  std::vector<IntRegion> out;
  scan.find(f.body, out);
  return out;
}

}  // namespace molt::codegen
