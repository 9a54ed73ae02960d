// See recursive_inline.h for why.
#include "codegen/recursive_inline.h"

#include <llvm/IR/Function.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/Module.h>
#include <llvm/Transforms/Utils/Cloning.h>

namespace molt::codegen {
namespace {

// Instructions (after optimization) above which a function is not copied
// into itself: it would triple in size for a call overhead that is small
// next to its body. (fib is 161: its cold paths, an overflowing add's own
// runtime call among them, count too.)
constexpr unsigned kMaxInstructions = 192;

std::vector<llvm::CallInst*> selfCalls(llvm::Function& f) {
  std::vector<llvm::CallInst*> calls;
  for (llvm::BasicBlock& bb : f)
    for (llvm::Instruction& in : bb)
      if (auto* call = llvm::dyn_cast<llvm::CallInst>(&in); call && call->getCalledFunction() == &f)
        calls.push_back(call);
  return calls;
}

}  // namespace

std::vector<llvm::Function*> inlineSelfRecursion(llvm::Module& m) {
  std::vector<llvm::Function*> changed;
  std::vector<llvm::Function*> fns;
  for (llvm::Function& f : m)
    if (!f.isDeclaration() && f.hasLocalLinkage()) fns.push_back(&f);
  for (llvm::Function* f : fns) {
    if (f->getInstructionCount() > kMaxInstructions || f->hasFnAttribute(llvm::Attribute::NoInline)) continue;
    std::vector<llvm::CallInst*> calls = selfCalls(*f);
    // (fib's two calls appear twice: on the small-int path and the boxed one.)
    if (calls.empty() || calls.size() > 4) continue;
    // The copy's recursive calls still call f.
    llvm::ValueToValueMapTy vmap;
    llvm::Function* copy = llvm::CloneFunction(f, vmap);
    bool any = false;
    for (llvm::CallInst* call : calls) {
      call->setCalledFunction(copy);
      llvm::InlineFunctionInfo info;
      if (llvm::InlineFunction(*call, info).isSuccess()) {
        any = true;
      } else {
        call->setCalledFunction(f);
      }
    }
    copy->eraseFromParent();
    if (any) changed.push_back(f);
  }
  return changed;
}

}  // namespace molt::codegen
