// pyproject.toml `[tool.molt]` reading.
#include "project_settings.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "diagnostics.h"

namespace molt {
namespace {

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Strips a trailing comment that is outside quotes.
std::string stripComment(const std::string& s) {
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      return s.substr(0, i);
    }
  }
  return s;
}

bool parseStrings(const std::string& value, std::vector<std::string>& out) {
  size_t i = 0;
  auto skip = [&] { while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n' || value[i] == ',')) ++i; };
  skip();
  bool array = i < value.size() && value[i] == '[';
  if (array) ++i;
  while (true) {
    skip();
    if (i >= value.size()) return !array;
    if (value[i] == ']') return array;
    char q = value[i];
    if (q != '"' && q != '\'') return false;
    size_t end = value.find(q, i + 1);
    if (end == std::string::npos) return false;
    out.push_back(value.substr(i + 1, end - i - 1));
    i = end + 1;
    if (!array) return true;
  }
}

}  // namespace

ProjectSettings parseProjectSettings(const std::string& text) {
  ProjectSettings s;
  std::istringstream in(text);
  std::string line, pending_key, pending_value;
  bool in_table = false;
  int lineno = 0;
  auto apply = [&](const std::string& key, const std::string& value) {
    std::vector<std::string> vals;
    if (!parseStrings(value, vals)) {
      s.warnings.push_back("pyproject.toml: `tool.molt." + key + "` must be a string or an array of strings");
      return;
    }
    if (key == "exclude") {
      s.exclude.insert(s.exclude.end(), vals.begin(), vals.end());
    } else if (key == "ignore") {
      for (auto& v : vals) {
        if (!kindFromCode(v)) s.warnings.push_back("pyproject.toml: unknown diagnostic code `" + v + "` in `tool.molt.ignore`");
        s.ignore.push_back(v);
      }
    } else {
      s.warnings.push_back("pyproject.toml: unknown setting `tool.molt." + key + "`");
    }
  };
  while (std::getline(in, line)) {
    ++lineno;
    std::string t = trim(stripComment(line));
    if (!pending_key.empty()) {
      pending_value += "\n" + t;
      if (t.find(']') != std::string::npos) {
        apply(pending_key, pending_value);
        pending_key.clear();
      }
      continue;
    }
    if (t.empty()) continue;
    if (t.front() == '[') {
      in_table = t == "[tool.molt]";
      s.found |= in_table;
      continue;
    }
    if (!in_table) continue;
    size_t eq = t.find('=');
    if (eq == std::string::npos) {
      s.warnings.push_back("pyproject.toml:" + std::to_string(lineno) + ": expected `key = value`");
      continue;
    }
    std::string key = trim(t.substr(0, eq));
    std::string value = trim(t.substr(eq + 1));
    if (!value.empty() && value.front() == '[' && value.find(']') == std::string::npos) {
      pending_key = key;
      pending_value = value;
      continue;
    }
    apply(key, value);
  }
  return s;
}

ProjectSettings loadProjectSettings(const std::string& dir) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(dir, ec);
  if (ec) return {};
  for (; !p.empty(); p = p.parent_path()) {
    std::filesystem::path f = p / "pyproject.toml";
    if (std::filesystem::is_regular_file(f, ec)) {
      std::ifstream in(f);
      std::stringstream ss;
      ss << in.rdbuf();
      return parseProjectSettings(ss.str());
    }
    if (p == p.parent_path()) break;
  }
  return {};
}

}  // namespace molt
