// Small self-recursive functions inlined into themselves once.
#pragma once

#include <vector>

namespace llvm {
class Function;
class Module;
}  // namespace llvm

namespace molt::codegen {

// LLVM's inliner never inlines a function into itself, so `fib(n - 1) +
// fib(n - 2)` pays a full call (frame, saved registers, argument and result
// boxing) for every node of the call tree, most of them leaves. Each direct
// self-call of a small function is replaced here by one copy of the
// function's body, whose own recursive calls stay calls: the tree keeps its
// shape but a call now does the work of three nodes, and the leaves' calls
// disappear (GCC does the same with its recursive inlining). Semantics are
// unchanged (an inlined call is the same computation; the recursion-depth
// argument and traceback entries travel with it). Runs on the optimized
// module; returns the functions it changed, which the caller optimizes again.
[[nodiscard]] std::vector<llvm::Function*> inlineSelfRecursion(llvm::Module& m);

}  // namespace molt::codegen
