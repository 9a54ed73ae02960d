// Settings parsing: client JSON, and `[tool.molt]` through analysis/project_settings.
#include "server/settings.h"

#include "analysis/project_settings.h"

#include <fstream>
#include <sstream>

namespace molt::lsp {

std::vector<std::string> ServerSettings::ignoreCodes() const {
  std::vector<std::string> out = pyproject_ignore;
  out.insert(out.end(), client_ignore.begin(), client_ignore.end());
  return out;
}

namespace {

const nlohmann::json* lookup(const nlohmann::json& j, const char* nested_a, const char* nested_b, const char* dotted) {
  if (!j.is_object()) return nullptr;
  if (auto it = j.find(dotted); it != j.end()) return &*it;
  if (!nested_b) return nullptr;
  auto a = j.find(nested_a);
  if (a == j.end() || !a->is_object()) return nullptr;
  auto b = a->find(nested_b);
  return b == a->end() ? nullptr : &*b;
}

}  // namespace

void applyClientSettings(const nlohmann::json& in, ServerSettings& s) {
  const nlohmann::json* jp = &in;
  if (in.is_object() && in.contains("molt") && in["molt"].is_object()) jp = &in["molt"];
  const nlohmann::json& j = *jp;
  if (!j.is_object()) return;
  if (auto* v = lookup(j, "check", "onType", "check.onType"); v && v->is_boolean()) s.check_on_type = v->get<bool>();
  if (auto* v = lookup(j, "", nullptr, "suggestions"); v && v->is_boolean()) s.suggestions = v->get<bool>();
  if (auto* v = lookup(j, "", nullptr, "preferPipeOptional"); v && v->is_boolean()) s.prefer_pipe_optional = v->get<bool>();
  if (auto* v = lookup(j, "", nullptr, "debounceMs"); v && v->is_number_integer()) {
    int64_t ms = v->get<int64_t>();
    if (ms >= 0 && ms <= 10000) s.debounce_ms = static_cast<int>(ms);
  }
  if (auto* v = lookup(j, "", nullptr, "ignore"); v && v->is_array()) {
    s.client_ignore.clear();
    for (const auto& c : *v)
      if (c.is_string()) s.client_ignore.push_back(c.get<std::string>());
  }
}

bool parsePyprojectIgnore(const std::string& text, std::vector<std::string>& codes) {
  ProjectSettings p = parseProjectSettings(text);
  codes = std::move(p.ignore);
  return p.found;
}

void loadPyproject(const std::string& root_dir, ServerSettings& s) {
  s.pyproject_ignore.clear();
  if (root_dir.empty()) return;
  std::ifstream in(root_dir + "/pyproject.toml", std::ios::binary);
  if (!in) return;
  std::ostringstream ss;
  ss << in.rdbuf();
  (void)parsePyprojectIgnore(ss.str(), s.pyproject_ignore);
}

}  // namespace molt::lsp
