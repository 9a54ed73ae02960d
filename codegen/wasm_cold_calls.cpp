// See wasm_cold_calls.h for why.
#include "codegen/wasm_cold_calls.h"

#include <llvm/Analysis/BlockFrequencyInfo.h>
#include <llvm/Analysis/BranchProbabilityInfo.h>
#include <llvm/Analysis/LoopInfo.h>
#include <llvm/IR/Dominators.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/Module.h>
#include <llvm/Transforms/Utils/SSAUpdater.h>

#include <string_view>
#include <unordered_set>
#include <vector>

namespace molt::codegen {
namespace {

constexpr size_t kMaxLive = 12;
constexpr uint64_t kColdRatio = 32;

bool isNumericFallback(const llvm::Function* callee) {
  static const std::unordered_set<std::string_view> names = {
      "molt_float", "molt_add", "molt_sub", "molt_mul", "molt_floordiv", "molt_mod", "molt_neg",
      "molt_getitem", "molt_setitem", "molt_int_from_i64"};
  return callee && callee->isDeclaration() && names.count(callee->getName()) > 0;
}

std::vector<llvm::CallInst*> coldCalls(llvm::Function& f) {
  std::vector<llvm::CallInst*> calls;
  llvm::DominatorTree dt(f);
  llvm::LoopInfo li(dt);
  if (li.empty()) return calls;
  llvm::BranchProbabilityInfo bpi(f, li);
  llvm::BlockFrequencyInfo bfi(f, bpi, li);
  for (llvm::BasicBlock& bb : f) {
    llvm::Loop* l = li.getLoopFor(&bb);
    if (!l || bfi.getBlockFreq(&bb).getFrequency() * kColdRatio > bfi.getBlockFreq(l->getHeader()).getFrequency())
      continue;
    for (llvm::Instruction& in : bb)
      if (auto* c = llvm::dyn_cast<llvm::CallInst>(&in); c && isNumericFallback(c->getCalledFunction()))
        calls.push_back(c);
  }
  return calls;
}

// The values defined before `call` (arguments included) that a path from
// just after it uses before passing their definition again.
std::vector<llvm::Value*> liveAcross(llvm::Function& f, llvm::CallInst* call, llvm::BasicBlock* post) {
  llvm::DominatorTree dt(f);
  std::vector<llvm::Value*> candidates;
  for (llvm::Argument& a : f.args()) candidates.push_back(&a);
  for (llvm::BasicBlock& bb : f)
    for (llvm::Instruction& in : bb)
      if (&in != call && !in.getType()->isVoidTy() && !llvm::isa<llvm::AllocaInst>(in) && dt.dominates(&in, call))
        candidates.push_back(&in);
  std::vector<llvm::Value*> live;
  for (llvm::Value* v : candidates) {
    auto* def = llvm::dyn_cast<llvm::Instruction>(v);
    llvm::BasicBlock* def_bb = def ? def->getParent() : nullptr;
    std::unordered_set<llvm::BasicBlock*> reached;
    std::vector<llvm::BasicBlock*> work{post};
    while (!work.empty()) {
      llvm::BasicBlock* b = work.back();
      work.pop_back();
      if (!reached.insert(b).second) continue;
      for (llvm::BasicBlock* s : llvm::successors(b))
        if (s != def_bb) work.push_back(s);
    }
    for (llvm::Use& u : v->uses()) {
      auto* user = llvm::cast<llvm::Instruction>(u.getUser());
      auto* phi = llvm::dyn_cast<llvm::PHINode>(user);
      if (reached.count(phi ? phi->getIncomingBlock(u) : user->getParent())) {
        live.push_back(v);
        break;
      }
    }
  }
  return live;
}

bool spillAcross(llvm::Function& f, llvm::CallInst* call) {
  llvm::BasicBlock* post = call->getParent()->splitBasicBlock(call->getNextNode(), "after.call");
  std::vector<llvm::Value*> live = liveAcross(f, call, post);
  if (live.empty() || live.size() > kMaxLive) return false;  // (the split alone changes nothing)
  llvm::IRBuilder<> entry(&*f.getEntryBlock().getFirstInsertionPt());
  llvm::IRBuilder<> after(&*post->getFirstInsertionPt());
  for (llvm::Value* v : live) {
    llvm::AllocaInst* slot = entry.CreateAlloca(v->getType());
    auto* store = new llvm::StoreInst(v, slot, call->getIterator());
    llvm::Value* back = after.CreateLoad(v->getType(), slot);
    auto* def = llvm::dyn_cast<llvm::Instruction>(v);
    llvm::BasicBlock* def_bb = def ? def->getParent() : &f.getEntryBlock();
    // The same value either way: the rewrite only changes which copy each
    // use reads, so no use can be wrong, only slower.
    llvm::SSAUpdater ssa;
    ssa.Initialize(v->getType(), v->getName());
    ssa.AddAvailableValue(def_bb, v);
    ssa.AddAvailableValue(post, back);
    std::vector<llvm::Use*> uses;
    for (llvm::Use& u : v->uses()) uses.push_back(&u);
    for (llvm::Use* u : uses) {
      auto* user = llvm::cast<llvm::Instruction>(u->getUser());
      if (user == back || user == store) continue;
      if (llvm::isa<llvm::PHINode>(user)) {
        ssa.RewriteUse(*u);
      } else if (user->getParent() == post) {
        u->set(back);  // (after the load in the same block: SSAUpdater would take the value flowing in)
      } else if (user->getParent() != def_bb) {
        ssa.RewriteUse(*u);
      }
    }
  }
  return true;
}

}  // namespace

int spillAcrossColdCalls(llvm::Module& m) {
  int changed = 0;
  for (llvm::Function& f : m) {
    if (f.isDeclaration()) continue;
    for (llvm::CallInst* call : coldCalls(f)) changed += spillAcross(f, call);
  }
  return changed;
}

}  // namespace molt::codegen
