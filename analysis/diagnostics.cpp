// The diagnostic registry table, built from diagnostic_kinds.def.
#include "diagnostics.h"

#include <algorithm>
#include <cassert>

namespace molt {

namespace {
constexpr DiagnosticInfo kInfos[] = {
#define DIAGNOSTIC(id, code, severity, has_fix, summary) \
  {DiagnosticKind::id, code, Severity::severity, has_fix, summary},
#include "diagnostic_kinds.def"
#undef DIAGNOSTIC
};
}  // namespace

std::span<const DiagnosticInfo> allDiagnosticKinds() { return kInfos; }

const DiagnosticInfo& info(DiagnosticKind kind) {
  auto i = static_cast<size_t>(kind);
  assert(i < std::size(kInfos) && "diagnostic kind out of range");
  return kInfos[i];
}

std::optional<DiagnosticKind> kindFromCode(std::string_view code) {
  for (const auto& i : kInfos)
    if (i.code == code) return i.kind;
  return std::nullopt;
}

std::string_view severityName(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

void sortDiagnostics(std::vector<Diagnostic>& diags) {
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
    return a.kind < b.kind;
  });
  diags.erase(std::unique(diags.begin(), diags.end(),
                          [](const Diagnostic& a, const Diagnostic& b) {
                            return a.kind == b.kind && a.range == b.range && a.message == b.message;
                          }),
              diags.end());
}

}  // namespace molt
