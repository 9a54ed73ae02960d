// The per-file analysis pipeline and suppression comments.
#include "check_file.h"

#include <algorithm>

#include "definite_assignment.h"
#include "fixes.h"

namespace molt {

size_t FileAnalysis::errorCount() const {
  return static_cast<size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                           [](const Diagnostic& d) { return d.severity() == Severity::Error; }));
}

namespace {

bool suppressed(const Diagnostic& d, const SourceFile& file, const std::vector<IgnoreDirective>& ignores) {
  if (d.kind == DiagnosticKind::SyntaxError || ignores.empty()) return false;
  uint32_t line = file.position(d.range.begin).line;
  for (const IgnoreDirective& i : ignores) {
    if (i.line != line) continue;
    if (i.codes.empty()) return true;
    for (const std::string& c : i.codes)
      if (c == d.code()) return true;
  }
  return false;
}

}  // namespace

FileAnalysis analyzeParsed(const SourceFile& file, ParsedModule parsed, const AnalysisOptions& options) {
  FileAnalysis a;
  a.source = &file;
  a.parsed = std::move(parsed);
  std::vector<Diagnostic> diags = a.parsed.diagnostics;
  // With syntax errors the tree is incomplete: further checks would mostly
  // report consequences of the syntax error, so stop at the syntax errors.
  if (!a.parsed.has_syntax_errors) {
    a.names = resolveNames(a.parsed.module, diags);
    a.checked = checkModule(a.parsed.module, a.names, file.text(), diags);
    checkDefiniteAssignment(a.parsed.module, a.names, diags);
    a.layouts = computeLayouts(*a.checked, diags);
    if (options.suggestions) addSuggestions(a, options, diags);
  }
  std::erase_if(diags, [&](const Diagnostic& d) { return suppressed(d, file, a.parsed.ignores); });
  sortDiagnostics(diags);
  a.diagnostics = std::move(diags);
  attachFixes(a);
  return a;
}

FileAnalysis analyzeFile(const SourceFile& file, const AnalysisOptions& options) {
  return analyzeParsed(file, parseModule(file), options);
}

}  // namespace molt
