// One-compare overflow checks for the wasm target.
#pragma once

namespace llvm {
class Module;
}

namespace molt::codegen {

// wasm has no overflow flag: LLVM lowers a signed add-with-overflow to the
// add and three more operations, (b < 0) xor (a + b < a), on every small-int
// + in a hot loop. When one operand is known non-negative (a range loop's
// counter, a positive constant) one compare of the sum with the other
// operand says it: a + b overflowed iff a + b < a for b >= 0. Likewise a - b
// for b >= 0 overflowed iff a - b > a. Runs on the optimized module, before
// its loops are outlined (their counters' start values are still in sight);
// returns how many checks it rewrote.
int narrowOverflowChecks(llvm::Module& m);

}  // namespace molt::codegen
