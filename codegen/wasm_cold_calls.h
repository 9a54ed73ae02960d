// A hot loop's rare runtime calls on wasm: the values live across them go
// through memory.
#pragma once

namespace llvm {
class Module;
}

namespace molt::codegen {

// V8's optimizing compiler keeps no value in a register across a call (wasm
// has no callee-saved registers) and, not knowing which paths are cold,
// spills such a value where it is defined: a loop with a rarely taken
// runtime call (a float slot holding a big int, an int op leaving the small
// range) pays a store per live value on every iteration. Here each such
// call stores the values live across it just before, and the code after it
// reads them back: on the hot path nothing crosses a call any more.
// (spectral_norm's loop: 12.0 -> 8.0 ms.) A call qualifies when it is a
// numeric fast path's runtime fallback (molt_float, the int operators, list
// get/set), its block runs at most 1/32 as often as its loop's header by the
// branch weights, and at most kMaxLive values are live across it: each one
// becomes a phi where the paths rejoin, which costs the hot path a move.
// Runs on the module after its loops are outlined; returns the calls changed.
int spillAcrossColdCalls(llvm::Module& m);

}  // namespace molt::codegen
