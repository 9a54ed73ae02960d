// `molt check` settings: command-line flags merged with `[tool.molt]` from
// pyproject.toml. Parsing reports problems as messages, never exceptions.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace molt::cli {

enum class OutputFormat { Human, Json, Sarif, Github };

struct CheckSettings {
  std::vector<std::string> paths;
  std::vector<std::string> exclude;       // glob patterns
  std::vector<std::string> ignore_codes;  // codes never reported
  OutputFormat format = OutputFormat::Human;
  bool quiet = false;
  bool suggestions = false;  // also report note-level suggestions
  std::string emit;  // "", "ast", "types"
  unsigned jobs = 0;  // 0: one per core
};

struct SettingsResult {
  bool ok = true;
  std::string error;                  // usage error when !ok
  std::vector<std::string> warnings;  // non-fatal notes
};

// Reads `[tool.molt]` from the nearest pyproject.toml at or above `dir`.
// Supported keys: exclude = [globs], ignore = [codes].
[[nodiscard]] SettingsResult loadPyproject(const std::string& dir, CheckSettings& s);

// Minimal TOML reading for the `[tool.molt]` table (strings and string arrays).
[[nodiscard]] SettingsResult parsePyprojectText(const std::string& text, CheckSettings& s);

}  // namespace molt::cli
