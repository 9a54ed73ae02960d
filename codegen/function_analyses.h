// Scalar evolution over one function, with the analyses it is built on, for
// the passes that run outside a pass manager (wasm_loops, wasm_overflow,
// scev_fold).
#pragma once

#include <llvm/Analysis/AssumptionCache.h>
#include <llvm/Analysis/LoopInfo.h>
#include <llvm/Analysis/ScalarEvolution.h>
#include <llvm/Analysis/TargetLibraryInfo.h>
#include <llvm/IR/Dominators.h>
#include <llvm/IR/Function.h>
#include <llvm/IR/Module.h>
#include <llvm/TargetParser/Triple.h>

namespace molt::codegen {

// Valid until the function's control flow changes. (Members in construction
// order: each is built from the ones above it.)
struct FunctionAnalyses {
  explicit FunctionAnalyses(llvm::Function& f)
      : dt(f), li(dt), tlii(llvm::Triple(f.getParent()->getTargetTriple())), tli(tlii), ac(f),
        se(f, tli, ac, dt, li) {}
  llvm::DominatorTree dt;
  llvm::LoopInfo li;
  llvm::TargetLibraryInfoImpl tlii;
  llvm::TargetLibraryInfo tli;
  llvm::AssumptionCache ac;
  llvm::ScalarEvolution se;
};

}  // namespace molt::codegen
