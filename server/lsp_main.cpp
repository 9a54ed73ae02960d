// Command-line entry of the language server (stdio by default, --port N).
#include "server/lsp_main.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "analysis/syntax_tree.h"
#include "server/server.h"

namespace molt::lsp {

namespace {
constexpr const char* kUsage =
    "usage: molt-lsp [--stdio | --port N]\n"
    "\n"
    "Molt's language server (LSP 3.17).\n"
    "  --stdio    speak JSON-RPC on stdin/stdout (default)\n"
    "  --port N   listen on 127.0.0.1:N and serve one client\n";
}  // namespace

int runLspCommand(const std::vector<std::string>& args) {
  int port = -1;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--stdio") {
      port = -1;
    } else if (a == "--port" || a.starts_with("--port=")) {
      std::string v = a == "--port" ? (i + 1 < args.size() ? args[++i] : "") : a.substr(7);
      char* end = nullptr;
      long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end || n < 0 || n > 65535) {
        std::fprintf(stderr, "molt-lsp: --port needs a number from 0 to 65535\n\n%s", kUsage);
        return 2;
      }
      port = static_cast<int>(n);
    } else if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--version") {
      std::puts("molt-lsp 0.1.0");
      return 0;
    } else if (a.starts_with("--clientProcessId")) {
      if (a == "--clientProcessId") ++i;  // passed by some clients; not needed
    } else {
      std::fprintf(stderr, "molt-lsp: unknown argument `%s`\n\n%s", a.c_str(), kUsage);
      return 2;
    }
  }
  if (!pythonLanguage()) return 2;  // message printed by pythonLanguage()
  std::signal(SIGPIPE, SIG_IGN);    // a vanished client is a write error, not a crash
#if defined(__GLIBC__)
  // Three malloc arenas: the I/O thread's (main), the worker's, and one for
  // the short-lived helper threads, never two alive at once (the second half
  // of a first parse; definite assignment beside the checker). Each helper is
  // a new thread, and glibc hands it the arena the last one left on its free
  // list. With glibc's default of 8 per core, freed memory lingered in
  // many part-empty arenas: 5k lines peaked at 70 MiB instead of 18 MiB.
  // With a single arena the worker and the helper fought over its lock on
  // every tree-sitter allocation: the first parse of 5k lines took 42-58 ms
  // instead of 23 ms (strace: ~1300 futex waits in malloc), and first
  // diagnostics 54-78 ms instead of 31-34 ms.
  mallopt(M_ARENA_MAX, 3);
#endif
  std::unique_ptr<Transport> transport;
  if (port >= 0) {
    std::string error;
    transport = makeTcpTransport(static_cast<unsigned short>(port), error);
    if (!transport) {
      std::fprintf(stderr, "molt-lsp: %s\n", error.c_str());
      return 2;
    }
  } else {
    transport = makeStdioTransport();
  }
  LanguageServer server(*transport);
  return server.run();
}

}  // namespace molt::lsp
