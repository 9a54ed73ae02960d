// The per-file analysis pipeline and suppression comments.
#include "check_file.h"

#include <algorithm>
#include <system_error>
#include <thread>

#include "definite_assignment.h"
#include "fixes.h"

namespace molt {

size_t FileAnalysis::errorCount() const {
  return static_cast<size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                           [](const Diagnostic& d) { return d.severity() == Severity::Error; }));
}

namespace {

// Below this many expressions a thread costs more than definite assignment
// (~0.4 ms for 5k lines, ~40k expressions).
constexpr uint32_t kParallelExprs = 8000;

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
    // Definite assignment reads only the AST and the names, so it can run
    // beside the checker; its diagnostics still follow the checker's.
    std::vector<Diagnostic> da_diags;
    std::jthread da;  // joins on every exit, an exception from the checker included
    if (options.parallel && a.parsed.module.expr_count >= kParallelExprs) {
      try {
        da = std::jthread([&] { checkDefiniteAssignment(a.parsed.module, a.names, da_diags); });
      } catch (const std::system_error&) {
        // no thread: run it below
      }
    }
    a.checked = checkModule(a.parsed.module, a.names, file.text(), diags);
    if (da.joinable()) da.join();
    else checkDefiniteAssignment(a.parsed.module, a.names, da_diags);
    diags.insert(diags.end(), std::make_move_iterator(da_diags.begin()), std::make_move_iterator(da_diags.end()));
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
