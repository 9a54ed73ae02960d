// Rewriting an overflow-checked operation as two plain values.
#pragma once

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/IntrinsicInst.h>

#include <utility>
#include <vector>

namespace molt::codegen {

// Replaces `w` (an llvm.*.with.overflow pair) by what make(builder) returns,
// {result, overflow bit}, built where `w` was. Only when every user of `w`
// takes one part (extractvalue); false, and nothing changed, when the pair
// is used whole. Shared by wasm_overflow (a cheaper check) and scev_fold
// (no check at all).
template <class Make>
bool replaceWithOverflow(llvm::WithOverflowInst* w, Make make) {
  std::vector<llvm::ExtractValueInst*> parts;
  for (llvm::User* u : w->users())
    if (auto* e = llvm::dyn_cast<llvm::ExtractValueInst>(u)) parts.push_back(e);
  if (parts.size() != w->getNumUses()) return false;
  llvm::IRBuilder<> b(w);
  auto [result, overflow] = make(b);
  for (llvm::ExtractValueInst* e : parts) {
    e->replaceAllUsesWith(e->getIndices()[0] == 0 ? result : overflow);
    e->eraseFromParent();
  }
  w->eraseFromParent();
  return true;
}

}  // namespace molt::codegen
