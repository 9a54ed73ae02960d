// See wasm_loops.h for why.
#include "codegen/wasm_loops.h"

#include "codegen/function_analyses.h"

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/Module.h>
#include <llvm/Transforms/Utils/BasicBlockUtils.h>
#include <llvm/Transforms/Utils/CodeExtractor.h>

#include <vector>

namespace molt::codegen {
namespace {

// CodeExtractor stores each value the caller reads after the loop through
// its out-pointer right where the value is defined: every iteration. Those
// stores move to the function's exits instead (each exit whose path the
// definition dominates; on the others the caller never reads it). The
// out-pointers are the parameters whose argument the caller loads right
// after the call (CodeExtractor's reloads): a pointer the loop itself writes
// through (say, a call's argument array) is never one of them.
void sinkOutputStores(llvm::Function& fn) {
  llvm::CallInst* call = nullptr;
  for (llvm::User* u : fn.users())
    if (auto* c = llvm::dyn_cast<llvm::CallInst>(u); c && c->getCalledFunction() == &fn) call = c;
  if (!call || !fn.hasOneUse()) return;
  std::vector<bool> is_out(fn.arg_size(), false);
  for (llvm::Instruction* in = call->getNextNode(); in; in = in->getNextNode()) {
    auto* load = llvm::dyn_cast<llvm::LoadInst>(in);
    if (!load) break;
    for (unsigned i = 0; i < call->arg_size() && i < is_out.size(); ++i)
      if (call->getArgOperand(i) == load->getPointerOperand()) is_out[i] = true;
  }
  std::vector<llvm::StoreInst*> stores;
  std::vector<llvm::ReturnInst*> exits;
  for (llvm::BasicBlock& bb : fn) {
    if (auto* ret = llvm::dyn_cast<llvm::ReturnInst>(bb.getTerminator())) exits.push_back(ret);
    for (llvm::Instruction& in : bb)
      if (auto* st = llvm::dyn_cast<llvm::StoreInst>(&in))
        if (auto* a = llvm::dyn_cast<llvm::Argument>(st->getPointerOperand()); a && is_out[a->getArgNo()])
          stores.push_back(st);
  }
  llvm::DominatorTree dt(fn);
  for (llvm::StoreInst* st : stores) {
    auto* def = llvm::dyn_cast<llvm::Instruction>(st->getValueOperand());
    for (llvm::ReturnInst* ret : exits)
      if (!def || dt.dominates(def, ret)) {
        auto* moved = llvm::cast<llvm::StoreInst>(st->clone());
        moved->insertBefore(ret);
      }
    st->eraseFromParent();
  }
}

// Extracts one eligible loop at depth 2 (a direct child of an outermost loop:
// the extracted function keeps any loops nested deeper) from `f`; false when
// none is left.
bool outlineOne(llvm::Function& f) {
  llvm::DominatorTree dt(f);
  llvm::LoopInfo li(dt);
  for (llvm::Loop* top : li) {
    for (llvm::Loop* sub : top->getSubLoops()) {
      llvm::CodeExtractor ce(dt, *sub, /*AggregateArgs=*/false, nullptr, nullptr, nullptr, "loop");
      if (!ce.isEligible()) continue;
      llvm::CodeExtractorAnalysisCache cache(f);
      llvm::Function* out = ce.extractCodeRegion(cache);
      if (!out) continue;
      sinkOutputStores(*out);
      // Inlining it back would undo the point; the call costs less than a
      // loop left in baseline code.
      out->addFnAttr(llvm::Attribute::NoInline);
      return true;
    }
  }
  return false;
}

// Iterations per call of a strip-mined loop: enough that the call and its
// state passing cost nothing measurable, few enough that V8 has optimized
// the loop function after a small part of a long run.
constexpr unsigned kChunk = 4096;

// An outermost loop with no loop inside it runs in one call: it would stay in
// baseline code however long it runs. It is strip-mined into an outer loop
// around chunks of kChunk iterations,
//
//   preheader -> D: state = phi [initial, preheader], [next, chunk.end]
//   H: state = phi [D's, D], [next, latch'];  i = phi [0, D], [i + 1, latch']
//   ... body ...   latch -> latch': i + 1 == kChunk ? chunk.end : H
//   chunk.end -> D
//
// so the original loop is now nested in another one and outlineOne moves it
// into a function called once per chunk. Loops known to run fewer than
// kChunk times are left alone. Runs on optimized IR, after which no loop
// pass can fold the chunking away. Returns how many loops it strip-mined.
int stripMineLoops(llvm::Function& f) {
  FunctionAnalyses fa(f);
  std::vector<llvm::Loop*> loops;
  for (llvm::Loop* top : fa.li)
    if (top->getSubLoops().empty() && top->getLoopPreheader() && top->getLoopLatch() &&
        llvm::isa<llvm::BranchInst>(top->getLoopLatch()->getTerminator()))
      loops.push_back(top);
  if (loops.empty()) return 0;
  std::erase_if(loops, [&](llvm::Loop* l) {
    unsigned max_trips = fa.se.getSmallConstantMaxTripCount(l);
    return max_trips != 0 && max_trips <= kChunk;
  });
  llvm::LLVMContext& ctx = f.getContext();
  llvm::Type* i32 = llvm::Type::getInt32Ty(ctx);
  for (llvm::Loop* l : loops) {
    llvm::BasicBlock* pre = l->getLoopPreheader();
    llvm::BasicBlock* head = l->getHeader();
    llvm::BasicBlock* latch = l->getLoopLatch();
    std::vector<llvm::PHINode*> state;
    for (llvm::PHINode& p : head->phis()) state.push_back(&p);
    // (No analyses passed: LoopInfo and the dominator tree are stale from
    // here and not used again.)
    llvm::BasicBlock* d = llvm::SplitEdge(pre, head);
    llvm::BasicBlock* check = llvm::SplitEdge(latch, head);
    llvm::BasicBlock* end = llvm::BasicBlock::Create(ctx, "chunk.end", &f);
    llvm::IRBuilder<> b(head, head->begin());
    llvm::PHINode* i = b.CreatePHI(i32, 2, "chunk.i");
    i->addIncoming(b.getInt32(0), d);
    check->getTerminator()->eraseFromParent();
    b.SetInsertPoint(check);
    llvm::Value* next = b.CreateAdd(i, b.getInt32(1));
    b.CreateCondBr(b.CreateICmpEQ(next, b.getInt32(kChunk)), end, head);
    i->addIncoming(next, check);
    b.SetInsertPoint(end);
    b.CreateBr(d);
    b.SetInsertPoint(d, d->begin());
    for (llvm::PHINode* p : state) {
      llvm::PHINode* outer = b.CreatePHI(p->getType(), 2, p->getName() + ".chunk");
      outer->addIncoming(p->getIncomingValueForBlock(d), pre);
      outer->addIncoming(p->getIncomingValueForBlock(check), end);
      p->setIncomingValueForBlock(d, outer);
    }
  }
  return static_cast<int>(loops.size());
}

}  // namespace

int outlineInnerLoops(llvm::Module& m) {
  std::vector<llvm::Function*> fns;
  for (llvm::Function& f : m)
    if (!f.isDeclaration()) fns.push_back(&f);
  for (llvm::Function* f : fns) stripMineLoops(*f);
  int moved = 0;
  for (llvm::Function* f : fns) {
    // Each extraction removes one depth-2 loop from `f`, so this ends; the
    // bound only guards against an extractor that leaves the loop behind.
    for (int i = 0; i < 256 && outlineOne(*f); ++i) ++moved;
  }
  return moved;
}

}  // namespace molt::codegen
