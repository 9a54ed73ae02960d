// Tables of builtin names, known modules and builtin method signatures.
#include "builtins.h"

#include <algorithm>
#include <array>
#include <utility>

namespace molt {
namespace {

constexpr std::string_view kBuiltins[] = {
    "print", "len", "range", "enumerate", "zip", "reversed", "sorted", "min", "max", "sum", "abs", "round",
    "divmod", "pow", "int", "float", "str", "bool", "bytes", "ord", "chr", "isinstance", "issubclass", "hash",
    "list", "dict", "set", "tuple", "iter", "next", "any", "all", "map", "filter", "input", "open", "object",
    "super", "type", "repr", "getattr", "setattr", "delattr", "hasattr", "eval", "exec", "compile", "globals",
    "locals", "vars", "__import__", "id", "callable", "format", "frozenset", "staticmethod", "classmethod",
    "property", "__name__", "__file__", "NotImplemented", "bin", "hex", "oct", "ascii", "slice",
};

// Builtin exception classes and their bases, CPython's hierarchy.
constexpr std::pair<std::string_view, std::string_view> kExceptions[] = {
    {"BaseException", ""},
    {"SystemExit", "BaseException"},
    {"KeyboardInterrupt", "BaseException"},
    {"Exception", "BaseException"},
    {"ArithmeticError", "Exception"},
    {"ZeroDivisionError", "ArithmeticError"},
    {"OverflowError", "ArithmeticError"},
    {"FloatingPointError", "ArithmeticError"},
    {"LookupError", "Exception"},
    {"IndexError", "LookupError"},
    {"KeyError", "LookupError"},
    {"ValueError", "Exception"},
    {"UnicodeError", "ValueError"},
    {"TypeError", "Exception"},
    {"AttributeError", "Exception"},
    {"NameError", "Exception"},
    {"RuntimeError", "Exception"},
    {"RecursionError", "RuntimeError"},
    {"NotImplementedError", "RuntimeError"},
    {"StopIteration", "Exception"},
    {"AssertionError", "Exception"},
    {"OSError", "Exception"},
    {"FileNotFoundError", "OSError"},
    {"EOFError", "Exception"},
    {"MemoryError", "Exception"},
    {"IsADirectoryError", "OSError"},
};

// Their names, in the same order.
constexpr auto kExceptionNames = [] {
  std::array<std::string_view, std::size(kExceptions)> names{};
  for (size_t i = 0; i < names.size(); ++i) names[i] = kExceptions[i].first;
  return names;
}();

struct Member {
  std::string_view module, name;
  bool is_function;
  std::string_view sig;
};

// Module members. `typing` names are special forms the checker interprets.
constexpr Member kMembers[] = {
    // `molt`: the tiny module a program imports for `@molt.export` (lib/python/molt.py under CPython).
    {"molt", "export", false, ""},
    {"typing", "List", false, ""}, {"typing", "Dict", false, ""}, {"typing", "Set", false, ""},
    {"typing", "Tuple", false, ""}, {"typing", "Optional", false, ""}, {"typing", "Union", false, ""},
    {"typing", "Callable", false, ""}, {"typing", "Final", false, ""}, {"typing", "cast", false, ""},
    {"typing", "Iterable", false, ""}, {"typing", "Iterator", false, ""}, {"typing", "TextIO", false, ""},
    {"__future__", "annotations", false, ""},
    {"math", "pi", false, "float"}, {"math", "e", false, "float"}, {"math", "tau", false, "float"},
    {"math", "inf", false, "float"}, {"math", "nan", false, "float"},
    {"math", "sqrt", true, "(x: float) -> float"}, {"math", "exp", true, "(x: float) -> float"},
    {"math", "log", true, "(x: float) -> float;(x: float, base: float) -> float"},
    {"math", "log2", true, "(x: float) -> float"}, {"math", "log10", true, "(x: float) -> float"},
    {"math", "sin", true, "(x: float) -> float"}, {"math", "cos", true, "(x: float) -> float"},
    {"math", "tan", true, "(x: float) -> float"}, {"math", "asin", true, "(x: float) -> float"},
    {"math", "acos", true, "(x: float) -> float"}, {"math", "atan", true, "(x: float) -> float"},
    {"math", "atan2", true, "(y: float, x: float) -> float"},
    {"math", "sinh", true, "(x: float) -> float"}, {"math", "cosh", true, "(x: float) -> float"},
    {"math", "tanh", true, "(x: float) -> float"},
    {"math", "hypot", true, "(*coordinates: float) -> float"},
    {"math", "floor", true, "(x: float) -> int"}, {"math", "ceil", true, "(x: float) -> int"},
    {"math", "trunc", true, "(x: float) -> int"}, {"math", "fabs", true, "(x: float) -> float"},
    {"math", "pow", true, "(x: float, y: float) -> float"},
    {"math", "fmod", true, "(x: float, y: float) -> float"},
    {"math", "copysign", true, "(x: float, y: float) -> float"},
    {"math", "degrees", true, "(x: float) -> float"}, {"math", "radians", true, "(x: float) -> float"},
    {"math", "isnan", true, "(x: float) -> bool"}, {"math", "isinf", true, "(x: float) -> bool"},
    {"math", "isfinite", true, "(x: float) -> bool"},
    {"math", "isclose", true, "(a: float, b: float, *, rel_tol: float = 1e-09, abs_tol: float = 0.0) -> bool"},
    {"math", "gcd", true, "(*integers: int) -> int"}, {"math", "lcm", true, "(*integers: int) -> int"},
    {"math", "factorial", true, "(n: int) -> int"}, {"math", "isqrt", true, "(n: int) -> int"},
    {"math", "comb", true, "(n: int, k: int) -> int"}, {"math", "perm", true, "(n: int, k: int) -> int"},
    {"math", "fsum", true, "(seq: Iterator[float]) -> float"},
    {"math", "prod", true, "(seq: Iterator[int]) -> int;(seq: Iterator[float]) -> float"},
    {"math", "dist", true, "(p: list[float], q: list[float]) -> float"},
    {"sys", "argv", false, "list[str]"}, {"sys", "maxsize", false, "int"},
    {"sys", "stdout", false, "TextIO"}, {"sys", "stderr", false, "TextIO"},
    {"sys", "exit", true, "(status: int | None = None) -> NoReturn;(status: str) -> NoReturn"},
    {"sys", "setrecursionlimit", true, "(limit: int) -> None"},
    {"sys", "getrecursionlimit", true, "() -> int"},
};

struct Method {
  std::string_view type, name, sig;
};

constexpr Method kMethods[] = {
    // str
    {"str", "split", "(sep: str | None = None, maxsplit: int = -1) -> list[str]"},
    {"str", "rsplit", "(sep: str | None = None, maxsplit: int = -1) -> list[str]"},
    {"str", "join", "(iterable: Iterator[str]) -> str"},
    {"str", "strip", "(chars: str | None = None) -> str"},
    {"str", "lstrip", "(chars: str | None = None) -> str"},
    {"str", "rstrip", "(chars: str | None = None) -> str"},
    {"str", "replace", "(old: str, new: str, count: int = -1) -> str"},
    {"str", "find", "(sub: str, start: int = 0, end: int | None = None) -> int"},
    {"str", "rfind", "(sub: str, start: int = 0, end: int | None = None) -> int"},
    {"str", "index", "(sub: str, start: int = 0, end: int | None = None) -> int"},
    {"str", "rindex", "(sub: str, start: int = 0, end: int | None = None) -> int"},
    {"str", "count", "(sub: str, start: int = 0, end: int | None = None) -> int"},
    {"str", "startswith", "(prefix: str, start: int = 0, end: int | None = None) -> bool;(prefix: tuple[str, ...]) -> bool"},
    {"str", "endswith", "(suffix: str, start: int = 0, end: int | None = None) -> bool;(suffix: tuple[str, ...]) -> bool"},
    {"str", "upper", "() -> str"}, {"str", "lower", "() -> str"}, {"str", "title", "() -> str"},
    {"str", "capitalize", "() -> str"}, {"str", "swapcase", "() -> str"}, {"str", "casefold", "() -> str"},
    {"str", "isdigit", "() -> bool"}, {"str", "isalpha", "() -> bool"}, {"str", "isspace", "() -> bool"},
    {"str", "isalnum", "() -> bool"}, {"str", "isupper", "() -> bool"}, {"str", "islower", "() -> bool"},
    {"str", "isnumeric", "() -> bool"}, {"str", "isdecimal", "() -> bool"}, {"str", "isidentifier", "() -> bool"},
    {"str", "zfill", "(width: int) -> str"},
    {"str", "center", "(width: int, fillchar: str = ' ') -> str"},
    {"str", "ljust", "(width: int, fillchar: str = ' ') -> str"},
    {"str", "rjust", "(width: int, fillchar: str = ' ') -> str"},
    {"str", "partition", "(sep: str) -> tuple[str, str, str]"},
    {"str", "rpartition", "(sep: str) -> tuple[str, str, str]"},
    {"str", "splitlines", "(keepends: bool = False) -> list[str]"},
    {"str", "format", "(*args: object) -> str"},
    {"str", "encode", "(encoding: str = 'utf-8') -> bytes"},
    {"str", "removeprefix", "(prefix: str) -> str"}, {"str", "removesuffix", "(suffix: str) -> str"},
    {"str", "expandtabs", "(tabsize: int = 8) -> str"},
    // bytes
    {"bytes", "decode", "(encoding: str = 'utf-8') -> str"},
    {"bytes", "hex", "() -> str"},
    // int / float
    {"int", "bit_length", "() -> int"}, {"int", "bit_count", "() -> int"},
    {"float", "is_integer", "() -> bool"},
    // list
    {"list", "append", "(x: T) -> None"}, {"list", "extend", "(iterable: Iterator[T]) -> None"},
    {"list", "insert", "(i: int, x: T) -> None"}, {"list", "pop", "(i: int = -1) -> T"},
    {"list", "remove", "(x: T) -> None"}, {"list", "index", "(x: T, start: int = 0, stop: int | None = None) -> int"},
    {"list", "count", "(x: T) -> int"},
    {"list", "sort", "(*, key: Callable[[T], object] | None = None, reverse: bool = False) -> None"},
    {"list", "reverse", "() -> None"}, {"list", "copy", "() -> list[T]"}, {"list", "clear", "() -> None"},
    // tuple
    {"tuple", "index", "(x: T) -> int"}, {"tuple", "count", "(x: T) -> int"},
    // dict
    {"dict", "get", "(key: K) -> V | None;(key: K, default: V) -> V"},
    {"dict", "setdefault", "(key: K, default: V) -> V"},
    {"dict", "pop", "(key: K) -> V;(key: K, default: V) -> V"},
    {"dict", "popitem", "() -> tuple[K, V]"},
    {"dict", "items", "() -> view[tuple[K, V]]"}, {"dict", "keys", "() -> view[K]"},
    {"dict", "values", "() -> view[V]"}, {"dict", "update", "(other: dict[K, V]) -> None"},
    {"dict", "copy", "() -> dict[K, V]"}, {"dict", "clear", "() -> None"},
    // set
    {"set", "add", "(x: T) -> None"}, {"set", "remove", "(x: T) -> None"}, {"set", "discard", "(x: T) -> None"},
    {"set", "pop", "() -> T"}, {"set", "clear", "() -> None"}, {"set", "copy", "() -> set[T]"},
    {"set", "union", "(other: Iterator[T]) -> set[T]"}, {"set", "intersection", "(other: Iterator[T]) -> set[T]"},
    {"set", "difference", "(other: Iterator[T]) -> set[T]"},
    {"set", "symmetric_difference", "(other: Iterator[T]) -> set[T]"},
    {"set", "update", "(other: Iterator[T]) -> None"},
    {"set", "issubset", "(other: Iterator[T]) -> bool"}, {"set", "issuperset", "(other: Iterator[T]) -> bool"},
    {"set", "isdisjoint", "(other: Iterator[T]) -> bool"},
    // text files
    {"file", "read", "() -> str"}, {"file", "readline", "() -> str"}, {"file", "readlines", "() -> list[str]"},
    {"file", "write", "(s: str) -> int"}, {"file", "close", "() -> None"},
};

}  // namespace

bool isBuiltinName(std::string_view name) {
  return std::find(std::begin(kBuiltins), std::end(kBuiltins), name) != std::end(kBuiltins) ||
         isBuiltinException(name);
}

bool isBuiltinException(std::string_view name) {
  return std::find(std::begin(kExceptionNames), std::end(kExceptionNames), name) != std::end(kExceptionNames);
}

std::string_view builtinExceptionBase(std::string_view name) {
  for (auto& [n, b] : kExceptions)
    if (n == name) return b;
  return {};
}

std::span<const std::string_view> builtinExceptionNames() { return kExceptionNames; }

ModuleKind classifyModule(std::string_view module) {
  if (module == "typing" || module == "math" || module == "sys" || module == "__future__" || module == "molt")
    return ModuleKind::Known;
  if (module == "importlib" || module.starts_with("importlib.")) return ModuleKind::Dynamic;
  return ModuleKind::Unknown;
}

bool moduleHasMember(std::string_view module, std::string_view name) {
  for (const auto& m : kMembers)
    if (m.module == module && m.name == name) return true;
  return false;
}

MemberSignature moduleMember(std::string_view module, std::string_view name) {
  for (const auto& m : kMembers)
    if (m.module == module && m.name == name) return {m.is_function, m.sig};
  return {};
}

std::string_view builtinMethod(std::string_view type, std::string_view name) {
  for (const auto& m : kMethods)
    if (m.type == type && m.name == name) return m.sig;
  return {};
}

}  // namespace molt
