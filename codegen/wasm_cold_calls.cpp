// See wasm_cold_calls.h for why.
#include "codegen/wasm_cold_calls.h"

#include <llvm/Analysis/BlockFrequencyInfo.h>
#include <llvm/Analysis/BranchProbabilityInfo.h>
#include <llvm/Analysis/LoopInfo.h>
#include <llvm/IR/Dominators.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/Module.h>
#include <llvm/Transforms/Utils/SSAUpdater.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>
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

// The values live at the end of each block (SSA liveness: a use is reachable
// from there without passing the value's definition), found by walking
// back from every use once: linear in the (value, block) pairs that are
// live, where a search per call and value was quadratic (150 loops in one
// function took 13 minutes).
using LiveOut = std::unordered_map<const llvm::BasicBlock*, std::unordered_set<llvm::Value*>>;

LiveOut liveness(llvm::Function& f) {
  LiveOut out;
  std::vector<const llvm::BasicBlock*> work;
  auto liveAcross = [&](llvm::Value* v, const llvm::BasicBlock* def_bb) {
    for (llvm::Use& u : v->uses()) {
      auto* user = llvm::cast<llvm::Instruction>(u.getUser());
      work.clear();
      if (auto* phi = llvm::dyn_cast<llvm::PHINode>(user)) {
        work.push_back(phi->getIncomingBlock(u));  // live at the end of the incoming block
      } else if (user->getParent() != def_bb) {
        for (const llvm::BasicBlock* p : llvm::predecessors(user->getParent())) work.push_back(p);
      }
      while (!work.empty()) {
        const llvm::BasicBlock* b = work.back();
        work.pop_back();
        if (!out[b].insert(v).second || b == def_bb) continue;
        for (const llvm::BasicBlock* p : llvm::predecessors(b)) work.push_back(p);
      }
    }
  };
  for (llvm::Argument& a : f.args()) liveAcross(&a, &f.getEntryBlock());
  for (llvm::BasicBlock& bb : f)
    for (llvm::Instruction& in : bb)
      if (!in.getType()->isVoidTy()) liveAcross(&in, &bb);
  return out;
}

// The values live across `call`: live at the end of its block or used
// later in it, and defined before it.
std::vector<llvm::Value*> liveAcross(llvm::CallInst* call, const LiveOut& live_out,
                                     const std::unordered_map<const llvm::Value*, unsigned>& number) {
  const llvm::BasicBlock* bb = call->getParent();
  std::unordered_set<llvm::Value*> after_call;  // defined in the block after the call
  std::unordered_set<llvm::Value*> live;
  for (auto it = std::next(call->getIterator()); it != bb->end(); ++it) {
    after_call.insert(&*it);
    for (llvm::Value* op : it->operands())
      if (llvm::isa<llvm::Instruction>(op) || llvm::isa<llvm::Argument>(op)) live.insert(op);
  }
  if (auto found = live_out.find(bb); found != live_out.end()) live.insert(found->second.begin(), found->second.end());
  std::vector<llvm::Value*> out;
  for (llvm::Value* v : live)
    if (v != call && !after_call.count(v) && !llvm::isa<llvm::AllocaInst>(v)) out.push_back(v);
  // In the function's order, so that the module's bytes do not depend on
  // pointer values (the allocas and stores follow this order).
  std::sort(out.begin(), out.end(), [&](llvm::Value* a, llvm::Value* b) { return number.at(a) < number.at(b); });
  return out;
}

// `live`: what liveAcross found before the function changed. (A later call's
// set may be stale after an earlier call's rewrite; both copies hold the same
// value, so a stale set only costs a needless store or misses a spill.)
bool spillAcross(llvm::Function& f, llvm::CallInst* call, const std::vector<llvm::Value*>& live) {
  if (live.empty() || live.size() > kMaxLive) return false;
  llvm::BasicBlock* post = call->getParent()->splitBasicBlock(call->getNextNode(), "after.call");
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
    std::vector<llvm::CallInst*> calls = coldCalls(f);
    if (calls.empty()) continue;
    LiveOut live_out = liveness(f);
    std::unordered_map<const llvm::Value*, unsigned> number;
    for (llvm::Argument& a : f.args()) number.emplace(&a, static_cast<unsigned>(number.size()));
    for (llvm::BasicBlock& bb : f)
      for (llvm::Instruction& in : bb) number.emplace(&in, static_cast<unsigned>(number.size()));
    std::vector<std::vector<llvm::Value*>> live;
    for (llvm::CallInst* call : calls) live.push_back(liveAcross(call, live_out, number));
    for (size_t i = 0; i < calls.size(); ++i) changed += spillAcross(f, calls[i], live[i]);
  }
  return changed;
}

}  // namespace molt::codegen
