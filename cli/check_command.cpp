// `molt check`: collects files, analyses them on all cores, and renders the
// diagnostics in the requested format, in file order.
#include "check_command.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "analysis/check_file.h"
#include "analysis/syntax_tree.h"
#include "cli/file_walk.h"
#include "cli/output_formats.h"
#include "cli/settings.h"

namespace molt {
extern const std::pair<std::string_view, std::string_view> kDiagnosticDocs[];
extern const unsigned kDiagnosticDocCount;
}  // namespace molt

namespace molt::cli {
namespace {

constexpr const char* kUsage =
    "usage: molt check [options] PATH...\n"
    "\n"
    "Checks Python files against Molt's verified subset.\n"
    "\n"
    "options:\n"
    "  --format FORMAT   human (default), json, sarif or github\n"
    "  --exclude GLOB    skip matching files and directories (repeatable)\n"
    "  --emit=STAGE     print ast, types or layout (struct layouts) for one file\n"
    "  --explain CODE    print the documentation of a diagnostic code\n"
    "  -j, --jobs N      number of worker threads (default: one per core)\n"
    "  --suggestions     also report note-level suggestions (each with a safe fix)\n"
    "  -q, --quiet       print diagnostics only: no progress or summary\n"
    "\n"
    "Settings are also read from [tool.molt] in pyproject.toml (exclude, ignore).\n"
    "Exit status: 0 no errors, 1 errors found, 2 usage or I/O problem.\n";

struct FileResult {
  std::string text;       // human / github rendering
  nlohmann::json json;    // json / sarif pieces
  size_t errors = 0;
  size_t warnings = 0;
  std::string io_error;   // set when the file could not be checked
};

bool readFile(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot read file";
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    error = path + ": read error";
    return false;
  }
  out = std::move(ss).str();
  return true;
}

// Reads and validates one file. Invalid UTF-8 is an I/O-level problem.
bool loadSource(const std::string& path, std::unique_ptr<SourceFile>& src, std::string& error) {
  std::string text;
  if (!readFile(path, text, error)) return false;
  size_t bad = findInvalidUtf8(text);
  if (bad != std::string::npos) {
    size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n'));
    error = fmt::format("{}: invalid UTF-8 at byte {} (line {}); Python source must be UTF-8", path, bad, line);
    return false;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.replace(0, 3, std::string(3, ' '));  // keep offsets; a BOM is not code
  src = std::make_unique<SourceFile>(path, std::move(text));
  return true;
}

void filterIgnored(std::vector<Diagnostic>& diags, const std::vector<std::string>& ignore) {
  if (ignore.empty()) return;
  std::erase_if(diags, [&](const Diagnostic& d) {
    if (d.kind == DiagnosticKind::SyntaxError) return false;
    for (const auto& c : ignore)
      if (c == d.code()) return true;
    return false;
  });
}

FileResult checkOne(const std::string& path, const CheckSettings& s, bool color) {
  FileResult r;
  std::unique_ptr<SourceFile> src;
  if (!loadSource(path, src, r.io_error)) return r;
  FileAnalysis a = analyzeFile(*src, AnalysisOptions{s.suggestions, false});
  filterIgnored(a.diagnostics, s.ignore_codes);
  for (const Diagnostic& d : a.diagnostics) {
    if (d.severity() == Severity::Error) ++r.errors;
    else if (d.severity() == Severity::Warning) ++r.warnings;
  }
  switch (s.format) {
    case OutputFormat::Human: r.text = renderHuman(*src, a.diagnostics, color); break;
    case OutputFormat::Github: r.text = renderGithub(*src, a.diagnostics); break;
    case OutputFormat::Json:
      r.json = {{"path", path},
                {"lines", src->lineCount()},
                {"diagnostics", diagnosticsJson(*src, a.diagnostics)},
                {"classes", layoutsJson(a)}};
      break;
    case OutputFormat::Sarif: r.json = sarifResults(*src, a.diagnostics); break;
  }
  return r;
}

bool parseArgs(const std::vector<std::string>& args, CheckSettings& s, std::string& explain, std::string& error) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string_view flag) -> std::optional<std::string> {
      if (a.size() > flag.size() && a.starts_with(flag) && a[flag.size()] == '=') return a.substr(flag.size() + 1);
      if (a == flag) {
        if (i + 1 >= args.size()) {
          error = std::string(flag) + " needs a value";
          return std::nullopt;
        }
        return args[++i];
      }
      return std::nullopt;
    };
    if (a == "--format" || a.starts_with("--format=")) {
      auto v = value("--format");
      if (!v) return false;
      if (*v == "human") s.format = OutputFormat::Human;
      else if (*v == "json") s.format = OutputFormat::Json;
      else if (*v == "sarif") s.format = OutputFormat::Sarif;
      else if (*v == "github") s.format = OutputFormat::Github;
      else { error = "unknown format `" + *v + "` (expected human, json, sarif or github)"; return false; }
    } else if (a == "--exclude" || a.starts_with("--exclude=")) {
      auto v = value("--exclude");
      if (!v) return false;
      s.exclude.push_back(*v);
    } else if (a == "--emit" || a.starts_with("--emit=")) {
      auto v = value("--emit");
      if (!v) return false;
      if (*v != "ast" && *v != "types" && *v != "layout") {
        error = "unknown --emit stage `" + *v + "` (expected ast, types or layout)";
        return false;
      }
      s.emit = *v;
    } else if (a == "--explain" || a.starts_with("--explain=")) {
      auto v = value("--explain");
      if (!v) return false;
      explain = *v;
    } else if (a == "-j" || a == "--jobs" || a.starts_with("--jobs=")) {
      auto v = value(a == "-j" ? "-j" : "--jobs");
      if (!v) return false;
      char* end = nullptr;
      long n = std::strtol(v->c_str(), &end, 10);
      if (!end || *end || n < 1 || n > 256) { error = "--jobs needs a number from 1 to 256"; return false; }
      s.jobs = static_cast<unsigned>(n);
    } else if (a == "--suggestions") {
      s.suggestions = true;
    } else if (a == "-q" || a == "--quiet") {
      s.quiet = true;
    } else if (a == "-h" || a == "--help") {
      error = "help";
      return false;
    } else if (a.starts_with("-") && a != "-") {
      error = "unknown option `" + a + "`";
      return false;
    } else {
      s.paths.push_back(a);
    }
  }
  return true;
}

}  // namespace

int explainCode(const std::string& code) {
  for (unsigned i = 0; i < kDiagnosticDocCount; ++i) {
    if (kDiagnosticDocs[i].first == code) {
      std::fwrite(kDiagnosticDocs[i].second.data(), 1, kDiagnosticDocs[i].second.size(), stdout);
      return 0;
    }
  }
  std::string known;
  for (const DiagnosticInfo& d : allDiagnosticKinds()) known += " " + std::string(d.code);
  fmt::print(stderr, "molt: error: unknown diagnostic code `{}`\nknown codes:{}\n", code, known);
  return 2;
}

int runCheck(const std::vector<std::string>& args) {
  CheckSettings s;
  std::string explain, error;
  if (!parseArgs(args, s, explain, error)) {
    if (error == "help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    fmt::print(stderr, "molt: error: {}\n\n{}", error, kUsage);
    return 2;
  }
  if (!explain.empty()) return explainCode(explain);
  if (s.paths.empty()) {
    fmt::print(stderr, "molt: error: no paths given\n\n{}", kUsage);
    return 2;
  }
  if (!pythonLanguage()) return 2;
  SettingsResult cfg = loadPyproject(".", s);
  for (const auto& w : cfg.warnings) fmt::print(stderr, "molt: warning: {}\n", w);

  if (!s.emit.empty()) {
    if (s.paths.size() != 1) {
      fmt::print(stderr, "molt: error: --emit={} takes exactly one file\n", s.emit);
      return 2;
    }
    std::unique_ptr<SourceFile> src;
    if (!loadSource(s.paths[0], src, error)) {
      fmt::print(stderr, "molt: error: {}\n", error);
      return 2;
    }
    FileAnalysis a = analyzeFile(*src);
    std::string out = s.emit == "ast" ? dumpAst(a) : s.emit == "types" ? dumpTypes(a) : dumpLayouts(a);
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (a.errorCount() > 0) {
      std::string d = renderHuman(*src, a.diagnostics, false);
      std::fwrite(d.data(), 1, d.size(), stderr);
      return 1;
    }
    return 0;
  }

  WalkResult walk = collectPythonFiles(s.paths, s.exclude);
  bool io_problem = !walk.errors.empty();
  for (const auto& e : walk.errors) fmt::print(stderr, "molt: error: {}\n", e);

  bool tty_out = isatty(STDOUT_FILENO);
  bool color = tty_out && s.format == OutputFormat::Human && !std::getenv("NO_COLOR");
  bool progress = !s.quiet && isatty(STDERR_FILENO) && walk.files.size() > 1;

  std::vector<FileResult> results(walk.files.size());
  std::atomic<size_t> next{0}, done{0};
  unsigned jobs = s.jobs ? s.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(1, walk.files.size())));
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < walk.files.size();) {
      results[i] = checkOne(walk.files[i], s, color);
      done.fetch_add(1);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  if (progress) {
    std::thread reporter([&] {
      while (done.load() < walk.files.size()) {
        fmt::print(stderr, "\rmolt: checking {}/{} files", done.load(), walk.files.size());
        std::fflush(stderr);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
    worker();
    for (auto& t : threads) t.join();
    reporter.join();
    fmt::print(stderr, "\r\x1b[2K");
  } else {
    worker();
    for (auto& t : threads) t.join();
  }

  size_t errors = 0, warnings = 0, files_with_problems = 0;
  nlohmann::json collected = nlohmann::json::array();
  for (size_t i = 0; i < results.size(); ++i) {
    FileResult& r = results[i];
    if (!r.io_error.empty()) {
      fmt::print(stderr, "molt: error: {}\n", r.io_error);
      io_problem = true;
      continue;
    }
    errors += r.errors;
    warnings += r.warnings;
    files_with_problems += (r.errors + r.warnings) > 0;
    if (s.format == OutputFormat::Human || s.format == OutputFormat::Github) {
      std::fwrite(r.text.data(), 1, r.text.size(), stdout);
    } else if (s.format == OutputFormat::Json) {
      collected.push_back(std::move(r.json));
    } else {
      for (auto& x : r.json) collected.push_back(std::move(x));
    }
  }
  if (s.format == OutputFormat::Json) {
    nlohmann::json out = {{"version", 1},
                          {"tool", "molt"},
                          {"files", std::move(collected)},
                          {"summary", {{"files", walk.files.size()}, {"errors", errors}, {"warnings", warnings}}}};
    std::puts(out.dump(2).c_str());
  } else if (s.format == OutputFormat::Sarif) {
    std::puts(sarifLog(std::move(collected)).dump(2).c_str());
  } else if (s.format == OutputFormat::Human && !s.quiet) {
    if (errors + warnings == 0)
      fmt::print("molt: all checks passed ({} file{})\n", walk.files.size(), walk.files.size() == 1 ? "" : "s");
    else
      fmt::print("molt: found {} error{} and {} warning{} in {} of {} file{}\n", errors, errors == 1 ? "" : "s", warnings,
                 warnings == 1 ? "" : "s", files_with_problems, walk.files.size(), walk.files.size() == 1 ? "" : "s");
  }
  std::fflush(stdout);
  if (io_problem) return 2;
  return errors > 0 ? 1 : 0;
}

}  // namespace molt::cli
