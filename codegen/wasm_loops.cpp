// See wasm_loops.h for why.
#include "codegen/wasm_loops.h"

#include <llvm/Analysis/LoopInfo.h>
#include <llvm/IR/Dominators.h>
#include <llvm/IR/Function.h>
#include <llvm/IR/Module.h>
#include <llvm/Transforms/Utils/CodeExtractor.h>

#include <vector>

namespace molt::codegen {
namespace {

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
      // Inlining it back would undo the point; the call costs less than a
      // loop left in baseline code.
      out->addFnAttr(llvm::Attribute::NoInline);
      return true;
    }
  }
  return false;
}

}  // namespace

int outlineInnerLoops(llvm::Module& m) {
  std::vector<llvm::Function*> fns;
  for (llvm::Function& f : m)
    if (!f.isDeclaration()) fns.push_back(&f);
  int moved = 0;
  for (llvm::Function* f : fns) {
    // Each extraction removes one depth-2 loop from `f`, so this ends; the
    // bound only guards against an extractor that leaves the loop behind.
    for (int i = 0; i < 256 && outlineOne(*f); ++i) ++moved;
  }
  return moved;
}

}  // namespace molt::codegen
