// The Molt AST: plain data lowered from the tree-sitter CST by lower_cst.cpp.
// Nodes carry a kind tag and exact byte ranges; each Expr has a dense `id` so
// later phases (names, types) keep their results in side tables instead of
// mutating the tree. Nodes live in the owning Module's Arena. Optional
// children are nullptr; lists are spans into the arena.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "arena.h"
#include "source_file.h"

namespace molt {

// ---------------------------------------------------------------- expressions
enum class ExprKind : uint8_t {
  Name, Int, Float, Str, Bytes, FString, Bool, None, Ellipsis,
  List, Tuple, Set, Dict,
  ListComp, SetComp, DictComp, GeneratorExp,
  Attribute, Subscript, Slice, Call,
  Unary, Binary, BoolOp, Compare, IfExp, Lambda,
};

enum class UnaryOp : uint8_t { Neg, Pos, Invert, Not };
enum class BinOp : uint8_t { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, LShift, RShift, BitAnd, BitOr, BitXor, MatMul };
enum class CmpOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

[[nodiscard]] std::string_view spelling(UnaryOp op);
[[nodiscard]] std::string_view spelling(BinOp op);
[[nodiscard]] std::string_view spelling(CmpOp op);
[[nodiscard]] std::string_view kindName(ExprKind k);

struct Expr {
  ExprKind kind;
  uint32_t id;
  SourceRange range;
};

struct NameExpr : Expr { std::string_view name; };
struct IntExpr : Expr {
  std::string_view digits;  // decimal digits, prefix/underscores removed for base 10; raw text otherwise
  bool fits_i64;
  int64_t value;
};
struct FloatExpr : Expr { double value; };
struct StrExpr : Expr { std::string_view value; };  // decoded; kind Str or Bytes
struct BoolExpr : Expr { bool value; };

struct FStringPart {
  std::string_view literal;    // decoded literal text (when expr == nullptr)
  Expr* expr = nullptr;        // replacement field
  char conversion = 0;         // 0, 'r', 's' or 'a'
  std::span<FStringPart> spec; // format spec parts (literal and nested fields)
};
struct FStringExpr : Expr { std::span<FStringPart> parts; };

struct SequenceExpr : Expr { std::span<Expr*> elts; };  // List, Tuple, Set
struct DictExpr : Expr { std::span<Expr*> keys; std::span<Expr*> values; };

struct Comprehension {
  Expr* target;
  Expr* iter;
  std::span<Expr*> ifs;
};
struct ComprehensionExpr : Expr {
  Expr* elt;    // the key for DictComp
  Expr* value;  // DictComp only
  std::span<Comprehension> generators;
};

struct AttributeExpr : Expr { Expr* value; std::string_view attr; SourceRange attr_range; };
struct SubscriptExpr : Expr { Expr* value; Expr* index; };  // a tuple index for a[i, j]
struct SliceExpr : Expr { Expr* lower; Expr* upper; Expr* step; };

struct Keyword {
  std::string_view name;
  SourceRange name_range;
  Expr* value;
};
struct CallExpr : Expr {
  Expr* func;
  std::span<Expr*> args;
  std::span<Keyword> keywords;
};

struct UnaryExpr : Expr { UnaryOp op; Expr* operand; };
struct BinaryExpr : Expr { BinOp op; Expr* lhs; Expr* rhs; };
struct BoolOpExpr : Expr { bool is_and; Expr* lhs; Expr* rhs; };
struct CompareExpr : Expr { std::span<CmpOp> ops; std::span<Expr*> operands; };  // operands = ops + 1
struct IfExpr : Expr { Expr* test; Expr* body; Expr* orelse; };

struct Param {
  std::string_view name;
  SourceRange range;
  Expr* annotation;     // nullable
  Expr* default_value;  // nullable
  bool keyword_only;
};
struct LambdaExpr : Expr { std::span<Param> params; Expr* body; };

// ----------------------------------------------------------------- statements
enum class StmtKind : uint8_t {
  Expr, Assign, AnnAssign, AugAssign, Return, If, While, For, Break, Continue, Pass,
  Raise, Try, With, Assert, FunctionDef, ClassDef, Import, ImportFrom, Global, Nonlocal, Delete,
};
[[nodiscard]] std::string_view kindName(StmtKind k);

struct Stmt {
  StmtKind kind;
  SourceRange range;
};
using Block = std::span<Stmt*>;

struct ExprStmt : Stmt { Expr* value; };
struct AssignStmt : Stmt { std::span<Expr*> targets; Expr* value; };  // a = b = value
struct AnnAssignStmt : Stmt { Expr* target; Expr* annotation; Expr* value; };
struct AugAssignStmt : Stmt { Expr* target; BinOp op; Expr* value; };
struct ReturnStmt : Stmt { Expr* value; };
struct IfStmt : Stmt { Expr* test; Block body; Block orelse; };  // elif lowers to a nested If
struct WhileStmt : Stmt { Expr* test; Block body; Block orelse; };
struct ForStmt : Stmt { Expr* target; Expr* iter; Block body; Block orelse; };
struct RaiseStmt : Stmt { Expr* exc; Expr* cause; };

struct ExceptHandler {
  SourceRange range;
  Expr* type;  // nullable: bare `except:`
  std::string_view name;
  SourceRange name_range;
  Block body;
};
struct TryStmt : Stmt { Block body; std::span<ExceptHandler> handlers; Block orelse; Block finalbody; };

struct WithItem { Expr* context; Expr* target; };
struct WithStmt : Stmt { std::span<WithItem> items; Block body; };
struct AssertStmt : Stmt { Expr* test; Expr* msg; };

struct FunctionDef : Stmt {
  std::string_view name;
  SourceRange name_range;
  std::span<Param> params;
  Expr* returns;  // nullable
  Block body;
  std::span<Expr*> decorators;
  SourceRange header;  // `def` through the colon, for hovers and lenses
};
struct ClassDef : Stmt {
  std::string_view name;
  SourceRange name_range;
  std::span<Expr*> bases;
  std::span<Keyword> keywords;
  Block body;
  std::span<Expr*> decorators;
};

struct Alias {
  std::string_view name;    // dotted module name or imported name
  std::string_view asname;  // empty if none
  SourceRange range;
};
struct ImportStmt : Stmt { std::span<Alias> names; };
struct ImportFromStmt : Stmt { std::string_view module; uint32_t level; std::span<Alias> names; };

struct Identifier { std::string_view name; SourceRange range; };
struct NameListStmt : Stmt { std::span<Identifier> names; };  // Global, Nonlocal
struct DeleteStmt : Stmt { std::span<Expr*> targets; };

// A parsed module: the tree plus the arena that owns it.
struct Module {
  Block body;
  uint32_t expr_count = 0;
  std::unique_ptr<Arena> arena = std::make_unique<Arena>();
  // Storage that `body` also points into and that other modules share: the
  // reused chunks of incremental lowering (analysis/incremental.h). Empty
  // for a module lowered in one piece.
  std::vector<std::shared_ptr<const void>> shared;
};

template <typename T> T* as(Expr* e) { return static_cast<T*>(e); }
template <typename T> const T* as(const Expr* e) { return static_cast<const T*>(e); }
template <typename T> T* as(Stmt* s) { return static_cast<T*>(s); }
template <typename T> const T* as(const Stmt* s) { return static_cast<const T*>(s); }

}  // namespace molt
