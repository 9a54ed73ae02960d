// Int checks in loops that scalar evolution decides, folded away.
#pragma once

#include <vector>

namespace llvm {
class Function;
class Module;
}  // namespace llvm

namespace molt::codegen {

// Every int + - * is overflow-checked (a big int past 48 bits) and a list
// index is range-checked, each with a slow path that calls the runtime.
// Inside loops LLVM's value-range analysis knows little about counters, so
// `(i + j) * (i + j + 1)` with i, j < 300 keeps its checks; scalar evolution
// knows their trip counts. This folds a signed add/sub/mul-with-overflow it
// proves cannot overflow into the plain operation, and an integer compare
// in a loop it can decide into a constant. The slow paths then die, and a
// hot loop loses its calls (on wasm each costs stores on every iteration:
// V8 spills values live across any call). Runs on the optimized module;
// returns the functions it changed, which need another simplification
// pass.
[[nodiscard]] std::vector<llvm::Function*> foldKnownIntChecks(llvm::Module& m);

}  // namespace molt::codegen
