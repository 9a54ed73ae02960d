// See scev_fold.h for why.
#include "codegen/scev_fold.h"

#include "codegen/function_analyses.h"
#include "codegen/with_overflow.h"

#include <llvm/IR/ConstantRange.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/IntrinsicInst.h>

namespace molt::codegen {
namespace {

// The values v can take: scalar evolution's range, narrowed through up to
// `depth` levels of + - * << >> & | (scalar evolution keeps an affine counter's
// range but gives up on a product of two counters, `(i + j) * (i + j + 1)`).
// The ConstantRange operations model wrapping, so the result is sound for
// any flags.
llvm::ConstantRange rangeOf(llvm::Value* v, llvm::ScalarEvolution& se, int depth) {
  llvm::ConstantRange r = se.getSignedRange(se.getSCEV(v));
  auto* op = llvm::dyn_cast<llvm::BinaryOperator>(v);
  if (!op || depth == 0) return r;
  llvm::ConstantRange a = rangeOf(op->getOperand(0), se, depth - 1);
  llvm::ConstantRange b = rangeOf(op->getOperand(1), se, depth - 1);
  switch (op->getOpcode()) {
    case llvm::Instruction::Add: return r.intersectWith(a.add(b));
    case llvm::Instruction::Sub: return r.intersectWith(a.sub(b));
    case llvm::Instruction::Mul: return r.intersectWith(a.multiply(b));
    case llvm::Instruction::Shl: return r.intersectWith(a.shl(b));
    case llvm::Instruction::AShr: return r.intersectWith(a.ashr(b));
    case llvm::Instruction::LShr: return r.intersectWith(a.lshr(b));
    case llvm::Instruction::And: return r.intersectWith(a.binaryAnd(b));
    case llvm::Instruction::Or: return r.intersectWith(a.binaryOr(b));
    default: return r;
  }
}

constexpr int kDepth = 4;

// Whether the signed operation can overflow on operands in a and b.
bool mayOverflow(llvm::Instruction::BinaryOps op, const llvm::ConstantRange& a, const llvm::ConstantRange& b) {
  using O = llvm::ConstantRange::OverflowResult;
  if (op == llvm::Instruction::Add) return a.signedAddMayOverflow(b) != O::NeverOverflows;
  if (op == llvm::Instruction::Sub) return a.signedSubMayOverflow(b) != O::NeverOverflows;
  // A product: exact in twice the width, then compared with the type's range.
  unsigned w = a.getBitWidth();
  llvm::ConstantRange exact = a.signExtend(2 * w).multiply(b.signExtend(2 * w));
  return !llvm::ConstantRange::getNonEmpty(llvm::APInt::getSignedMinValue(w).sext(2 * w),
                                           llvm::APInt::getSignedMaxValue(w).sext(2 * w) + 1)
              .contains(exact);
}

bool foldIn(llvm::Function& f) {
  std::vector<llvm::WithOverflowInst*> checks;
  std::vector<llvm::ICmpInst*> compares;
  FunctionAnalyses fa(f);
  for (llvm::BasicBlock& bb : f) {
    if (!fa.li.getLoopFor(&bb)) continue;  // (counters' ranges are known inside their loops)
    for (llvm::Instruction& in : bb) {
      if (auto* w = llvm::dyn_cast<llvm::WithOverflowInst>(&in)) {
        if (w->isSigned() && fa.se.isSCEVable(w->getLHS()->getType())) checks.push_back(w);
      } else if (auto* c = llvm::dyn_cast<llvm::ICmpInst>(&in)) {
        if (c->getOperand(0)->getType()->isIntegerTy() && fa.se.isSCEVable(c->getOperand(0)->getType()))
          compares.push_back(c);
      }
    }
  }
  bool changed = false;
  for (llvm::WithOverflowInst* w : checks) {
    llvm::Value* a = w->getLHS();
    llvm::Value* b = w->getRHS();
    if (mayOverflow(w->getBinaryOp(), rangeOf(a, fa.se, kDepth), rangeOf(b, fa.se, kDepth)) &&
        !fa.se.willNotOverflow(w->getBinaryOp(), /*Signed=*/true, fa.se.getSCEV(a), fa.se.getSCEV(b), w))
      continue;
    changed |= replaceWithOverflow(w, [&](llvm::IRBuilder<>& bld) {
      llvm::Value* r = bld.CreateBinOp(w->getBinaryOp(), a, b);
      llvm::cast<llvm::BinaryOperator>(r)->setHasNoSignedWrap(true);
      return std::pair<llvm::Value*, llvm::Value*>{r, bld.getFalse()};
    });
  }
  // Compares only in a round that folded no check: a folded overflow bit
  // leaves its slow path dead until the next simplification, and in a dead
  // block scalar evolution's context can "prove" anything (the branch that
  // leads there assumes `false` is true). After the simplification the
  // folded operations are plain nsw arithmetic, which it sees through.
  if (changed) return true;
  for (llvm::ICmpInst* c : compares) {
    llvm::ConstantRange r0 = rangeOf(c->getOperand(0), fa.se, kDepth);
    llvm::ConstantRange r1 = rangeOf(c->getOperand(1), fa.se, kDepth);
    std::optional<bool> known;
    if (r0.icmp(c->getPredicate(), r1)) known = true;
    else if (r0.icmp(c->getInversePredicate(), r1)) known = false;
    else
      known = fa.se.evaluatePredicateAt(c->getPredicate(), fa.se.getSCEV(c->getOperand(0)),
                                        fa.se.getSCEV(c->getOperand(1)), c);
    if (!known) continue;
    c->replaceAllUsesWith(llvm::ConstantInt::getBool(c->getContext(), *known));
    c->eraseFromParent();
    changed = true;
  }
  return changed;
}

}  // namespace

std::vector<llvm::Function*> foldKnownIntChecks(llvm::Module& m) {
  std::vector<llvm::Function*> changed;
  for (llvm::Function& f : m)
    if (!f.isDeclaration() && foldIn(f)) changed.push_back(&f);
  return changed;
}

}  // namespace molt::codegen
