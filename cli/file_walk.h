// Expands `molt check` path arguments into the list of Python files to check.
#pragma once

#include <string>
#include <vector>

namespace molt::cli {

struct WalkResult {
  std::vector<std::string> files;   // sorted, deduplicated
  std::vector<std::string> errors;  // missing paths and unreadable directories
};

// Files are taken as given; directories are searched recursively for `*.py`,
// skipping hidden directories, `__pycache__` and paths matching `exclude`.
[[nodiscard]] WalkResult collectPythonFiles(const std::vector<std::string>& paths,
                                            const std::vector<std::string>& exclude);

[[nodiscard]] bool matchesExclude(const std::string& path, const std::vector<std::string>& exclude);

}  // namespace molt::cli
