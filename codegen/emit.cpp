// LLVM module -> optimised module -> assembly or object file -> executable.
// Uses the new pass manager's default pipelines and a TargetMachine for
// either the host triple with a generic x86-64 CPU (so the same source gives
// the same bytes on every machine) or wasm32-wasi with the generic wasm CPU.
// Links with `clang-19 -fuse-ld=lld` against the host runtime archive (the
// runtime needs only libc and libm), or with `clang-19 --target=wasm32-wasi`
// (which drives wasm-ld) against the wasm32 runtime archive and wasi-libc.
#include <llvm/Analysis/CGSCCPassManager.h>
#include <llvm/Analysis/LoopAnalysisManager.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/PassManager.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/CodeGen.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Target/TargetOptions.h>
#include <llvm/TargetParser/Host.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "codegen/codegen.h"
#include "codegen/recursive_inline.h"
#include "codegen/scev_fold.h"
#include "codegen/wasm_cold_calls.h"
#include "codegen/wasm_hints.h"
#include "codegen/wasm_loops.h"
#include "codegen/wasm_overflow.h"

#ifndef MOLT_RUNTIME_ARCHIVE
#define MOLT_RUNTIME_ARCHIVE ""
#endif
#ifndef MOLT_RUNTIME_WASM_ARCHIVE
#define MOLT_RUNTIME_WASM_ARCHIVE ""
#endif
#ifndef MOLT_RUNTIME_WASM_FAST_ARCHIVE
#define MOLT_RUNTIME_WASM_FAST_ARCHIVE ""
#endif

// The WebAssembly backend's registration hooks (part of every LLVM 19 build
// Debian ships; declared here so only this target is initialised).
extern "C" void LLVMInitializeWebAssemblyTargetInfo();
extern "C" void LLVMInitializeWebAssemblyTarget();
extern "C" void LLVMInitializeWebAssemblyTargetMC();
extern "C" void LLVMInitializeWebAssemblyAsmPrinter();

namespace molt::codegen {
namespace {

llvm::OptimizationLevel passLevel(int level, int size_level) {
  if (size_level == 1) return llvm::OptimizationLevel::Os;
  if (size_level >= 2) return llvm::OptimizationLevel::Oz;
  switch (level) {
    case 0: return llvm::OptimizationLevel::O0;
    case 1: return llvm::OptimizationLevel::O1;
    case 3: return llvm::OptimizationLevel::O3;
    default: return llvm::OptimizationLevel::O2;
  }
}

std::unique_ptr<llvm::TargetMachine> makeTargetMachine(const EmitOptions& opts, std::string& error) {
  static bool initialized = [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
    LLVMInitializeWebAssemblyTargetInfo();
    LLVMInitializeWebAssemblyTarget();
    LLVMInitializeWebAssemblyTargetMC();
    LLVMInitializeWebAssemblyAsmPrinter();
    return true;
  }();
  (void)initialized;
  bool wasm = opts.target == Target::Wasm32Wasi;
  std::string triple = wasm ? "wasm32-unknown-wasi" : llvm::sys::getDefaultTargetTriple();
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target) return nullptr;
  llvm::TargetOptions to;
  // Loop headers start a 64-byte line: a short hot loop that straddles two
  // lines takes two fetches per iteration on current x86 cores (sum_loop's
  // 30-byte loop ran 1.8x slower when a change elsewhere in the binary
  // moved it across a line). The default is 16.
  if (!wasm) to.LoopAlignment = 64;
  auto cg = opts.opt_level == 0 ? llvm::CodeGenOptLevel::None
            : opts.opt_level == 1 ? llvm::CodeGenOptLevel::Less
            : opts.opt_level == 3 ? llvm::CodeGenOptLevel::Aggressive
                                  : llvm::CodeGenOptLevel::Default;
  return std::unique_ptr<llvm::TargetMachine>(
      target->createTargetMachine(triple, wasm ? "generic" : "x86-64", "", to,
                                  wasm ? llvm::Reloc::Static : llvm::Reloc::PIC_, std::nullopt, cg));
}

// Points the module at the target. On wasm32-wasi, wasi-libc's start-up code
// calls `__main_argc_argv` (what clang names a C `main(int, char**)`).
void retarget(llvm::Module& m, llvm::TargetMachine& tm, Target target) {
  m.setDataLayout(tm.createDataLayout());
  m.setTargetTriple(tm.getTargetTriple().str());
  if (target == Target::Wasm32Wasi)
    if (llvm::Function* main = m.getFunction("main")) main->setName("__main_argc_argv");
}

// Runs argv (argv[0] looked up on PATH); the exit status, 127 if it cannot start.
int runTool(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) return 127;
  if (pid == 0) {
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

}  // namespace

void optimize(llvm::Module& m, const EmitOptions& opts) {
  std::string error;
  auto tm = makeTargetMachine(opts, error);
  if (tm) retarget(m, *tm, opts.target);
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(tm.get());
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::ModulePassManager mpm =
      opts.opt_level == 0 ? pb.buildO0DefaultPipeline(llvm::OptimizationLevel::O0)
                          : pb.buildPerModuleDefaultPipeline(passLevel(opts.opt_level, opts.size_level));
  mpm.run(m, mam);
  if (opts.opt_level >= 2 && opts.size_level == 0) {
    llvm::FunctionPassManager fpm = pb.buildFunctionSimplificationPipeline(
        passLevel(opts.opt_level, opts.size_level), llvm::ThinOrFullLTOPhase::None);
    auto simplify = [&](const std::vector<llvm::Function*>& changed) {
      for (llvm::Function* f : changed) {
        fam.invalidate(*f, llvm::PreservedAnalyses::none());  // changed behind the pass manager's back
        fpm.run(*f, fam);
      }
    };
    simplify(inlineSelfRecursion(m));
    // Each round's simplification can expose more: a folded check's slow
    // path no longer feeds the phis the next check reads, and compares are
    // folded only once the checks' dead paths are gone (scev_fold.cpp).
    for (int round = 0; round < 4; ++round) {
      std::vector<llvm::Function*> changed = foldKnownIntChecks(m);
      if (changed.empty()) break;
      simplify(changed);
    }
  }
  if (opts.target == Target::Wasm32Wasi && (opts.opt_level > 0 || opts.size_level > 0)) {
    narrowOverflowChecks(m);
    outlineInnerLoops(m);
    spillAcrossColdCalls(m);
  }
}

std::string printModule(const llvm::Module& m) {
  std::string out;
  llvm::raw_string_ostream os(out);
  m.print(os, nullptr);
  return out;
}

bool emitMachineCode(llvm::Module& m, const EmitOptions& opts, bool asm_text, std::string& out, std::string& error) {
  auto tm = makeTargetMachine(opts, error);
  if (!tm) return false;
  retarget(m, *tm, opts.target);
  llvm::SmallVector<char, 0> buf;
  llvm::raw_svector_ostream os(buf);
  llvm::legacy::PassManager pm;
  if (tm->addPassesToEmitFile(pm, os, nullptr,
                              asm_text ? llvm::CodeGenFileType::AssemblyFile : llvm::CodeGenFileType::ObjectFile)) {
    error = "the target cannot emit this file type";
    return false;
  }
  pm.run(m);
  out.assign(buf.begin(), buf.end());
  return true;
}

std::string findRuntimeArchive(const std::string& self_exe_dir, Target target, bool fast) {
  namespace fs = std::filesystem;
  bool wasm = target == Target::Wasm32Wasi;
  fast = fast && wasm;
  const char* name = fast ? "libmolt_runtime_wasm32_fast.a" : wasm ? "libmolt_runtime_wasm32.a" : "libmolt_runtime.a";
  const char* env_name = fast ? "MOLT_RUNTIME_WASM_FAST_LIB" : wasm ? "MOLT_RUNTIME_WASM_LIB" : "MOLT_RUNTIME_LIB";
  std::vector<std::string> candidates;
  if (const char* env = std::getenv(env_name)) candidates.push_back(env);
  candidates.push_back(fast ? MOLT_RUNTIME_WASM_FAST_ARCHIVE : wasm ? MOLT_RUNTIME_WASM_ARCHIVE : MOLT_RUNTIME_ARCHIVE);
  if (!self_exe_dir.empty()) {
    candidates.push_back(self_exe_dir + "/" + name);
    candidates.push_back(self_exe_dir + "/../runtime/" + name);
    candidates.push_back(self_exe_dir + "/../lib/molt/" + name);
  }
  std::error_code ec;
  for (const std::string& c : candidates)
    if (!c.empty() && fs::is_regular_file(c, ec)) return c;
  return "";
}

std::string findWasiSysroot() {
  namespace fs = std::filesystem;
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("MOLT_WASI_SYSROOT")) candidates.push_back(env);
  for (const char* c : {"/usr", "/usr/share/wasi-sysroot", "/opt/wasi-sdk/share/wasi-sysroot"}) candidates.push_back(c);
  std::error_code ec;
  for (const std::string& c : candidates)
    if (!c.empty() && fs::is_regular_file(c + "/lib/wasm32-wasi/libc.a", ec)) return c;
  return "";
}

std::vector<std::string> wasmEagerFunctions(const llvm::Module& m, const EmitOptions& opts) {
  std::vector<std::string> names;
  if (opts.target != Target::Wasm32Wasi || opts.opt_level == 0 || opts.size_level > 0) return names;
  // The program's own functions and outlined loops, not the entry point: it
  // runs once, and compiling it (the biggest function) would only delay
  // `_start`.
  for (const llvm::Function& f : m)
    if (!f.isDeclaration() && f.getName() != "__main_argc_argv") names.push_back(f.getName().str());
  return names;
}

namespace {

// Replaces the linked module at `path` with its finished form (wasm_hints.h).
bool finishWasm(const std::string& path, const std::vector<std::string>& eager, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  WasmFinish f = finishWasmModule(buf.str(), eager);
  if (!f.ok) {
    error = "wasm-ld's output cannot be read: " + f.error;
    return false;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
  if (!out) error = "cannot write " + path;
  return static_cast<bool>(out);
}

}  // namespace

bool linkExecutable(const std::string& object_path, const std::string& exe_path, const std::string& self_exe_dir,
                    const EmitOptions& opts, const std::vector<std::string>& eager_functions, std::string& error) {
  bool wasm = opts.target == Target::Wasm32Wasi;
  bool fast = wasm && opts.size_level == 0;
  std::string runtime = findRuntimeArchive(self_exe_dir, opts.target, fast);
  // An installation without the -O2 wasm runtime still links (more slowly).
  if (runtime.empty() && fast) runtime = findRuntimeArchive(self_exe_dir, opts.target, false);
  if (runtime.empty()) {
    error = wasm ? "cannot find the wasm32 runtime archive libmolt_runtime_wasm32.a (set MOLT_RUNTIME_WASM_LIB)"
                 : "cannot find the runtime archive libmolt_runtime.a (set MOLT_RUNTIME_LIB)";
    return false;
  }
  std::vector<std::string> args;
  if (wasm) {
    std::string sysroot = findWasiSysroot();
    if (sysroot.empty()) {
      error = "cannot find the WASI sysroot (install wasi-libc, or set MOLT_WASI_SYSROOT)";
      return false;
    }
    // Stack first, so a stack overflow traps instead of corrupting data; 8 MiB
    // like a native main thread, so the runtime's recursion limit (not the
    // wasm stack) is what deep recursion hits.
    args = {"clang-19", "--target=wasm32-wasi", "--sysroot=" + sysroot, "-o", exe_path, object_path, runtime,
            // --strip-debug keeps the name section finishWasm reads (and then drops).
            "-lm", "-Wl,--gc-sections", "-Wl,--strip-debug", "-Wl,--stack-first", "-Wl,-z,stack-size=8388608",
            // A signature mismatch would link to a trap stub: refuse it instead.
            "-Wl,--fatal-warnings"};
  } else {
    args = {"clang-19", "-fuse-ld=lld", "-o", exe_path, object_path, runtime,
            "-lm", "-Wl,--gc-sections", "-Wl,--build-id=none", "-s"};
  }
  int rc = runTool(args);
  if (rc != 0) {
    error = rc == 127 ? (wasm ? "cannot run clang-19 (install clang-19, lld-19 and wasi-libc)"
                              : "cannot run clang-19 (install clang-19 and lld-19)")
                      : (wasm ? "linking failed (clang-19 --target=wasm32-wasi, wasm-ld)"
                              : "linking failed (clang-19 -fuse-ld=lld)");
    return false;
  }
  return !wasm || finishWasm(exe_path, eager_functions, error);
}

}  // namespace molt::codegen
