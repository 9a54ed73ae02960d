// The typed IR: the checked AST with every decision codegen needs made
// explicit. Names are resolved to local slots, globals or functions; every
// expression carries its machine representation (Repr); implicit conversions
// (bool -> int, int -> float, boxing) are explicit Convert nodes; builtins and
// methods are resolved to runtime calls with a signature. build_ir.cpp
// produces it from a FileAnalysis (or diagnostics for what it cannot lower
// yet); lower_llvm.cpp turns it into LLVM IR; dumpIr prints it for
// `molt build --emit=ir`. Nodes are owned by the IrModule's deques.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "analysis/ast.h"

namespace molt::codegen {

// How a value is held in machine code.
//   Int   - a NaN-boxed int (i64); small ints take inline fast paths, big
//           ints go through the runtime. Owned like a Value.
//   Float - an unboxed double.
//   Bool  - an unboxed i1.
//   Value - any other NaN-boxed Value (str, list, None, Optional...), i64.
enum class Repr : uint8_t { Int, Float, Bool, Value };
[[nodiscard]] const char* reprName(Repr r);

enum class IrOp : uint8_t {
  ConstInt,    // ival (fits the small-int range)
  ConstBig,    // constant slot `index` (big int made once at startup)
  ConstFloat,  // fval
  ConstBool,   // ival 0/1
  ConstNone,
  ConstStr,    // constant slot `index` (immortal str made once at startup)
  LoadLocal,   // index; ival = 1: the slot holds a cell, load its content (owned)
  LoadGlobal,  // index
  Convert,     // args[0] converted to `repr`
  Arith,       // bin_op on args[0], args[1]; operands in `operand_repr`
  Compare,     // cmp_op on args[0], args[1]; operands in `operand_repr`; Bool
  Neg,         // -args[0] in `repr`
  Not,         // Bool
  Truthy,      // bool(args[0]) -> Bool
  BoolOp,      // and (ival=1) / or (ival=0) of args[0], args[1], both in `repr`
  IfExp,       // args[0] ? args[1] : args[2]
  CallUser,    // call of function `index` with args (already in param reprs); imms = (class, function)
               // pairs of overrides chosen by the receiver's exact type id (virtual dispatch)
  CallRt,      // runtime function `name` with signature `sig` (see lower_llvm.cpp); ival bit 1 on
               // molt_setitem: the container is statically a list[bool] (old items need no release);
               // bit 2 on molt_getitem/setitem/len/list_append: the receiver is statically a list
  ChainCompare,// args[0] op0 args[1] op1 args[2] ...; cmp_ops, operand reprs in `reprs`
  Construct,   // new instance of class `index`; ival = __init__ function index or -1; args = __init__ args
  GetField,    // field at byte offset `index` of struct instance args[0], held as `repr`
  Block,       // run `stmts`, then evaluate args[0] (comprehensions)
  MakeFunc,    // function object for lambda function `index`; args = captured values (Value), by value
};

struct IrStmt;

struct IrExpr {
  IrOp op;
  Repr repr = Repr::Value;
  Repr operand_repr = Repr::Value;
  BinOp bin_op = BinOp::Add;
  CmpOp cmp_op = CmpOp::Eq;
  int64_t ival = 0;
  double fval = 0;
  uint32_t index = 0;
  std::string name;  // CallRt: runtime function; CallUser: for dumps
  std::string sig;   // CallRt signature
  uint32_t n_array = 0;  // CallRt: trailing args passed as (ptr, n)
  std::vector<int64_t> imms;  // CallRt immediates ('w'/'I' in sig)
  std::vector<IrExpr*> args;
  std::vector<IrStmt*> stmts;  // Block only
  std::vector<CmpOp> cmp_ops;
  std::vector<Repr> reprs;
  SourceRange range;
};

enum class IrStmtKind : uint8_t {
  Eval,      // evaluate value, drop result
  Store,     // targets[0] = value
  Unpack,    // targets... = value (molt_unpack)
  Return,    // return value (nullable: None)
  If,        // value ? body : orelse
  While,     // while value: body else orelse
  ForRange,  // for targets[0] in range(args[0], args[1], args[2]): body else orelse
  ForIter,   // for targets... in value: body else orelse
  Break,
  Continue,
  SetField,  // args[0].<field at byte offset `index`, held as targets[0].repr> = value
  Try,       // body, then orelse if nothing was raised; `handlers` catch by type id; then finalbody
  Reraise,   // bare `raise` inside an except handler: re-raise targets[0]
};

struct IrTarget {
  bool global = false;
  uint32_t index = 0;
  Repr repr = Repr::Value;
  bool cell = false;  // the local slot holds a cell (a one-capture function object) holding the variable
};

struct IrHandler {
  std::vector<uint32_t> type_ids;  // runtime type ids (MOLT_EXC_*); any matches
  bool has_target = false;
  IrTarget target;                  // `except E as name`
  std::vector<IrStmt*> body;
};

struct IrStmt {
  IrStmtKind kind;
  IrExpr* value = nullptr;
  std::vector<IrExpr*> args;
  std::vector<IrTarget> targets;
  std::vector<IrStmt*> body;
  std::vector<IrStmt*> orelse;
  std::vector<IrHandler> handlers;  // Try only
  std::vector<IrStmt*> finalbody;   // Try only: runs on normal exit and (re-raising) on error
  SourceRange range;
  // ForIter only: the checker typed the iterable `list` (see build_ir's
  // markList for why that is sound), so the loop needs no iterator path.
  bool list_iter = false;
};

struct IrVar {
  std::string name;
  Repr repr;
  // A module-level variable of the program: unbound until first assigned,
  // and reading it unbound raises CPython's NameError (a function may run
  // before the module statement that assigns it).
  bool user_global = false;
};

// `@molt.export` (docs/spec/wasm-targets.md): how each parameter and the
// result cross the wasm boundary, as the component model's canonical ABI
// lowers them (s64 -> i64, f64 -> f64, bool -> i32, string -> ptr+len).
enum class AbiType : uint8_t { None, S64, F64, Bool, String };
struct IrExport {
  std::vector<AbiType> params;
  AbiType result = AbiType::None;
};

struct IrFunction {
  std::string name;
  std::vector<IrVar> locals;  // parameters first
  uint32_t n_params = 0;    // includes the captures (the last n_captures parameters)
  uint32_t n_captures = 0;  // lambdas: captured variables, passed after the parameters
  bool needs_wrapper = false;  // used as a value (lambdas, escaping defs, functions as values): gets a MoltFnPtr wrapper
  std::optional<IrExport> export_sig;  // exported from wasm modules (needs_wrapper is set too)
  Repr returns = Repr::Value;
  std::vector<IrStmt*> body;
};

// A structified class (analysis/structify.h layout), registered with the
// runtime at startup.
// MoltClassDesc's hook slots (runtime.h): repr, str, eq, lt, hash, len, bool.
inline constexpr int kClassHooks = 7;

struct IrClass {
  std::string name;
  int32_t parent = -1;  // index into IrModule::classes, or -1 for object
  std::vector<uint8_t> field_kinds;  // MOLT_FIELD_RAW / MOLT_FIELD_VALUE per 8-byte slot
  std::vector<std::string> field_names;
  // Fields with a class-body default (`kind: str = "basic"`): (byte offset,
  // global holding the value, evaluated once when the class is defined).
  // The instance starts with the class's value, as CPython's instance reads
  // fall back to the class attribute until the field is assigned.
  std::vector<std::pair<uint32_t, uint32_t>> field_defaults;
  // Function index of the method behind each MoltClassDesc hook (repr, str,
  // eq, lt, hash, len, bool: its own or inherited), or -1.
  std::array<int32_t, kClassHooks> hooks = {-1, -1, -1, -1, -1, -1, -1};
};

// A user exception class (`class AppError(ValueError): pass`), registered
// with molt_exc_type_new at startup.
struct IrExceptionClass {
  std::string name;
  uint32_t builtin_parent = 0;  // MOLT_EXC_* when user_parent < 0
  int32_t user_parent = -1;     // index into IrModule::exceptions
};

// Exception type ids in the IR: builtin MOLT_EXC_* values, or
// kUserExceptionBit | index for user exception classes.
inline constexpr uint32_t kUserExceptionBit = 0x80000000u;
// kUserClassBit | index: the runtime type id of a structified user class.
inline constexpr uint32_t kUserClassBit = 0x40000000u;

struct IrConstant {
  bool is_str = true;  // else a big int in decimal
  std::string text;
};

struct IrModule {
  std::string source_name;
  std::string traceback_path;  // the path tracebacks print (the driver sets the absolute path)
  std::vector<uint32_t> line_starts;  // byte offset of each source line (tracebacks' line numbers)
  std::vector<IrVar> globals;
  std::vector<IrConstant> constants;
  std::vector<IrFunction> functions;
  std::vector<IrClass> classes;
  std::vector<IrExceptionClass> exceptions;
  int32_t argv_global = -1;  // global holding sys.argv (a list of str built from argv at startup)
  IrFunction main;  // module body; its locals are unused (module names are globals)

  std::deque<IrExpr> expr_pool;
  std::deque<IrStmt> stmt_pool;
  IrExpr* newExpr(IrOp op, Repr r) {
    expr_pool.push_back(IrExpr{});
    IrExpr* e = &expr_pool.back();
    e->op = op;
    e->repr = r;
    return e;
  }
  IrStmt* newStmt(IrStmtKind k) {
    stmt_pool.push_back(IrStmt{});
    IrStmt* s = &stmt_pool.back();
    s->kind = k;
    return s;
  }
};

[[nodiscard]] std::string dumpIr(const IrModule& m);

// Statements in `body`, nested bodies included (not handlers).
[[nodiscard]] size_t countStmts(const std::vector<IrStmt*>& body);

// The runtime function (runtime.h) implementing a binary operator on boxed
// Values; `inplace` selects the `+=` variant where there is one. nullptr for
// `@`, which has none.
[[nodiscard]] const char* runtimeBinaryFn(BinOp op, bool inplace = false);

}  // namespace molt::codegen
