// `molt build` and `molt run`: compile one checked file to a native
// executable or wasm32-wasi module through codegen/ (typed IR -> LLVM ->
// object -> lld/wasm-ld link).
#pragma once

#include <string>
#include <vector>

namespace molt::cli {

// `molt build FILE [-o OUT] [--target=native|wasm] [--opt=N] [--emit=ir|llvm|asm] [--wit]`. Exit status: 0
// built, 1 the program has errors or uses something not lowered yet (no
// binary written), 2 usage, I/O or toolchain problem.
[[nodiscard]] int runBuild(const std::vector<std::string>& args);

// `molt run FILE [--target=native|wasm] [--opt=N] [-- ARGS...]`: builds into the cache
// ($XDG_CACHE_HOME/molt or ~/.cache/molt, keyed by a hash of the source and
// the compiler) and executes the binary; returns its exit status.
[[nodiscard]] int runRun(const std::vector<std::string>& args);

// The node:wasi runner `molt run --target wasm` uses; "" if not found.
[[nodiscard]] std::string wasiRunnerPath();

}  // namespace molt::cli
