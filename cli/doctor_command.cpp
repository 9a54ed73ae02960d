// `molt doctor`: per function and class, whether it compiles and
// structifies, each blocker with its explanation and fix as a diff; `--fix`
// applies fixes round by round until nothing changes; with no files, checks
// the toolchain.
#include "doctor_command.h"

#include <fmt/format.h>
#include <tree_sitter/api.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/check_file.h"
#include "analysis/fixes.h"
#include "analysis/syntax_tree.h"
#include "cli/file_walk.h"

namespace molt::cli {
namespace {

constexpr const char* kUsage =
    "usage: molt doctor [options] [FILE|DIR...]\n"
    "\n"
    "With files: reports, for each function and class, whether it compiles and\n"
    "structifies, and how to fix each blocker. Without files: checks the toolchain.\n"
    "\n"
    "options:\n"
    "  --fix            apply safe fixes (repeats until nothing changes)\n"
    "  --unsafe-fixes   also apply unsafe fixes (implies --fix)\n"
    "  --diff           show the fixes as a unified diff instead of writing them\n"
    "  --optional-pipe  also rewrite `Optional[X]` as `X | None`\n"
    "  --json           machine-readable output (toolchain check)\n";

struct Options {
  bool fix = false, unsafe = false, diff = false, json = false, pipe_optional = false;
  std::vector<std::string> paths;
};

bool readText(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) { error = path + ": cannot read file"; return false; }
  std::ostringstream ss;
  ss << in.rdbuf();
  out = std::move(ss).str();
  size_t bad = findInvalidUtf8(out);
  if (bad != std::string::npos) { error = fmt::format("{}: invalid UTF-8 at byte {}", path, bad); return false; }
  return true;
}

// Writes through a temporary file in the same directory and renames it over
// the original, so a crash never leaves a half-written source file.
bool writeAtomically(const std::string& path, const std::string& text, std::string& error) {
  std::string tmp = path + ".molt-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) { error = path + ": cannot write " + tmp; return false; }
    out << text;
    out.flush();
    if (!out) { error = path + ": write failed"; std::filesystem::remove(tmp); return false; }
  }
  std::error_code ec;
  auto perms = std::filesystem::status(path, ec).permissions();
  if (!ec) std::filesystem::permissions(tmp, perms, ec);
  std::filesystem::rename(tmp, path, ec);
  if (ec) { error = path + ": " + ec.message(); std::filesystem::remove(tmp); return false; }
  return true;
}

bool applicable(const Fix& f, bool unsafe) {
  return f.applicability == Applicability::Safe || (unsafe && f.applicability == Applicability::Unsafe);
}

bool overlaps(const std::vector<TextEdit>& taken, const std::vector<TextEdit>& edits) {
  for (const TextEdit& e : edits)
    for (const TextEdit& t : taken) {
      bool same_insert = e.range == t.range && e.range.begin == e.range.end && e.replacement == t.replacement;
      if (same_insert) continue;
      if (e.range.begin < t.range.end && t.range.begin < e.range.end) return true;
      if (e.range.begin == e.range.end && t.range.begin == t.range.end && e.range.begin == t.range.begin) continue;
      if ((e.range.begin == e.range.end && e.range.begin > t.range.begin && e.range.begin < t.range.end) ||
          (t.range.begin == t.range.end && t.range.begin > e.range.begin && t.range.begin < e.range.end))
        return true;
    }
  return false;
}

struct FixRun {
  std::string text;
  size_t applied = 0;
  size_t rounds = 0;
  std::string error;
};

// Applies applicable fixes round by round: each round re-analyses the text,
// so evidence found after one fix (a parameter's type) feeds the next.
FixRun runFixes(const std::string& path, std::string text, bool unsafe, const AnalysisOptions& options) {
  FixRun r;
  for (r.rounds = 0; r.rounds < 12; ++r.rounds) {
    SourceFile src(path, text);
    FileAnalysis a = analyzeFile(src, options);
    std::vector<TextEdit> taken;
    size_t count = 0;
    for (const Diagnostic& d : a.diagnostics)
      for (const Fix& f : d.fixes) {
        if (!applicable(f, unsafe) || overlaps(taken, f.edits)) continue;
        taken.insert(taken.end(), f.edits.begin(), f.edits.end());
        ++count;
        break;  // one fix per diagnostic
      }
    if (count == 0) break;
    auto next = applyEdits(text, taken);
    if (!next) { r.error = "fixes overlapped; stopped"; break; }
    SourceFile check(path, *next);
    if (parseModule(check).has_syntax_errors) {
      r.error = "a fix produced a file that does not parse; nothing was written for this round";
      break;
    }
    text = std::move(*next);
    r.applied += count;
  }
  r.text = std::move(text);
  return r;
}

// Error diagnostics inside a def's range (nested defs included).
size_t blockersIn(const FileAnalysis& a, SourceRange r) {
  size_t n = 0;
  for (const Diagnostic& d : a.diagnostics)
    n += d.severity() == Severity::Error && d.range.begin >= r.begin && d.range.begin < r.end;
  return n;
}

void collectFunctions(Block b, std::vector<const FunctionDef*>& out) {
  for (const Stmt* s : b) {
    if (s->kind == StmtKind::FunctionDef) {
      out.push_back(as<FunctionDef>(s));
      collectFunctions(as<FunctionDef>(s)->body, out);
    } else if (s->kind == StmtKind::ClassDef) {
      collectFunctions(as<ClassDef>(s)->body, out);
    } else if (s->kind == StmtKind::If) {
      collectFunctions(as<IfStmt>(s)->body, out);
      collectFunctions(as<IfStmt>(s)->orelse, out);
    }
  }
}

std::string fixDiff(const SourceFile& src, const Fix& f) {
  auto after = applyEdits(src.text(), f.edits);
  if (!after) return {};
  return unifiedDiff(src.path(), src.text(), *after);
}

void printBlockers(const FileAnalysis& a, SourceRange r, std::string& out) {
  const SourceFile& src = *a.source;
  for (const Diagnostic& d : a.diagnostics) {
    if (d.severity() != Severity::Error || d.range.begin < r.begin || d.range.begin >= r.end) continue;
    out += fmt::format("    {}[{}] line {}: {}\n", severityName(d.severity()), d.code(), src.position(d.range.begin).line, d.message);
    for (const std::string& h : d.help) out += fmt::format("      help: {}\n", h);
    for (const Fix& f : d.fixes) {
      out += fmt::format("      fix ({}): {}\n",
                         f.applicability == Applicability::Safe ? "safe" : f.applicability == Applicability::Unsafe ? "unsafe" : "advice",
                         f.title);
      std::string diff = fixDiff(src, f);
      std::istringstream lines(diff);
      for (std::string l; std::getline(lines, l);) out += "        " + l + "\n";
    }
  }
}

// The report for one file; returns the number of blocked functions/classes.
size_t report(const FileAnalysis& a, std::string& out) {
  const SourceFile& src = *a.source;
  std::vector<const FunctionDef*> fns;
  collectFunctions(a.parsed.module.body, fns);
  size_t ok_fns = 0, ok_classes = 0;
  std::string detail;
  for (const FunctionDef* f : fns) {
    size_t n = blockersIn(a, f->range);
    if (n == 0) { ++ok_fns; continue; }
    detail += fmt::format("  function `{}` (line {}): blocked by {} problem{}\n", f->name, src.position(f->range.begin).line, n,
                          n == 1 ? "" : "s");
    // Only the def's own line range: nested functions are listed on their own.
    printBlockers(a, f->range, detail);
  }
  for (const StructLayout& l : a.layouts) {
    if (l.structifiable) { ++ok_classes; continue; }
    detail += fmt::format("  class `{}` (line {}): not structifiable\n", l.cls->name, src.position(l.cls->decl->range.begin).line);
    for (const StructReason& r : l.reasons) {
      detail += fmt::format("    [{}] line {}: {}\n", info(r.code).code, src.position(r.range.begin).line, r.message);
      for (const Diagnostic& d : a.diagnostics)
        if (d.kind == r.code && d.range == r.range)
          for (const Fix& f : d.fixes) {
            detail += fmt::format("      fix ({}): {}\n", f.applicability == Applicability::Safe ? "safe" : "unsafe", f.title);
            std::istringstream lines(fixDiff(src, f));
            for (std::string l2; std::getline(lines, l2);) detail += "        " + l2 + "\n";
          }
    }
  }
  size_t notes = 0;
  for (const Diagnostic& d : a.diagnostics) {
    if (d.severity() != Severity::Note) continue;
    if (notes++ == 0) detail += "  suggestions (safe fixes; `molt doctor --diff` shows them, `--fix` applies them):\n";
    detail += fmt::format("    [{}] line {}: {}\n", d.code(), src.position(d.range.begin).line, d.message);
  }
  size_t module_errors = 0;
  for (const Diagnostic& d : a.diagnostics) {
    if (d.severity() != Severity::Error) continue;
    bool inside = false;
    for (const FunctionDef* f : fns) inside |= d.range.begin >= f->range.begin && d.range.begin < f->range.end;
    if (!inside) ++module_errors;
  }
  if (a.parsed.has_syntax_errors) {
    out += fmt::format("{}: does not parse ({} syntax error{}); run `molt check {}`\n", src.path(), module_errors,
                       module_errors == 1 ? "" : "s", src.path());
    return 1;
  }
  out += fmt::format("{}: {}/{} functions compile, {}/{} classes structify{}\n", src.path(), ok_fns, fns.size(), ok_classes,
                     a.layouts.size(), module_errors ? fmt::format(", {} module-level problem{}", module_errors, module_errors == 1 ? "" : "s") : "");
  out += detail;
  if (module_errors) {
    out += "  module level:\n";
    std::vector<const FunctionDef*> none;
    for (const Diagnostic& d : a.diagnostics) {
      if (d.severity() != Severity::Error) continue;
      bool inside = false;
      for (const FunctionDef* f : fns) inside |= d.range.begin >= f->range.begin && d.range.begin < f->range.end;
      if (!inside) out += fmt::format("    error[{}] line {}: {}\n", d.code(), src.position(d.range.begin).line, d.message);
    }
  }
  return (fns.size() - ok_fns) + (a.layouts.size() - ok_classes) + module_errors;
}

// ------------------------------------------------------------ toolchain
struct Check {
  std::string name, status, detail, fix;
};

std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = popen((cmd + " 2>/dev/null").c_str(), "r");
  if (!p) return out;
  char buf[256];
  while (fgets(buf, sizeof buf, p)) out += buf;
  pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

bool exists(const char* p) { return std::filesystem::exists(p); }

std::vector<Check> toolchainChecks(const LocateFn& locate) {
  std::vector<Check> c;
  std::string llvm = run("llvm-config-19 --version");
  c.push_back({"llvm", llvm.empty() ? "ERROR" : "OK", llvm.empty() ? "LLVM 19 not found" : "LLVM " + llvm + " (" + run("llvm-config-19 --prefix") + ")",
               "sudo apt-get install llvm-19-dev"});
  bool lld = exists("/usr/bin/ld.lld-19") || !run("command -v ld.lld-19").empty();
  c.push_back({"linker", lld ? "OK" : "ERROR", lld ? "ld.lld-19 (the lld binary; molt build will invoke it)" : "ld.lld-19 not found",
               "sudo apt-get install lld-19"});
  bool wasmld = exists("/usr/bin/wasm-ld-19") || !run("command -v wasm-ld-19").empty();
  c.push_back({"wasm-linker", wasmld ? "OK" : "ERROR", wasmld ? "wasm-ld-19" : "wasm-ld-19 not found", "sudo apt-get install lld-19"});
  bool sysroot = exists("/usr/include/wasm32-wasi/stdio.h") && exists("/usr/lib/wasm32-wasi/libc.a");
  c.push_back({"wasi-sysroot", sysroot ? "OK" : "ERROR", sysroot ? "wasi-libc (/usr/include/wasm32-wasi, /usr/lib/wasm32-wasi)" : "wasi-libc not found",
               "sudo apt-get install wasi-libc"});
  bool rt = exists("/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a");
  c.push_back({"wasm-builtins", rt ? "OK" : "ERROR", rt ? "libclang_rt.builtins-wasm32.a" : "compiler-rt builtins for wasm32 not found",
               "sudo apt-get install libclang-rt-19-dev-wasm32"});
  std::string node = run("node --version");
  int major = node.size() > 1 ? std::atoi(node.c_str() + 1) : 0;
  c.push_back({"node", major >= 18 ? "OK" : node.empty() ? "ERROR" : "WARNING",
               node.empty() ? "node not found (runs WASI modules through node:wasi)" : "node " + node + " with node:wasi",
               "sudo apt-get install nodejs"});
  uint32_t abi = pythonLanguage() ? ts_language_version(pythonLanguage()) : 0;
  c.push_back({"grammar", abi ? "OK" : "ERROR",
               abi ? fmt::format("tree-sitter-python {} (language ABI {}, runtime accepts {}..{})", MOLT_TS_PYTHON_VERSION, abi,
                                 TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION, TREE_SITTER_LANGUAGE_VERSION)
                   : "the linked grammar's ABI is not supported by libtree-sitter",
               "rebuild with `make test` (the grammar is fetched and pinned at configure time)"});
  auto where = [&](std::string_view what) { return locate ? locate(what) : std::string(); };
  std::string runtime = where("runtime");
  c.push_back({"runtime", runtime.empty() ? "ERROR" : "OK",
               runtime.empty() ? "the runtime archive libmolt_runtime.a was not found" : "host runtime " + runtime +
                                     " (molt build links it with clang-19 -fuse-ld=lld)",
               "rebuild with `make test`, or set MOLT_RUNTIME_LIB"});
  std::string wasm_runtime = where("runtime-wasm");
  c.push_back({"wasm-runtime", wasm_runtime.empty() ? "ERROR" : "OK",
               wasm_runtime.empty() ? "the wasm32 runtime archive libmolt_runtime_wasm32.a was not found"
                                    : "wasm32 runtime " + wasm_runtime +
                                          " (molt build --target wasm links it with clang-19 --target=wasm32-wasi, wasm-ld)",
               "rebuild with `make test`, or set MOLT_RUNTIME_WASM_LIB"});
  std::string runner = where("wasi-runner");
  c.push_back({"wasi-runner", runner.empty() ? "ERROR" : "OK",
               runner.empty() ? "the node:wasi runner run.mjs was not found"
                              : "node:wasi runner " + runner + " (molt run --target wasm)",
               "set MOLT_WASI_RUNNER to runtime/wasi/run.mjs"});
  return c;
}

int toolchain(const Options& o, const LocateFn& locate) {
  auto checks = toolchainChecks(locate);
  bool errors = false;
  for (const Check& c : checks) errors |= c.status == "ERROR";
  if (o.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const Check& c : checks) arr.push_back({{"name", c.name}, {"status", c.status}, {"detail", c.detail}, {"fix", c.fix}});
    std::puts(nlohmann::json{{"checks", arr}, {"ok", !errors}}.dump(2).c_str());
  } else {
    for (const Check& c : checks) {
      fmt::print("{:<8} {:<14} {}\n", c.status, c.name, c.detail);
      if (c.status != "OK") fmt::print("{:<8} {:<14} fix: {}\n", "", "", c.fix);
    }
  }
  return errors ? 1 : 0;
}

}  // namespace

int runDoctor(const std::vector<std::string>& args, const LocateFn& locate) {
  Options o;
  for (const std::string& a : args) {
    if (a == "--fix") o.fix = true;
    else if (a == "--unsafe-fixes") o.fix = o.unsafe = true;
    else if (a == "--diff") o.diff = true;
    else if (a == "--json") o.json = true;
    else if (a == "--optional-pipe") o.pipe_optional = true;
    else if (a == "-h" || a == "--help") { std::fputs(kUsage, stdout); return 0; }
    else if (a.starts_with("-")) { fmt::print(stderr, "molt: error: unknown option `{}`\n\n{}", a, kUsage); return 2; }
    else o.paths.push_back(a);
  }
  if (o.paths.empty()) return toolchain(o, locate);
  if (!pythonLanguage()) return 2;
  WalkResult walk = collectPythonFiles(o.paths, {});
  int rc = 0;
  for (const auto& e : walk.errors) {
    fmt::print(stderr, "molt: error: {}\n", e);
    rc = 2;
  }
  size_t blocked = 0;
  for (const std::string& path : walk.files) {
    std::string text, error;
    if (!readText(path, text, error)) {
      fmt::print(stderr, "molt: error: {}\n", error);
      rc = 2;
      continue;
    }
    std::string final_text = text;
    if (o.fix || o.diff) {
      FixRun fr = runFixes(path, text, o.unsafe, AnalysisOptions{true, o.pipe_optional});
      if (!fr.error.empty()) fmt::print(stderr, "molt: warning: {}: {}\n", path, fr.error);
      if (fr.text != text) {
        if (o.diff) {
          std::string d = unifiedDiff(path, text, fr.text);
          std::fwrite(d.data(), 1, d.size(), stdout);
        } else {
          if (!writeAtomically(path, fr.text, error)) {
            fmt::print(stderr, "molt: error: {}\n", error);
            rc = 2;
            continue;
          }
          fmt::print("{}: applied {} fix{} in {} round{}\n", path, fr.applied, fr.applied == 1 ? "" : "es", fr.rounds,
                     fr.rounds == 1 ? "" : "s");
        }
      }
      if (o.fix && !o.diff) final_text = fr.text;
    }
    if (o.diff) continue;
    SourceFile src(path, final_text);
    FileAnalysis a = analyzeFile(src, AnalysisOptions{true, o.pipe_optional});
    std::string out;
    blocked += report(a, out);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (rc) return rc;
  return blocked ? 1 : 0;
}

}  // namespace molt::cli
