// `molt check`: headless diagnostics over files and directories.
#pragma once

#include <string>
#include <vector>

namespace molt::cli {

// Runs `molt check` with the arguments after "check". Returns the exit code:
// 0 no errors, 1 errors found, 2 usage or I/O problem.
[[nodiscard]] int runCheck(const std::vector<std::string>& args);

// Prints the doc page of a diagnostic code; returns the exit code.
[[nodiscard]] int explainCode(const std::string& code);

}  // namespace molt::cli
