// Settings parsing: client JSON and a minimal `[tool.molt]` TOML reader.
#include "server/settings.h"

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

namespace {

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

// Strips a `#` comment that is not inside a string.
std::string stripComment(const std::string& line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      return line.substr(0, i);
    }
  }
  return line;
}

}  // namespace

bool parsePyprojectIgnore(const std::string& text, std::vector<std::string>& codes) {
  codes.clear();
  std::istringstream in(text);
  std::string raw;
  bool in_table = false, found = false;
  std::string pending;  // an array value spanning lines
  bool collecting = false;
  auto finish = [&](const std::string& value) {
    // value: [ "a", 'b', ... ]
    std::string cur;
    char quote = 0;
    for (char c : value) {
      if (quote) {
        if (c == quote) {
          codes.push_back(cur);
          cur.clear();
          quote = 0;
        } else {
          cur.push_back(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      }
    }
  };
  while (std::getline(in, raw)) {
    std::string line = trim(stripComment(raw));
    if (collecting) {
      pending += " " + line;
      if (line.find(']') != std::string::npos) {
        finish(pending);
        collecting = false;
      }
      continue;
    }
    if (line.empty()) continue;
    if (line.front() == '[') {
      in_table = line == "[tool.molt]";
      found = found || in_table;
      continue;
    }
    if (!in_table) continue;
    size_t eq = line.find('=');
    if (eq == std::string::npos || trim(line.substr(0, eq)) != "ignore") continue;
    std::string value = trim(line.substr(eq + 1));
    if (value.find(']') == std::string::npos) {
      pending = value;
      collecting = true;
    } else {
      finish(value);
    }
  }
  return found;
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
