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

// Spells type `t` as annotation text for use at byte offset `site` (quoted
// when it names a class defined later), adding to `extra` the edits that
// import the `typing` names it needs. False when `t` has no spelling.
[[nodiscard]] bool annotationFor(FileAnalysis& a, TypeId t, uint32_t site, std::string& text, std::vector<TextEdit>& extra);

// Where a new line goes at the top of a class body (after a docstring), the
// indentation it needs, and whether a blank line should separate new
// declarations from a method that follows. False for one-line bodies.
[[nodiscard]] bool classBodyInsertion(const FileAnalysis& a, const ClassDef* c, uint32_t& at, std::string& indent,
                                      bool& blank_after);

// Applies non-overlapping edits; nullopt if two edits overlap.
[[nodiscard]] std::optional<std::string> applyEdits(std::string_view text, std::vector<TextEdit> edits);

// A unified diff (`--- a/path`, `+++ b/path`, 3 lines of context).
[[nodiscard]] std::string unifiedDiff(const std::string& path, std::string_view before, std::string_view after);

}  // namespace molt
