// LLVM module -> optimised module -> assembly or object file -> executable.
// Uses the new pass manager's default pipelines, a TargetMachine for the
// host triple with a generic x86-64 CPU (so the same source gives the same
// bytes on every machine), and links with `clang-19 -fuse-ld=lld` against
// the runtime archive (the runtime needs only libc and libm).
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

#include "codegen/codegen.h"

#ifndef MOLT_RUNTIME_ARCHIVE
#define MOLT_RUNTIME_ARCHIVE ""
#endif

namespace molt::codegen {
namespace {

llvm::OptimizationLevel passLevel(int level) {
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
    return true;
  }();
  (void)initialized;
  std::string triple = llvm::sys::getDefaultTargetTriple();
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target) return nullptr;
  llvm::TargetOptions to;
  auto cg = opts.opt_level == 0 ? llvm::CodeGenOptLevel::None
            : opts.opt_level == 1 ? llvm::CodeGenOptLevel::Less
            : opts.opt_level == 3 ? llvm::CodeGenOptLevel::Aggressive
                                  : llvm::CodeGenOptLevel::Default;
  return std::unique_ptr<llvm::TargetMachine>(
      target->createTargetMachine(triple, "x86-64", "", to, llvm::Reloc::PIC_, std::nullopt, cg));
}

}  // namespace

void optimize(llvm::Module& m, const EmitOptions& opts) {
  std::string error;
  auto tm = makeTargetMachine(opts, error);
  if (tm) {
    m.setDataLayout(tm->createDataLayout());
    m.setTargetTriple(tm->getTargetTriple().str());
  }
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
  llvm::ModulePassManager mpm = opts.opt_level == 0 ? pb.buildO0DefaultPipeline(llvm::OptimizationLevel::O0)
                                                    : pb.buildPerModuleDefaultPipeline(passLevel(opts.opt_level));
  mpm.run(m, mam);
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
  m.setDataLayout(tm->createDataLayout());
  m.setTargetTriple(tm->getTargetTriple().str());
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

std::string findRuntimeArchive(const std::string& self_exe_dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("MOLT_RUNTIME_LIB")) candidates.push_back(env);
  candidates.push_back(MOLT_RUNTIME_ARCHIVE);
  if (!self_exe_dir.empty()) {
    candidates.push_back(self_exe_dir + "/libmolt_runtime.a");
    candidates.push_back(self_exe_dir + "/../runtime/libmolt_runtime.a");
    candidates.push_back(self_exe_dir + "/../lib/molt/libmolt_runtime.a");
  }
  std::error_code ec;
  for (const std::string& c : candidates)
    if (!c.empty() && fs::is_regular_file(c, ec)) return c;
  return "";
}

bool linkExecutable(const std::string& object_path, const std::string& exe_path, const std::string& self_exe_dir,
                    std::string& error) {
  std::string runtime = findRuntimeArchive(self_exe_dir);
  if (runtime.empty()) {
    error = "cannot find the runtime archive libmolt_runtime.a (set MOLT_RUNTIME_LIB)";
    return false;
  }
  std::vector<std::string> args = {"clang-19", "-fuse-ld=lld", "-o", exe_path, object_path, runtime,
                                   "-lm", "-Wl,--gc-sections", "-Wl,--build-id=none", "-s"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) {
    error = "fork failed";
    return false;
  }
  if (pid == 0) {
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = WIFEXITED(status) && WEXITSTATUS(status) == 127 ? "cannot run clang-19 (install clang-19 and lld-19)"
                                                             : "linking failed (clang-19 -fuse-ld=lld)";
    return false;
  }
  return true;
}

}  // namespace molt::codegen
