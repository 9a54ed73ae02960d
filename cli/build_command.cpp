// `molt build` / `molt run`: the driver around codegen/, for the host or for
// wasm32-wasi (`--target wasm`, run under node:wasi). Reads and checks the
// file exactly like `molt check` (same diagnostics, exit 1 on errors), builds
// the typed IR (fail closed: constructs not lowered yet are diagnostics),
// lowers to LLVM, optimises, emits an object and links it. The binary is
// written to a temporary name and renamed into place, so a failed build never
// leaves a binary behind.
#include "cli/build_command.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include "analysis/check_file.h"
#include "cli/output_formats.h"
#include "codegen/codegen.h"

namespace molt::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kBuildUsage =
    "usage: molt build FILE [-o OUT] [--target=native|wasm] [--opt=N] [--emit=ir|llvm|asm] [--wit]\n"
    "       molt run FILE [--target=native|wasm] [--opt=N] [-- ARGS...]\n"
    "\n"
    "Compiles a checked Python file to a standalone native executable, or to a\n"
    "wasm32-wasi command module (run by `molt run --target wasm` under Node's node:wasi).\n"
    "\n"
    "options:\n"
    "  -o OUT          output path (default: FILE without .py, plus .wasm for wasm, in the current directory)\n"
    "  --target=T      native (default) or wasm (wasm32-wasi)\n"
    "  --opt=N         optimisation level 0..3, s or z (default: 2 native, s wasm)\n"
    "  --emit=STAGE    print a stage instead of linking: ir (typed IR), llvm, asm\n"
    "  --wit           print the WIT world of the program's @molt.export functions (wasm)\n"
    "\n"
    "Exit status: 0 built, 1 errors in the program (no binary written), 2 usage or toolchain problem.\n";

struct BuildArgs {
  std::string file;
  std::string out;
  std::string emit;
  char opt = 0;  // '0'..'3', 's', 'z'; 0 = the target's default
  codegen::Target target = codegen::Target::Native;
  bool wit = false;
  std::vector<std::string> run_args;
};

bool isWasm(const BuildArgs& b) { return b.target == codegen::Target::Wasm32Wasi; }

// The optimisation level actually used: wasm modules are size-optimised by
// default (download size matters more than the last few percent of speed).
char effectiveOpt(const BuildArgs& b) { return b.opt ? b.opt : isWasm(b) ? 's' : '2'; }

codegen::EmitOptions emitOptions(const BuildArgs& b) {
  codegen::EmitOptions eo;
  char o = effectiveOpt(b);
  eo.opt_level = o == 's' || o == 'z' ? 2 : o - '0';
  eo.size_level = o == 's' ? 1 : o == 'z' ? 2 : 0;
  eo.target = b.target;
  return eo;
}

bool parse(const std::vector<std::string>& args, bool is_run, BuildArgs& b, std::string& error) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {
      b.run_args.assign(args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    }
    if (a == "-h" || a == "--help") {
      error = "help";
      return false;
    }
    if (a == "-o" && !is_run && i + 1 < args.size()) {
      b.out = args[++i];
    } else if (a.rfind("--target=", 0) == 0 || (a == "--target" && i + 1 < args.size())) {
      std::string v = a == "--target" ? args[++i] : a.substr(9);
      if (v == "native") {
        b.target = codegen::Target::Native;
      } else if (v == "wasm" || v == "wasm32" || v == "wasm32-wasi") {
        b.target = codegen::Target::Wasm32Wasi;
      } else {
        error = fmt::format("unknown target `{}` (native or wasm)", v);
        return false;
      }
    } else if (a == "--wit" && !is_run) {
      b.wit = true;
    } else if (a.rfind("--opt=", 0) == 0 || (a.size() == 3 && a[0] == '-' && a[1] == 'O')) {
      std::string v = a[1] == 'O' ? a.substr(2) : a.substr(6);
      if (v.size() != 1 || !((v[0] >= '0' && v[0] <= '3') || v[0] == 's' || v[0] == 'z')) {
        error = "--opt takes 0, 1, 2, 3, s or z";
        return false;
      }
      b.opt = v[0];
    } else if (a.rfind("--emit=", 0) == 0 && !is_run) {
      b.emit = a.substr(7);
      if (b.emit != "ir" && b.emit != "llvm" && b.emit != "asm") {
        error = "--emit takes ir, llvm or asm";
        return false;
      }
    } else if (!a.empty() && a[0] == '-') {
      error = fmt::format("unknown option `{}`", a);
      return false;
    } else if (b.file.empty()) {
      b.file = a;
    } else if (is_run) {
      b.run_args.assign(args.begin() + static_cast<long>(i), args.end());
      break;
    } else {
      error = "molt build takes exactly one file";
      return false;
    }
  }
  if (b.file.empty()) {
    error = "no file given";
    return false;
  }
  return true;
}

// The path a program's tracebacks print: absolute, as CPython shows its
// main script. Also part of the `molt run` cache key, which must change
// with it.
std::string tracebackPath(const std::string& file) {
  std::error_code ec;
  fs::path p = fs::absolute(file, ec);
  return ec ? file : p.lexically_normal().string();
}

std::string selfExeDir() {
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : p.parent_path().string();
}

bool readText(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = std::move(ss).str();
  return !in.bad();
}

// Compiles `b.file`; writes the executable to `exe` (or prints the stage).
// Returns the exit status.
int compile(const BuildArgs& b, const std::string& exe) {
  std::string text;
  if (!readText(b.file, text)) {
    fmt::print(stderr, "molt: error: {}: cannot read file\n", b.file);
    return 2;
  }
  if (findInvalidUtf8(text) != std::string::npos) {
    fmt::print(stderr, "molt: error: {}: invalid UTF-8; Python source must be UTF-8\n", b.file);
    return 2;
  }
  SourceFile src(b.file, std::move(text));
  FileAnalysis a = analyzeFile(src);
  if (a.errorCount() > 0 || !a.checked) {
    std::string d = renderHuman(src, a.diagnostics, false);
    std::fwrite(d.data(), 1, d.size(), stderr);
    fmt::print(stderr, "molt: error: {} has errors; not building\n", b.file);
    return 1;
  }
  std::vector<Diagnostic> diags;
  std::unique_ptr<codegen::IrModule> ir = codegen::buildIr(a, diags);
  if (!ir) {
    std::string d = renderHuman(src, diags, false);
    std::fwrite(d.data(), 1, d.size(), stderr);
    fmt::print(stderr, "molt: error: {} uses constructs `molt build` cannot compile yet; not building\n", b.file);
    return 1;
  }
  ir->traceback_path = tracebackPath(b.file);
  if (b.wit) {
    std::string out = codegen::witWorld(*ir, fs::path(b.file).stem().string());
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  if (b.emit == "ir") {
    std::string out = codegen::dumpIr(*ir);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  llvm::LLVMContext ctx;
  std::unique_ptr<llvm::Module> m = codegen::lower(*ir, ctx, isWasm(b));
  if (isWasm(b)) codegen::addWasmExports(*ir, *m);
  codegen::EmitOptions eo = emitOptions(b);
  codegen::optimize(*m, eo);
  if (b.emit == "llvm") {
    std::string out = codegen::printModule(*m);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  std::vector<std::string> eager = codegen::wasmEagerFunctions(*m, eo);
  std::string code, error;
  if (!codegen::emitMachineCode(*m, eo, b.emit == "asm", code, error)) {
    fmt::print(stderr, "molt: error: code generation failed: {}\n", error);
    return 2;
  }
  if (b.emit == "asm") {
    std::fwrite(code.data(), 1, code.size(), stdout);
    return 0;
  }
  // Object and temporary binary next to the output, renamed into place.
  std::string tmp_exe = fmt::format("{}.tmp{}", exe, getpid());
  std::string obj = tmp_exe + ".o";
  {
    std::ofstream o(obj, std::ios::binary);
    o.write(code.data(), static_cast<std::streamsize>(code.size()));
    if (!o) {
      fmt::print(stderr, "molt: error: cannot write {}\n", obj);
      return 2;
    }
  }
  bool ok = codegen::linkExecutable(obj, tmp_exe, selfExeDir(), eo, eager, error);
  std::error_code ec;
  fs::remove(obj, ec);
  if (!ok) {
    fs::remove(tmp_exe, ec);
    fmt::print(stderr, "molt: error: {}\n", error);
    return 2;
  }
  fs::rename(tmp_exe, exe, ec);
  if (ec) {
    fs::remove(tmp_exe, ec);
    fmt::print(stderr, "molt: error: cannot write {}\n", exe);
    return 2;
  }
  return 0;
}

std::string defaultOutput(const BuildArgs& b) {
  fs::path p(b.file);
  std::string stem = p.stem().string();
  if (stem.empty()) stem = "a.out";
  return isWasm(b) ? stem + ".wasm" : stem;
}

// The node:wasi runner shipped with Molt (runtime/wasi/run.mjs): environment
// override, the source tree it was built from, then an installed copy.
std::string findRunner() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("MOLT_WASI_RUNNER")) candidates.push_back(env);
#ifdef MOLT_WASI_RUNNER_PATH
  candidates.push_back(MOLT_WASI_RUNNER_PATH);
#endif
  std::string self = selfExeDir();
  if (!self.empty()) {
    candidates.push_back(self + "/run.mjs");
    candidates.push_back(self + "/../share/molt/run.mjs");
  }
  std::error_code ec;
  for (const std::string& c : candidates)
    if (!c.empty() && fs::is_regular_file(c, ec)) return c;
  return "";
}

uint64_t fnv1a(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

int runBuild(const std::vector<std::string>& args) {
  BuildArgs b;
  std::string error;
  if (!parse(args, false, b, error)) {
    if (error == "help") {
      std::fputs(kBuildUsage, stdout);
      return 0;
    }
    fmt::print(stderr, "molt: error: {}\n\n{}", error, kBuildUsage);
    return 2;
  }
  return compile(b, b.out.empty() ? defaultOutput(b) : b.out);
}

std::string wasiRunnerPath() { return findRunner(); }

int runRun(const std::vector<std::string>& args) {
  BuildArgs b;
  std::string error;
  if (!parse(args, true, b, error)) {
    if (error == "help") {
      std::fputs(kBuildUsage, stdout);
      return 0;
    }
    fmt::print(stderr, "molt: error: {}\n\n{}", error, kBuildUsage);
    return 2;
  }
  std::string text;
  if (!readText(b.file, text)) {
    fmt::print(stderr, "molt: error: {}: cannot read file\n", b.file);
    return 2;
  }
  // Key: source, its absolute path (tracebacks name it), optimisation level
  // and the compiler binary's identity.
  uint64_t h = fnv1a(14695981039346656037ULL, text);
  h = fnv1a(h, tracebackPath(b.file));
  h = fnv1a(h, fmt::format("opt={};target={};molt=0.1.0", effectiveOpt(b), isWasm(b) ? "wasm" : "native"));
  struct stat st {};
  if (stat("/proc/self/exe", &st) == 0) h = fnv1a(h, fmt::format("{}:{}", st.st_size, st.st_mtime));
  // The runtime archive the program links: rebuilding only the runtime must
  // not reuse a binary linked with the old one.
  codegen::EmitOptions keyed = emitOptions(b);
  std::string rt = codegen::findRuntimeArchive(selfExeDir(), keyed.target, keyed.size_level == 0);
  if (!rt.empty() && stat(rt.c_str(), &st) == 0) h = fnv1a(h, fmt::format("{}:{}:{}", rt, st.st_size, st.st_mtime));
  std::string cache;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) cache = std::string(x) + "/molt";
  else if (const char* home = std::getenv("HOME"); home && *home) cache = std::string(home) + "/.cache/molt";
  else cache = "/tmp/molt-cache";
  std::error_code ec;
  fs::create_directories(cache, ec);
  std::string exe = fmt::format("{}/{}-{:016x}", cache, defaultOutput(b), h);
  if (!fs::exists(exe, ec)) {
    int rc = compile(b, exe);
    if (rc != 0) return rc;
  }
  std::fflush(stdout);
  std::fflush(stderr);
  if (isWasm(b)) {
    std::string runner = findRunner();
    if (runner.empty()) {
      fmt::print(stderr, "molt: error: cannot find the WASI runner run.mjs (set MOLT_WASI_RUNNER)\n");
      return 2;
    }
    // argv[0] of the module is the script path, as `python3 FILE` has it.
    std::vector<std::string> argv_s{"node", "--no-warnings", runner, "--argv0=" + b.file, exe};
    argv_s.insert(argv_s.end(), b.run_args.begin(), b.run_args.end());
    std::vector<char*> argv;
    for (std::string& s : argv_s) argv.push_back(s.data());
    argv.push_back(nullptr);
    execvp("node", argv.data());
    fmt::print(stderr, "molt: error: cannot run node (install nodejs >= 18)\n");
    return 2;
  }
  std::vector<std::string> argv_s{b.file};
  argv_s.insert(argv_s.end(), b.run_args.begin(), b.run_args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_s) argv.push_back(s.data());
  argv.push_back(nullptr);
  execv(exe.c_str(), argv.data());
  fmt::print(stderr, "molt: error: cannot run {}\n", exe);
  return 2;
}

}  // namespace molt::cli
