// Diagnostics: the registry of kinds (diagnostic_kinds.def), the Diagnostic
// value every phase produces, and fixes as machine-applicable text edits.
// Problems in the user's program are Diagnostics, never exceptions.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "source_file.h"

namespace molt {

enum class Severity : uint8_t { Error, Warning, Note };

enum class DiagnosticKind : uint16_t {
#define DIAGNOSTIC(id, code, severity, has_fix, summary) id,
#include "diagnostic_kinds.def"
#undef DIAGNOSTIC
};

struct DiagnosticInfo {
  DiagnosticKind kind;
  std::string_view code;
  Severity severity;
  bool has_fix;
  std::string_view summary;
};

[[nodiscard]] std::span<const DiagnosticInfo> allDiagnosticKinds();
[[nodiscard]] const DiagnosticInfo& info(DiagnosticKind kind);
[[nodiscard]] std::optional<DiagnosticKind> kindFromCode(std::string_view code);
[[nodiscard]] std::string_view severityName(Severity s);

// How safe it is to apply a fix without a person looking.
enum class Applicability : uint8_t {
  Safe,         // behaviour identical under CPython; applied by --fix
  Unsafe,       // may change behaviour; applied only with --unsafe-fixes
  DisplayOnly,  // advice shown to the user, never applied automatically
};

struct TextEdit {
  SourceRange range;
  std::string replacement;
};

struct Fix {
  std::string title;
  Applicability applicability = Applicability::Safe;
  std::vector<TextEdit> edits;
};

struct RelatedInfo {
  SourceRange range;
  std::string message;
};

struct Diagnostic {
  DiagnosticKind kind;
  SourceRange range;
  std::string message;
  std::vector<std::string> help;  // "help:" lines, shown after the snippet
  std::vector<RelatedInfo> related;
  std::vector<Fix> fixes;

  [[nodiscard]] Severity severity() const { return info(kind).severity; }
  [[nodiscard]] std::string_view code() const { return info(kind).code; }
};

// Sorts by position, then code, and drops exact duplicates.
void sortDiagnostics(std::vector<Diagnostic>& diags);

}  // namespace molt
