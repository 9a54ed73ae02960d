// The `molt` command-line driver: dispatches to subcommands.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/build_command.h"
#include "codegen/codegen.h"
#include "cli/check_command.h"
#include "cli/doctor_command.h"
#include "server/lsp_main.h"

namespace {

constexpr const char* kUsage =
    "usage: molt <command> [options]\n"
    "\n"
    "commands:\n"
    "  build FILE        compile a checked file to a native executable (see `molt build --help`)\n"
    "  run FILE [-- ARGS] build into the cache and run\n"
    "  check PATH...     check files against Molt's verified subset (see `molt check --help`)\n"
    "  doctor [FILE...]  what blocks compilation and structification, with fixes; no files: toolchain check\n"
    "  explain CODE      print the documentation of a diagnostic code\n"
    "  lsp [--port N]    run the language server (stdio, or TCP on 127.0.0.1)\n"
    "  version           print the version\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  std::string cmd = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (cmd == "check") return molt::cli::runCheck(rest);
  if (cmd == "build") return molt::cli::runBuild(rest);
  if (cmd == "run") return molt::cli::runRun(rest);
  if (cmd == "doctor")
    return molt::cli::runDoctor(rest, [](std::string_view what) {
      std::error_code ec;
      auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
      std::string dir = ec ? std::string() : self.parent_path().string();
      if (what == "runtime") return molt::codegen::findRuntimeArchive(dir, molt::codegen::Target::Native);
      if (what == "runtime-wasm") return molt::codegen::findRuntimeArchive(dir, molt::codegen::Target::Wasm32Wasi);
      if (what == "wasi-runner") return molt::cli::wasiRunnerPath();
      return std::string();
    });
  if (cmd == "lsp") return molt::lsp::runLspCommand(rest);
  if (cmd == "explain" && rest.size() == 1) return molt::cli::explainCode(rest[0]);
  if (cmd == "version" || cmd == "--version") {
    std::puts("molt 0.1.0");
    return 0;
  }
  fmt::print(stderr, "molt: error: unknown command `{}`\n\n{}", cmd, kUsage);
  return 2;
}
