// The doctor's fix engine: turns the checker's evidence into machine-
// applicable edits attached to diagnostics, and applies edits to text.
//
// Applicability follows Ruff: Safe fixes keep CPython behaviour identical and
// are applied by `--fix`; Unsafe ones (a widened type, a new field) only with
// `--unsafe-fixes`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check_file.h"

namespace molt {

// Attaches fixes to the diagnostics of `a` (missing annotations inferred from
// call sites, defaults and returns; fields added from outside a class).
void attachFixes(FileAnalysis& a);

// Applies non-overlapping edits; nullopt if two edits overlap.
[[nodiscard]] std::optional<std::string> applyEdits(std::string_view text, std::vector<TextEdit> edits);

// A unified diff (`--- a/path`, `+++ b/path`, 3 lines of context).
[[nodiscard]] std::string unifiedDiff(const std::string& path, std::string_view before, std::string_view after);

}  // namespace molt
