// See wasm_overflow.h for why.
#include "codegen/wasm_overflow.h"

#include "codegen/function_analyses.h"
#include "codegen/with_overflow.h"

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/IntrinsicInst.h>

#include <vector>

namespace molt::codegen {
namespace {

int narrowIn(llvm::Function& f) {
  std::vector<llvm::WithOverflowInst*> checks;
  for (llvm::BasicBlock& bb : f)
    for (llvm::Instruction& in : bb)
      if (auto* w = llvm::dyn_cast<llvm::WithOverflowInst>(&in))
        if (w->isSigned() && (w->getBinaryOp() == llvm::Instruction::Add ||
                              w->getBinaryOp() == llvm::Instruction::Sub))
          checks.push_back(w);
  if (checks.empty()) return 0;  // (most functions: no analyses to build)
  FunctionAnalyses fa(f);
  auto nonNegative = [&](llvm::Value* v) { return fa.se.isKnownNonNegative(fa.se.getSCEV(v)); };
  int rewritten = 0;
  for (llvm::WithOverflowInst* w : checks) {
    llvm::Value* a = w->getLHS();
    llvm::Value* b = w->getRHS();
    bool add = w->getBinaryOp() == llvm::Instruction::Add;
    // The operand the result is compared with: the other one of an add
    // (either may be the non-negative one), a subtraction's minuend.
    llvm::Value* other = nonNegative(b) ? a : add && nonNegative(a) ? b : nullptr;
    if (!other) continue;
    rewritten += replaceWithOverflow(w, [&](llvm::IRBuilder<>& bld) {
      llvm::Value* r = add ? bld.CreateAdd(a, b) : bld.CreateSub(a, b);
      return std::pair{r, add ? bld.CreateICmpSLT(r, other) : bld.CreateICmpSGT(r, a)};
    });
  }
  return rewritten;
}

}  // namespace

int narrowOverflowChecks(llvm::Module& m) {
  int rewritten = 0;
  for (llvm::Function& f : m)
    if (!f.isDeclaration()) rewritten += narrowIn(f);
  return rewritten;
}

}  // namespace molt::codegen
