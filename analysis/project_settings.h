// `[tool.molt]` in pyproject.toml: the project settings every front end
// (the CLI and the language server) reads the same way. A deliberately small
// TOML subset: string values and arrays of strings, possibly over lines.
#pragma once

#include <string>
#include <vector>

namespace molt {

struct ProjectSettings {
  bool found = false;                 // the file has a [tool.molt] table
  std::vector<std::string> exclude;   // glob patterns
  std::vector<std::string> ignore;    // diagnostic codes never reported
  std::vector<std::string> warnings;  // unknown keys, bad values, unknown codes
};

[[nodiscard]] ProjectSettings parseProjectSettings(const std::string& pyproject_text);

// Reads the nearest pyproject.toml at or above `dir` (none: empty settings).
[[nodiscard]] ProjectSettings loadProjectSettings(const std::string& dir);

}  // namespace molt
