// The `molt-lsp` / `molt lsp` command: argument parsing and transport choice.
// Lives in the molt_server library so the `molt` driver can dispatch to it
// with one line: `if (cmd == "lsp") return molt::lsp::runLspCommand(rest);`.
#pragma once

#include <string>
#include <vector>

namespace molt::lsp {

// `args` excludes the program/subcommand name. Returns the exit code.
[[nodiscard]] int runLspCommand(const std::vector<std::string>& args);

}  // namespace molt::lsp
