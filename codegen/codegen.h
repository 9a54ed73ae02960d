// The public face of the backend: checked program -> typed IR -> LLVM module
// -> object/assembly -> linked executable. Each step is a separate function
// so every phase boundary can be dumped (`molt build --emit=ir|llvm|asm`).
// Problems in the user's program (constructs not lowered yet) come back as
// Diagnostics; toolchain problems (no runtime archive, linker failure) as an
// error string. Not thread-safe: one build per LLVMContext.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/check_file.h"
#include "analysis/diagnostics.h"
#include "codegen/typed_ir.h"

namespace llvm {
class LLVMContext;
class Module;
}  // namespace llvm

namespace molt::codegen {

// Builds the typed IR. Returns nullptr and appends diagnostics (at each
// construct) when something is not supported yet. `a` must have no errors.
[[nodiscard]] std::unique_ptr<IrModule> buildIr(const FileAnalysis& a, std::vector<Diagnostic>& diags);

// Lowers the typed IR to an LLVM module (not optimised, verified).
// wasm32: lower for wasm32-wasi (no 64-bit overflow-checked multiply).
[[nodiscard]] std::unique_ptr<llvm::Module> lower(const IrModule& ir, llvm::LLVMContext& ctx, bool wasm32 = false);

// What `molt build` produces: a host executable, or a wasm32-wasi command
// module (docs/spec/wasm-targets.md).
enum class Target { Native, Wasm32Wasi };

struct EmitOptions {
  int opt_level = 2;   // 0..3 (speed)
  int size_level = 0;  // 0, 1 (-Os) or 2 (-Oz); used with opt_level 2
  Target target = Target::Native;
};

// Runs the new pass manager pipeline for `opt_level` on `m`.
void optimize(llvm::Module& m, const EmitOptions& opts);
// Textual LLVM IR.
[[nodiscard]] std::string printModule(const llvm::Module& m);
// Assembly (asm=true) or an object file (ELF for the host, a wasm object for
// wasm32-wasi). False + error on failure.
[[nodiscard]] bool emitMachineCode(llvm::Module& m, const EmitOptions& opts, bool asm_text, std::string& out,
                                   std::string& error);

// wasm32-wasi: adds a core-wasm export for every `@molt.export` function
// (canonical ABI lowering, docs/spec/wasm-targets.md) to a lowered module.
void addWasmExports(const IrModule& ir, llvm::Module& m);

// The WIT name of a Python identifier (kebab-case, `%` before a keyword).
[[nodiscard]] std::string witName(std::string_view python_name);

// The WIT world (package molt:WORLD) of the program's exports.
[[nodiscard]] std::string witWorld(const IrModule& ir, std::string_view world);

// Links `object_path` with the target's runtime archive into `exe_path`
// (an executable, or a stripped wasm32-wasi command module). For wasm, a
// size-optimised build (size_level > 0) links the -Oz runtime, others the
// -O2 one.
// `eager_functions` (wasm only): functions V8 should compile with its
// optimizing compiler before `_start` (wasm_hints.h).
[[nodiscard]] bool linkExecutable(const std::string& object_path, const std::string& exe_path,
                                  const std::string& self_exe_dir, const EmitOptions& opts,
                                  const std::vector<std::string>& eager_functions, std::string& error);

// The functions of an optimized module to compile eagerly on wasm: the
// program's own, for a speed build (--opt=1..3); none otherwise.
[[nodiscard]] std::vector<std::string> wasmEagerFunctions(const llvm::Module& m, const EmitOptions& opts);

// Where the target's runtime archive is (environment override, compile-time
// path, then next to the molt binary); empty if not found. `fast` selects
// the wasm runtime compiled for speed (-O2) over the -Oz one.
[[nodiscard]] std::string findRuntimeArchive(const std::string& self_exe_dir, Target target = Target::Native,
                                             bool fast = false);

// The wasi-libc sysroot (a directory with lib/wasm32-wasi/libc.a); empty if
// none is installed.
[[nodiscard]] std::string findWasiSysroot();

}  // namespace molt::codegen
