// `molt check` settings from pyproject.toml, read by analysis/project_settings.
#include "settings.h"

#include "analysis/project_settings.h"

namespace molt::cli {

namespace {
SettingsResult merge(ProjectSettings p, CheckSettings& s) {
  s.exclude.insert(s.exclude.end(), p.exclude.begin(), p.exclude.end());
  s.ignore_codes.insert(s.ignore_codes.end(), p.ignore.begin(), p.ignore.end());
  SettingsResult r;
  r.warnings = std::move(p.warnings);
  return r;
}
}  // namespace

SettingsResult parsePyprojectText(const std::string& text, CheckSettings& s) { return merge(parseProjectSettings(text), s); }

SettingsResult loadPyproject(const std::string& dir, CheckSettings& s) { return merge(loadProjectSettings(dir), s); }

}  // namespace molt::cli
