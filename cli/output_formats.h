// Renderers for `molt check` output: human (with source snippet and caret),
// GitHub workflow annotations, JSON (docs/json-output.md) and SARIF 2.1.0.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/check_file.h"
#include "analysis/diagnostics.h"
#include "analysis/source_file.h"

namespace molt::cli {

[[nodiscard]] std::string renderHuman(const SourceFile& file, const std::vector<Diagnostic>& diags, bool color);
[[nodiscard]] std::string renderGithub(const SourceFile& file, const std::vector<Diagnostic>& diags);
// One JSON object per diagnostic (the `diagnostics` array of a file entry).
[[nodiscard]] nlohmann::json diagnosticsJson(const SourceFile& file, const std::vector<Diagnostic>& diags);
// The `classes` array of a file entry: struct layouts or why not.
[[nodiscard]] nlohmann::json layoutsJson(const FileAnalysis& a);
// SARIF `result` objects for one file.
[[nodiscard]] nlohmann::json sarifResults(const SourceFile& file, const std::vector<Diagnostic>& diags);
// The whole SARIF log around the collected results.
[[nodiscard]] nlohmann::json sarifLog(nlohmann::json results);

}  // namespace molt::cli
