// What Molt knows about Python's builtins and standard modules: the builtin
// names, the modules that may be imported and their members, and the
// signatures of builtin methods and module functions, written in a small
// Python-stub notation that the checker parses (see checker.cpp).
#pragma once

#include <span>
#include <string_view>

namespace molt {

[[nodiscard]] bool isBuiltinName(std::string_view name);
[[nodiscard]] bool isBuiltinException(std::string_view name);
// The base of a builtin exception class ("Exception" for "ValueError"), or "" for BaseException.
[[nodiscard]] std::string_view builtinExceptionBase(std::string_view name);
[[nodiscard]] std::span<const std::string_view> builtinExceptionNames();

enum class ModuleKind : uint8_t { Known, Dynamic, Unknown };
[[nodiscard]] ModuleKind classifyModule(std::string_view module);
// Whether `from module import name` / `module.name` exists in Molt's model.
[[nodiscard]] bool moduleHasMember(std::string_view module, std::string_view name);

// Signatures of `module.name` when it is a function ("(x: float) -> float"),
// or its type when it is a value ("float"). Empty if unknown. Overloads are
// separated by ';'.
struct MemberSignature {
  bool is_function = false;
  std::string_view text;
};
[[nodiscard]] MemberSignature moduleMember(std::string_view module, std::string_view name);

// Signatures of a builtin type's method, e.g. ("str", "split") ->
// "(sep: str | None = None, maxsplit: int = -1) -> list[str]". The receiver's
// type arguments are the type variables T (list, set, tuple, iterator), K and
// V (dict). Empty if the type has no such method.
[[nodiscard]] std::string_view builtinMethod(std::string_view type, std::string_view name);

}  // namespace molt
