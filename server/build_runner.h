// `molt.build` for the language server: runs `molt build FILE -o OUT` as a
// child process (the server does not link codegen/LLVM) and reports the
// artifact or the build's output. Blocking; call it off the I/O thread.
#pragma once

#include <string>

namespace molt::lsp {

struct BuildResult {
  bool ok = false;
  std::string artifact;  // the executable written (when ok)
  std::string output;    // what `molt build` printed (stdout and stderr)
  std::string error;     // why the build could not run or failed
};

// The `molt` driver to run: $MOLT_EXECUTABLE, this process if it is `molt`
// (`molt lsp`), a `molt` next to this executable or in ../cli (build tree),
// else `molt` from PATH.
[[nodiscard]] std::string findMoltExecutable();

// Builds `path` (a file on disk) into `out` (or the default below when
// `out` is empty). `target` is "native" (an executable next to the file, `.py` dropped) or
// "wasm" (a wasm32-wasi module, `.py` replaced by `.wasm`).
[[nodiscard]] BuildResult runMoltBuild(const std::string& molt, const std::string& path, const std::string& out = "",
                                       const std::string& target = "native");

}  // namespace molt::lsp
