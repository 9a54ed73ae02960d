// Server settings: defaults, overridden by `[tool.molt]` in the workspace's
// pyproject.toml, then by the client (initializationOptions and
// workspace/didChangeConfiguration, section `molt`). Parsing never throws;
// unknown keys are ignored and bad values leave the old setting.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace molt::lsp {

struct ServerSettings {
  bool check_on_type = true;  // molt.check.onType: analyse on didChange (else on open/save)
  int debounce_ms = 50;       // molt.debounceMs: longest quiet time after an edit before analysis (see server.cpp)
  bool suggestions = false;   // molt.suggestions: note-level suggestions, as `molt check --suggestions`
  bool prefer_pipe_optional = false;  // molt.preferPipeOptional: suggest `X | None` for `Optional[X]`
  std::vector<std::string> client_ignore;     // molt.ignore
  std::vector<std::string> pyproject_ignore;  // [tool.molt] ignore

  [[nodiscard]] std::vector<std::string> ignoreCodes() const;
  friend bool operator==(const ServerSettings&, const ServerSettings&) = default;
};

// Applies a `molt` settings object. Accepts nested ({"check": {"onType":
// false}}) and dotted ({"check.onType": false}) keys, and an object wrapped
// in {"molt": {...}}.
void applyClientSettings(const nlohmann::json& j, ServerSettings& s);

// Reads `ignore = [...]` from the `[tool.molt]` table of pyproject.toml text.
// Returns false (and leaves `codes` empty) when the table is absent.
bool parsePyprojectIgnore(const std::string& text, std::vector<std::string>& codes);
// Reads <root>/pyproject.toml if present.
void loadPyproject(const std::string& root_dir, ServerSettings& s);

}  // namespace molt::lsp
