// Text dump of the typed IR for `molt build --emit=ir` (golden-testable).
#include "codegen/typed_ir.h"

#include <fmt/format.h>

namespace molt::codegen {

const char* reprName(Repr r) {
  switch (r) {
    case Repr::Int: return "int";
    case Repr::Float: return "f64";
    case Repr::Bool: return "i1";
    case Repr::Value: return "value";
  }
  return "?";
}

namespace {

const char* opName(IrOp op) {
  switch (op) {
    case IrOp::ConstInt: return "const.int";
    case IrOp::ConstBig: return "const.big";
    case IrOp::ConstFloat: return "const.float";
    case IrOp::ConstBool: return "const.bool";
    case IrOp::ConstNone: return "const.none";
    case IrOp::ConstStr: return "const.str";
    case IrOp::LoadLocal: return "local";
    case IrOp::LoadGlobal: return "global";
    case IrOp::Convert: return "convert";
    case IrOp::Arith: return "arith";
    case IrOp::Compare: return "cmp";
    case IrOp::Neg: return "neg";
    case IrOp::Not: return "not";
    case IrOp::Truthy: return "truthy";
    case IrOp::BoolOp: return "boolop";
    case IrOp::IfExp: return "ifexp";
    case IrOp::CallUser: return "call";
    case IrOp::CallRt: return "rt";
    case IrOp::ChainCompare: return "chaincmp";
    case IrOp::Construct: return "new";
    case IrOp::GetField: return "getfield";
    case IrOp::Block: return "block";
    case IrOp::MakeFunc: return "makefunc";
  }
  return "?";
}

void dumpStmt(const IrModule& m, const IrFunction& f, const IrStmt* s, int depth, std::string& out);

void dumpExpr(const IrModule& m, const IrExpr* e, std::string& out) {
  out += fmt::format("({}:{}", opName(e->op), reprName(e->repr));
  switch (e->op) {
    case IrOp::ConstInt: case IrOp::ConstBool: out += fmt::format(" {}", e->ival); break;
    case IrOp::ConstFloat: out += fmt::format(" {}", e->fval); break;
    case IrOp::ConstBig: case IrOp::ConstStr: out += fmt::format(" #{}", e->index); break;
    case IrOp::LoadLocal: out += fmt::format(" %{}", e->index); break;
    case IrOp::LoadGlobal: out += fmt::format(" @{}", m.globals[e->index].name); break;
    case IrOp::Arith: out += fmt::format(" {} {}", spelling(e->bin_op), reprName(e->operand_repr)); break;
    case IrOp::Compare: out += fmt::format(" {} {}", spelling(e->cmp_op), reprName(e->operand_repr)); break;
    case IrOp::BoolOp: out += e->ival ? " and" : " or"; break;
    case IrOp::CallUser:
      out += fmt::format(" {}", e->name);
      for (size_t i = 0; i + 1 < e->imms.size(); i += 2)
        out += fmt::format(" [{}: {}]", m.classes[e->imms[i]].name, m.functions[e->imms[i + 1]].name);
      break;
    case IrOp::Construct: out += fmt::format(" {}", m.classes[e->index].name); break;
    case IrOp::GetField: out += fmt::format(" +{}", e->index); break;
    case IrOp::MakeFunc: out += fmt::format(" {}", m.functions[e->index].name); break;
    case IrOp::Block: {
      out += " {\n";
      for (const IrStmt* st : e->stmts) dumpStmt(m, m.main, st, 4, out);
      out += "  }";
      break;
    }
    case IrOp::CallRt: {
      out += fmt::format(" {} \"{}\"", e->name, e->sig);
      for (int64_t i : e->imms) out += fmt::format(" {}", i);
      break;
    }
    case IrOp::ChainCompare:
      for (CmpOp c : e->cmp_ops) out += fmt::format(" {}", spelling(c));
      break;
    default: break;
  }
  for (const IrExpr* a : e->args) {
    out += ' ';
    dumpExpr(m, a, out);
  }
  out += ')';
}

std::string targetName(const IrModule& m, const IrFunction& f, const IrTarget& t) {
  if (t.global) return "@" + m.globals[t.index].name;
  return fmt::format("%{}", t.index);
}

void dumpBlock(const IrModule& m, const IrFunction& f, const std::vector<IrStmt*>& b, int depth, std::string& out);

void dumpStmt(const IrModule& m, const IrFunction& f, const IrStmt* s, int depth, std::string& out) {
  std::string ind(static_cast<size_t>(depth) * 2, ' ');
  auto targets = [&] {
    std::string t;
    for (size_t i = 0; i < s->targets.size(); ++i) t += (i ? ", " : "") + targetName(m, f, s->targets[i]);
    return t;
  };
  auto expr = [&](const IrExpr* e) {
    std::string t;
    if (e) dumpExpr(m, e, t);
    return t;
  };
  switch (s->kind) {
    case IrStmtKind::Eval: out += ind + "eval " + expr(s->value) + "\n"; break;
    case IrStmtKind::Store: out += ind + targets() + " = " + expr(s->value) + "\n"; break;
    case IrStmtKind::Unpack: out += ind + "unpack " + targets() + " = " + expr(s->value) + "\n"; break;
    case IrStmtKind::Return: out += ind + "return " + expr(s->value) + "\n"; break;
    case IrStmtKind::Break: out += ind + "break\n"; break;
    case IrStmtKind::Continue: out += ind + "continue\n"; break;
    case IrStmtKind::Try: {
      out += ind + "try:\n";
      dumpBlock(m, f, s->body, depth + 1, out);
      for (const IrHandler& h : s->handlers) {
        out += ind + "except";
        for (uint32_t t : h.type_ids) out += fmt::format(" {}", t);
        if (h.has_target) out += " as " + targetName(m, f, h.target);
        out += ":\n";
        dumpBlock(m, f, h.body, depth + 1, out);
      }
      if (!s->orelse.empty()) {
        out += ind + "else:\n";
        dumpBlock(m, f, s->orelse, depth + 1, out);
      }
      if (!s->finalbody.empty()) {
        out += ind + "finally:\n";
        dumpBlock(m, f, s->finalbody, depth + 1, out);
      }
      break;
    }
    case IrStmtKind::Reraise: out += ind + "reraise " + targets() + "\n"; break;
    case IrStmtKind::SetField:
      out += ind + fmt::format("setfield +{}:{} ", s->targets[0].index, reprName(s->targets[0].repr)) +
             expr(s->args[0]) + " = " + expr(s->value) + "\n";
      break;
    case IrStmtKind::If:
    case IrStmtKind::While:
    case IrStmtKind::ForIter:
    case IrStmtKind::ForRange: {
      if (s->kind == IrStmtKind::If) out += ind + "if " + expr(s->value) + ":\n";
      if (s->kind == IrStmtKind::While) out += ind + "while " + expr(s->value) + ":\n";
      if (s->kind == IrStmtKind::ForIter) out += ind + "for " + targets() + " in " + expr(s->value) + ":\n";
      if (s->kind == IrStmtKind::ForRange)
        out += ind + "for " + targets() + " in range " + expr(s->args[0]) + " " + expr(s->args[1]) + " " +
               expr(s->args[2]) + ":\n";
      dumpBlock(m, f, s->body, depth + 1, out);
      if (!s->orelse.empty()) {
        out += ind + "else:\n";
        dumpBlock(m, f, s->orelse, depth + 1, out);
      }
      break;
    }
  }
}

void dumpBlock(const IrModule& m, const IrFunction& f, const std::vector<IrStmt*>& b, int depth, std::string& out) {
  for (const IrStmt* s : b) dumpStmt(m, f, s, depth, out);
}

void dumpFunction(const IrModule& m, const IrFunction& f, std::string& out) {
  out += fmt::format("func {}(", f.name);
  for (uint32_t i = 0; i < f.n_params; ++i)
    out += fmt::format("{}%{} {}: {}", i ? ", " : "", i, f.locals[i].name, reprName(f.locals[i].repr));
  out += fmt::format(") -> {}\n", reprName(f.returns));
  if (f.export_sig) {
    static constexpr const char* kAbi[] = {"none", "s64", "f64", "bool", "string"};
    out += "  export(";
    for (size_t i = 0; i < f.export_sig->params.size(); ++i)
      out += fmt::format("{}{}", i ? ", " : "", kAbi[static_cast<int>(f.export_sig->params[i])]);
    out += fmt::format(") -> {}\n", kAbi[static_cast<int>(f.export_sig->result)]);
  }
  for (size_t i = f.n_params; i < f.locals.size(); ++i)
    out += fmt::format("  local %{} {}: {}\n", i, f.locals[i].name, reprName(f.locals[i].repr));
  dumpBlock(m, f, f.body, 1, out);
}

}  // namespace

std::string dumpIr(const IrModule& m) {
  std::string out = fmt::format("module {}\n", m.source_name);
  for (size_t i = 0; i < m.constants.size(); ++i)
    out += fmt::format("const #{} {} {:?}\n", i, m.constants[i].is_str ? "str" : "int", m.constants[i].text);
  for (const IrClass& c : m.classes) {
    out += fmt::format("class {} parent {} fields", c.name, c.parent);
    for (size_t i = 0; i < c.field_names.size(); ++i)
      out += fmt::format(" {}:{}", c.field_names[i], c.field_kinds[i] ? "value" : "raw");
    out += "\n";
  }
  for (const IrVar& g : m.globals) out += fmt::format("global @{}: {}\n", g.name, reprName(g.repr));
  if (m.argv_global >= 0) out += fmt::format("argv -> @{}\n", m.globals[m.argv_global].name);
  for (const IrFunction& f : m.functions) dumpFunction(m, f, out);
  dumpFunction(m, m.main, out);
  return out;
}

const char* runtimeBinaryFn(BinOp op, bool inplace) {
  switch (op) {
    case BinOp::Add: return inplace ? "molt_iadd" : "molt_add";
    case BinOp::Sub: return inplace ? "molt_isub" : "molt_sub";
    case BinOp::Mul: return inplace ? "molt_imul" : "molt_mul";
    case BinOp::Div: return "molt_truediv";
    case BinOp::FloorDiv: return "molt_floordiv";
    case BinOp::Mod: return "molt_mod";
    case BinOp::Pow: return "molt_pow";
    case BinOp::LShift: return "molt_lshift";
    case BinOp::RShift: return "molt_rshift";
    case BinOp::BitAnd: return inplace ? "molt_iand" : "molt_and";
    case BinOp::BitOr: return inplace ? "molt_ior" : "molt_or";
    case BinOp::BitXor: return inplace ? "molt_ixor" : "molt_xor";
    case BinOp::MatMul: return nullptr;
  }
  return nullptr;
}

size_t countStmts(const std::vector<IrStmt*>& body) {
  size_t n = 0;
  for (const IrStmt* st : body) n += 1 + countStmts(st->body) + countStmts(st->orelse) + countStmts(st->finalbody);
  return n;
}

}  // namespace molt::codegen
