// Recursive discovery of *.py files with glob exclusion.
#include "file_walk.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>

namespace molt::cli {

bool matchesExclude(const std::string& path, const std::vector<std::string>& exclude) {
  if (exclude.empty()) return false;
  std::string p = path;
  if (p.starts_with("./")) p = p.substr(2);
  std::string base = std::filesystem::path(p).filename().string();
  for (const std::string& g : exclude) {
    if (fnmatch(g.c_str(), p.c_str(), 0) == 0 || fnmatch(g.c_str(), base.c_str(), 0) == 0) return true;
    // A directory pattern like `build` or `build/` excludes everything below it.
    std::string dir = g;
    while (!dir.empty() && dir.back() == '/') dir.pop_back();
    for (std::filesystem::path part : std::filesystem::path(p))
      if (fnmatch(dir.c_str(), part.string().c_str(), 0) == 0) return true;
  }
  return false;
}

WalkResult collectPythonFiles(const std::vector<std::string>& paths, const std::vector<std::string>& exclude) {
  namespace fs = std::filesystem;
  WalkResult r;
  for (const std::string& arg : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      r.errors.push_back(arg + ": no such file or directory");
      continue;
    }
    if (!fs::is_directory(st)) {
      r.files.push_back(arg);  // explicitly named files are checked even if excluded patterns would match
      continue;
    }
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      r.errors.push_back(arg + ": " + ec.message());
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        r.errors.push_back(arg + ": " + ec.message());
        break;
      }
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      if (it->is_directory(ec)) {
        if ((name.starts_with(".") && name.size() > 1) || name == "__pycache__" || name == "node_modules" ||
            matchesExclude(p.string(), exclude))
          it.disable_recursion_pending();
        continue;
      }
      if (p.extension() == ".py" && !matchesExclude(p.string(), exclude)) r.files.push_back(p.string());
    }
  }
  std::sort(r.files.begin(), r.files.end());
  r.files.erase(std::unique(r.files.begin(), r.files.end()), r.files.end());
  return r;
}

}  // namespace molt::cli
