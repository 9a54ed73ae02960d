// `molt doctor`: what blocks compilation and structification, with fixes.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace molt::cli {

// Runs `molt doctor` with the arguments after "doctor". Exit code: 0 when
// everything compiles (or the toolchain is complete), 1 otherwise, 2 on
// usage or I/O problems.
// `locate` finds the pieces `molt build`/`molt run` use that live outside
// this library: "runtime" (host runtime archive), "runtime-wasm" (wasm32
// runtime archive), "wasi-runner" (the node:wasi runner script); it returns
// "" for a piece that is missing.
using LocateFn = std::function<std::string(std::string_view what)>;
[[nodiscard]] int runDoctor(const std::vector<std::string>& args, const LocateFn& locate = {});

}  // namespace molt::cli
