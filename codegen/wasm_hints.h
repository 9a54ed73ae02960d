// The last step of a wasm link: strip the module, and ask V8 to compile the
// program's own functions with its optimizing compiler up front.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace molt::codegen {

// V8 runs a function in baseline code (Liftoff) until it has run enough,
// then compiles it again with TurboFan on a background thread, one function
// at a time. A short program's hot loop (an outlined loop function) can wait
// there behind a big runtime function that tiered up first (matmul's waited
// ~9 ms behind wasi-libc's dlmalloc), running in baseline code meanwhile.
// And V8 compiles a function's baseline code lazily, on the main thread, the
// first time it is called: a 5 ms program calls ~100 runtime functions for
// the first time while it runs (matmul: 2 to 5 ms of its run).
// V8's compilation hints section (`compilationHints`, a byte per defined
// function: strategy | baseline tier << 2 | top tier << 4, between the
// function and code sections) marks the program's own functions "eager,
// optimized" (compiled with TurboFan before `_start`) and every other one
// "eager, baseline" (compiled with Liftoff before `_start`, by V8's worker
// threads, and tiered up as usual).
// V8 reads the section only with --experimental-wasm-compilation-hints
// (runtime/wasi/run.mjs sets it); any other engine skips a custom section.
inline constexpr unsigned char kHintEagerOptimized = 2 | (2 << 2) | (2 << 4);
inline constexpr unsigned char kHintEagerBaseline = 2 | (1 << 2);  // top tier: V8's default (dynamic)
// The bytes V8 11.3 was seen to accept, with these meanings (tests/cli
// checks that V8 compiles a speed build with the flag on).
static_assert(kHintEagerOptimized == 0x2A && kHintEagerBaseline == 0x06);

struct WasmFinish {
  bool ok = false;
  std::string bytes;  // the finished module
  std::string error;  // when !ok: what in the input could not be read
  int hinted = 0;     // functions marked kHintEagerOptimized
};

// From a module linked with its name section (wasm-ld --strip-debug):
// every custom section dropped (the bytes `wasm-ld --strip-all` gives) and,
// when `eager` names a function the name section has, a compilationHints
// section marking those functions kHintEagerOptimized and every other
// defined function kHintEagerBaseline. Deterministic: the same input, the
// same bytes.
[[nodiscard]] WasmFinish finishWasmModule(std::string_view module, const std::vector<std::string>& eager);

}  // namespace molt::codegen
