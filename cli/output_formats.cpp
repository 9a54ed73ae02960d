// Output formats for `molt check`.
#include "output_formats.h"

#include <fmt/format.h>

namespace molt::cli {
namespace {

constexpr const char* kVersion = "0.1.0";

struct Style {
  bool on;
  std::string_view reset() const { return on ? "\x1b[0m" : ""; }
  std::string_view bold() const { return on ? "\x1b[1m" : ""; }
  std::string_view red() const { return on ? "\x1b[1;31m" : ""; }
  std::string_view yellow() const { return on ? "\x1b[1;33m" : ""; }
  std::string_view blue() const { return on ? "\x1b[1;34m" : ""; }
  std::string_view cyan() const { return on ? "\x1b[1;36m" : ""; }
};

// Display width of UTF-8 text: one column per code point (tabs shown as one space).
size_t displayWidth(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string escapeGithub(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out.push_back(c);
    }
  }
  return out;
}

nlohmann::json positionJson(const SourceFile& f, uint32_t offset) {
  SourcePosition p = f.position(offset);
  return {{"line", p.line}, {"column", p.column_utf8 + 1}, {"column_utf16", p.column_utf16 + 1}, {"offset", offset}};
}

}  // namespace

std::string renderHuman(const SourceFile& file, const std::vector<Diagnostic>& diags, bool color) {
  Style st{color};
  std::string out;
  for (const Diagnostic& d : diags) {
    SourcePosition b = file.position(d.range.begin);
    SourcePosition e = file.position(d.range.end);
    bool err = d.severity() == Severity::Error;
    bool note = d.severity() == Severity::Note;
    out += fmt::format("{}{}:{}:{}:{} {}{}[{}]{}: {}{}{}\n", st.bold(), file.path(), b.line, b.column_utf8 + 1, st.reset(),
                       err ? st.red() : note ? st.cyan() : st.yellow(), severityName(d.severity()), d.code(), st.reset(), st.bold(), d.message,
                       st.reset());
    std::string_view line = file.lineText(b.line);
    std::string shown(line);
    for (char& c : shown)
      if (c == '\t') c = ' ';
    std::string gutter = std::to_string(b.line);
    std::string pad(gutter.size(), ' ');
    size_t start = displayWidth(line.substr(0, b.column_utf8));
    size_t end_col = e.line == b.line ? displayWidth(line.substr(0, std::min<size_t>(e.column_utf8, line.size())))
                                      : displayWidth(line);
    size_t width = end_col > start ? end_col - start : 1;
    out += fmt::format("{}{} |{}\n", st.blue(), pad, st.reset());
    out += fmt::format("{}{} |{} {}\n", st.blue(), gutter, st.reset(), shown);
    out += fmt::format("{}{} |{} {}{}{}{}\n", st.blue(), pad, st.reset(), std::string(start, ' '), err ? st.red() : st.yellow(),
                       std::string(width, '^'), st.reset());
    for (const RelatedInfo& r : d.related) {
      SourcePosition rp = file.position(r.range.begin);
      out += fmt::format("{}{} ={} note: {} (line {})\n", st.blue(), pad, st.reset(), r.message, rp.line);
    }
    for (const std::string& h : d.help) out += fmt::format("{}{} ={} {}help{}: {}\n", st.blue(), pad, st.reset(), st.cyan(), st.reset(), h);
    out += "\n";
  }
  return out;
}

std::string renderGithub(const SourceFile& file, const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const Diagnostic& d : diags) {
    SourcePosition b = file.position(d.range.begin);
    SourcePosition e = file.position(d.range.end);
    out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                       d.severity() == Severity::Error ? "error" : d.severity() == Severity::Warning ? "warning" : "notice", escapeGithub(file.path(), true), b.line,
                       b.column_utf8 + 1, e.line, e.column_utf8 + 1, escapeGithub("molt [" + std::string(d.code()) + "]", true),
                       escapeGithub(d.message, false));
  }
  return out;
}

nlohmann::json diagnosticsJson(const SourceFile& file, const std::vector<Diagnostic>& diags) {
  nlohmann::json arr = nlohmann::json::array();
  for (const Diagnostic& d : diags) {
    nlohmann::json fixes = nlohmann::json::array();
    for (const Fix& f : d.fixes) {
      nlohmann::json edits = nlohmann::json::array();
      for (const TextEdit& e : f.edits)
        edits.push_back({{"start", positionJson(file, e.range.begin)}, {"end", positionJson(file, e.range.end)}, {"replacement", e.replacement}});
      fixes.push_back({{"title", f.title},
                       {"applicability", f.applicability == Applicability::Safe ? "safe" : f.applicability == Applicability::Unsafe ? "unsafe" : "display-only"},
                       {"edits", edits}});
    }
    nlohmann::json related = nlohmann::json::array();
    for (const RelatedInfo& r : d.related)
      related.push_back({{"message", r.message}, {"start", positionJson(file, r.range.begin)}, {"end", positionJson(file, r.range.end)}});
    arr.push_back({{"code", d.code()},
                   {"severity", severityName(d.severity())},
                   {"message", d.message},
                   {"start", positionJson(file, d.range.begin)},
                   {"end", positionJson(file, d.range.end)},
                   {"help", d.help},
                   {"related", related},
                   {"fixes", fixes}});
  }
  return arr;
}

nlohmann::json layoutsJson(const FileAnalysis& a) {
  nlohmann::json arr = nlohmann::json::array();
  if (!a.checked) return arr;
  const SourceFile& f = *a.source;
  for (const StructLayout& l : a.layouts) {
    nlohmann::json fields = nlohmann::json::array();
    for (const FieldLayout& fl : l.fields)
      fields.push_back({{"name", fl.name}, {"type", a.checked->types.display(fl.type)}, {"offset", fl.offset}, {"size", fl.size}, {"boxed", fl.boxed}});
    nlohmann::json reasons = nlohmann::json::array();
    for (const StructReason& r : l.reasons)
      reasons.push_back({{"code", info(r.code).code}, {"message", r.message}, {"line", f.position(r.range.begin).line}});
    arr.push_back({{"name", l.cls->name},
                   {"line", f.position(l.cls->decl->name_range.begin).line},
                   {"structifiable", l.structifiable},
                   {"size_bytes", l.size},
                   {"align", l.align},
                   {"fields", fields},
                   {"reasons", reasons}});
  }
  return arr;
}

nlohmann::json sarifResults(const SourceFile& file, const std::vector<Diagnostic>& diags) {
  nlohmann::json arr = nlohmann::json::array();
  for (const Diagnostic& d : diags) {
    SourcePosition b = file.position(d.range.begin);
    SourcePosition e = file.position(d.range.end);
    nlohmann::json region = {{"startLine", b.line}, {"startColumn", b.column_utf16 + 1}, {"endLine", e.line}, {"endColumn", e.column_utf16 + 1}};
    arr.push_back({{"ruleId", d.code()},
                   {"ruleIndex", static_cast<int>(d.kind)},
                   {"level", d.severity() == Severity::Error ? "error" : d.severity() == Severity::Warning ? "warning" : "note"},
                   {"message", {{"text", d.message}}},
                   {"locations", {{{"physicalLocation", {{"artifactLocation", {{"uri", file.path()}}}, {"region", region}}}}}}});
  }
  return arr;
}

nlohmann::json sarifLog(nlohmann::json results) {
  nlohmann::json rules = nlohmann::json::array();
  for (const DiagnosticInfo& i : allDiagnosticKinds()) {
    rules.push_back({{"id", i.code},
                     {"shortDescription", {{"text", i.summary}}},
                     {"help", {{"text", "see docs/diagnostics/" + std::string(i.code) + ".md or run `molt check --explain " + std::string(i.code) + "`"}}},
                     {"defaultConfiguration", {{"level", i.severity == Severity::Error ? "error" : i.severity == Severity::Warning ? "warning" : "note"}}}});
  }
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs",
           {{{"tool", {{"driver", {{"name", "molt"}, {"version", kVersion}, {"rules", rules}}}}},
             {"columnKind", "utf16CodeUnits"},
             {"results", std::move(results)}}}}};
}

}  // namespace molt::cli
