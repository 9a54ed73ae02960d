// Structify: for every user class, either a fixed native layout
// (StructLayout) or the reasons it cannot have one. The CLI, the language
// server and codegen share this one answer.
//
// Layout rules (they match runtime/include/molt/value_layout.h): an instance
// is an 8-byte header (refcount, type id) followed by one 8-byte slot per
// field, inherited fields first. `float` fields hold a raw double and `bool`
// fields a raw 0/1 word (unboxed); every other field, `int` included, holds a
// NaN-boxed value (small ints are inline in it, so they never allocate, and
// can still grow into big integers as CPython's ints do).
#pragma once

#include <string>
#include <vector>

#include "checker.h"

namespace molt {

struct FieldLayout {
  std::string_view name;
  TypeId type;
  uint32_t offset;
  uint32_t size;
  bool boxed;
  const ClassInfo* declared_in;
  SourceRange decl;
};

struct StructReason {
  DiagnosticKind code;
  std::string message;
  SourceRange range;
};

struct StructLayout {
  const ClassInfo* cls = nullptr;
  bool structifiable = true;
  uint32_t size = 0;   // bytes, header included
  uint32_t align = 8;
  std::vector<FieldLayout> fields;
  std::vector<StructReason> reasons;  // empty when structifiable
};

inline constexpr uint32_t kStructHeaderSize = 8;
inline constexpr uint32_t kStructSlotSize = 8;

// Computes layouts for the user classes of `m` in declaration order and
// appends one diagnostic per cause (at the cause, with the class as related
// information) to `diags`.
[[nodiscard]] std::vector<StructLayout> computeLayouts(const CheckedModule& m, std::vector<Diagnostic>& diags);

}  // namespace molt
