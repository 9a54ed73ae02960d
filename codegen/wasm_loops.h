// Inner loops moved into functions of their own for the wasm target.
#pragma once

namespace llvm {
class Module;
}

namespace molt::codegen {

// V8 first runs wasm in baseline code and compiles a function again with its
// optimizing compiler once it has run enough, but a call already running
// keeps its baseline frame: V8 has no on-stack replacement for wasm. A
// program's hot loops usually sit in one call (`main`), so they would run in
// baseline code to the end. Each loop nested in another loop becomes a
// function of its own here, called once per iteration of the enclosing loop:
// after a few iterations V8 has optimized it and every later call runs the
// optimized code. An outermost loop with no loop inside (and not known to be
// short) is first strip-mined into chunks of 4096 iterations, so it too is
// nested and moves into a function called once per chunk. The values the
// caller reads after an outlined loop are stored at its exits, not on every
// iteration. Runs on the optimized module; returns how many loops moved.
int outlineInnerLoops(llvm::Module& m);

}  // namespace molt::codegen
