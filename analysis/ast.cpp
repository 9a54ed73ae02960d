// Spellings of AST operators and kinds, for messages and dumps.
#include "ast.h"

namespace molt {

std::string_view spelling(UnaryOp op) {
  switch (op) {
    case UnaryOp::Neg: return "-";
    case UnaryOp::Pos: return "+";
    case UnaryOp::Invert: return "~";
    case UnaryOp::Not: return "not";
  }
  return "?";
}

std::string_view spelling(BinOp op) {
  static constexpr std::string_view names[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"};
  return names[static_cast<int>(op)];
}

std::string_view spelling(CmpOp op) {
  static constexpr std::string_view names[] = {"==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"};
  return names[static_cast<int>(op)];
}

std::string_view kindName(ExprKind k) {
  static constexpr std::string_view names[] = {
      "Name", "Int", "Float", "Str", "Bytes", "FString", "Bool", "None", "Ellipsis", "List", "Tuple", "Set", "Dict",
      "ListComp", "SetComp", "DictComp", "GeneratorExp", "Attribute", "Subscript", "Slice", "Call", "Unary", "Binary",
      "BoolOp", "Compare", "IfExp", "Lambda"};
  return names[static_cast<int>(k)];
}

std::string_view kindName(StmtKind k) {
  static constexpr std::string_view names[] = {
      "Expr", "Assign", "AnnAssign", "AugAssign", "Return", "If", "While", "For", "Break", "Continue", "Pass",
      "Raise", "Try", "With", "Assert", "FunctionDef", "ClassDef", "Import", "ImportFrom", "Global", "Nonlocal",
      "Delete"};
  return names[static_cast<int>(k)];
}

}  // namespace molt
