// `@molt.export` on wasm32-wasi: one core-wasm export per exported function,
// with the component model's canonical ABI lowering of its WIT signature
// (docs/spec/wasm-targets.md), and the WIT text of those exports.
//
// Each export is a wrapper `molt.export.NAME` (wasm export name NAME) that
// turns the lowered arguments into Values with the runtime's molt_abi_*
// helpers, calls the function through its uniform MoltFnPtr entry
// `molt.wrap.NAME` (so the wrapper does not depend on the direct calling
// convention), and lowers the result. An exception escaping the function
// prints its traceback and traps (molt_abi_fail).
#include <llvm/IR/Constants.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Module.h>
#include <llvm/Transforms/Utils/ModuleUtils.h>

#include <fmt/format.h>

#include "codegen/codegen.h"
#include "molt/runtime.h"

namespace molt::codegen {
namespace {

using llvm::BasicBlock;
using llvm::Function;
using llvm::FunctionType;
using llvm::Type;
using llvm::Value;

class ExportLowering {
 public:
  explicit ExportLowering(llvm::Module& m)
      : m_(m), ctx_(m.getContext()), b_(ctx_), i64_(b_.getInt64Ty()), i32_(b_.getInt32Ty()), f64_(b_.getDoubleTy()),
        ptr_(b_.getPtrTy()) {}

  void exportFunction(const IrFunction& f) {
    Function* target = m_.getFunction("molt.wrap." + f.name);
    if (!target) return;  // lower() always emits it for export_sig; nothing to wrap otherwise
    const IrExport& x = *f.export_sig;
    std::vector<Type*> params;
    for (AbiType t : x.params) {
      if (t == AbiType::String) {
        params.push_back(ptr_);
        params.push_back(i32_);
      } else {
        params.push_back(coreType(t));
      }
    }
    Type* ret = x.result == AbiType::None     ? b_.getVoidTy()
                : x.result == AbiType::String ? ptr_
                                              : coreType(x.result);
    Function* w = Function::Create(FunctionType::get(ret, params, false), Function::ExternalLinkage,
                                   "molt.export." + f.name, m_);
    w->addFnAttr("wasm-export-name", f.name);
    BasicBlock* entry = BasicBlock::Create(ctx_, "entry", w);
    BasicBlock* fail = BasicBlock::Create(ctx_, "fail", w);
    b_.SetInsertPoint(fail);
    b_.CreateCall(rt("molt_abi_fail", b_.getVoidTy(), {}));
    b_.CreateUnreachable();

    b_.SetInsertPoint(entry);
    b_.CreateCall(rt("molt_abi_enter", b_.getVoidTy(), {}));
    auto* arr = b_.CreateAlloca(llvm::ArrayType::get(i64_, std::max<size_t>(x.params.size(), 1)));
    std::vector<Value*> owned;
    unsigned arg = 0;
    for (size_t i = 0; i < x.params.size(); ++i) {
      Value* v = nullptr;
      switch (x.params[i]) {
        case AbiType::S64:
          v = b_.CreateCall(rt("molt_int_from_i64", i64_, {i64_}), {w->getArg(arg++)});
          owned.push_back(v);
          break;
        case AbiType::F64: {
          // A NaN from the host may carry any payload; only the canonical
          // NaN is a float in the NaN-boxed encoding (value_layout.h).
          Value* d = w->getArg(arg++);
          Value* bits = b_.CreateBitCast(d, i64_);
          v = b_.CreateSelect(b_.CreateFCmpUNO(d, d), b_.getInt64(MOLT_CANONICAL_NAN), bits);
          break;
        }
        case AbiType::Bool:
          v = b_.CreateSelect(b_.CreateICmpNE(w->getArg(arg++), b_.getInt32(0)), b_.getInt64(MOLT_TRUE),
                              b_.getInt64(MOLT_FALSE));
          break;
        case AbiType::String: {
          Value* p = w->getArg(arg++);
          Value* n = w->getArg(arg++);
          v = b_.CreateCall(rt("molt_abi_str_in", i64_, {ptr_, i32_}), {p, n});
          failIfNull(v, fail);
          owned.push_back(v);
          break;
        }
        case AbiType::None: break;
      }
      b_.CreateStore(v, b_.CreateConstInBoundsGEP1_64(i64_, arr, i));
    }
    Value* r = b_.CreateCall(target, {b_.getInt64(MOLT_NONE), arr, b_.getInt64(x.params.size())});
    for (Value* v : owned) b_.CreateCall(rt("molt_decref", b_.getVoidTy(), {i64_}), {v});
    failIfNull(r, fail);
    Value* out = nullptr;
    switch (x.result) {
      case AbiType::None: break;
      case AbiType::S64: out = b_.CreateCall(rt("molt_abi_s64_out", i64_, {i64_}), {r}); break;
      case AbiType::F64: out = b_.CreateBitCast(r, f64_); break;
      case AbiType::Bool: out = b_.CreateZExt(b_.CreateICmpEQ(r, b_.getInt64(MOLT_TRUE)), i32_); break;
      case AbiType::String: out = b_.CreateCall(rt("molt_abi_str_out", ptr_, {i64_}), {r}); break;
    }
    b_.CreateCall(rt("molt_decref", b_.getVoidTy(), {i64_}), {r});
    b_.CreateCall(rt("molt_abi_leave", b_.getVoidTy(), {}));
    if (out) b_.CreateRet(out);
    else b_.CreateRetVoid();

    if (x.result == AbiType::String) {
      // The canonical ABI's post-return function frees the result buffer.
      Function* post = Function::Create(FunctionType::get(b_.getVoidTy(), {ptr_}, false), Function::ExternalLinkage,
                                        "molt.export.post." + f.name, m_);
      post->addFnAttr("wasm-export-name", "cabi_post_" + f.name);
      b_.SetInsertPoint(BasicBlock::Create(ctx_, "entry", post));
      b_.CreateCall(rt("molt_abi_str_post", b_.getVoidTy(), {ptr_}), {post->getArg(0)});
      b_.CreateRetVoid();
    }
  }

  // Keeps the module's globals alive after `_start`, so exports can run then.
  void keepGlobals() {
    Function* ctor = Function::Create(FunctionType::get(b_.getVoidTy(), false), Function::InternalLinkage,
                                      "molt.export.keep_globals", m_);
    b_.SetInsertPoint(BasicBlock::Create(ctx_, "entry", ctor));
    b_.CreateCall(rt("molt_runtime_keep_globals", b_.getVoidTy(), {}));
    b_.CreateRetVoid();
    llvm::appendToGlobalCtors(m_, ctor, 0);
  }

 private:
  Type* coreType(AbiType t) {
    switch (t) {
      case AbiType::S64: return i64_;
      case AbiType::F64: return f64_;
      default: return i32_;  // bool
    }
  }
  llvm::FunctionCallee rt(const char* name, Type* ret, std::vector<Type*> params) {
    return m_.getOrInsertFunction(name, FunctionType::get(ret, params, false));
  }
  void failIfNull(Value* v, BasicBlock* fail) {
    BasicBlock* ok = BasicBlock::Create(ctx_, "ok", b_.GetInsertBlock()->getParent());
    b_.CreateCondBr(b_.CreateICmpEQ(v, b_.getInt64(MOLT_NULL)), fail, ok);
    b_.SetInsertPoint(ok);
  }

  llvm::Module& m_;
  llvm::LLVMContext& ctx_;
  llvm::IRBuilder<> b_;
  Type* i64_;
  Type* i32_;
  Type* f64_;
  Type* ptr_;
};

// WIT identifiers are lower-case kebab words; Python's snake_case maps to them.
std::string kebab(std::string_view name) {
  static constexpr std::string_view kKeywords[] = {
      "as", "async", "bool", "borrow", "char", "constructor", "enum", "export", "f32", "f64", "flags", "from",
      "func", "future", "import", "include", "interface", "list", "option", "own", "package", "record", "resource",
      "result", "s16", "s32", "s64", "s8", "static", "stream", "string", "tuple", "type", "u16", "u32", "u64", "u8",
      "use", "variant", "with", "world"};
  std::string out;
  for (char c : name) {
    if (c == '_') {
      if (!out.empty() && out.back() != '-') out += '-';
    } else if (c >= 'A' && c <= 'Z') {
      if (!out.empty() && out.back() != '-') out += '-';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  // A word may not start with a digit: `f_2d` -> `f-x2d`.
  for (size_t i = 0; i < out.size(); ++i)
    if ((i == 0 || out[i - 1] == '-') && out[i] >= '0' && out[i] <= '9') out.insert(i, "x");
  if (out.empty()) out = "x";
  for (std::string_view k : kKeywords)
    if (out == k) return "%" + out;
  return out;
}

const char* witType(AbiType t) {
  switch (t) {
    case AbiType::S64: return "s64";
    case AbiType::F64: return "f64";
    case AbiType::Bool: return "bool";
    case AbiType::String: return "string";
    case AbiType::None: break;
  }
  return "";
}

}  // namespace

std::string witName(std::string_view python_name) { return kebab(python_name); }

void addWasmExports(const IrModule& ir, llvm::Module& m) {
  ExportLowering lowering(m);
  bool any = false;
  for (const IrFunction& f : ir.functions) {
    if (!f.export_sig) continue;
    lowering.exportFunction(f);
    any = true;
  }
  if (any) lowering.keepGlobals();
}

std::string witWorld(const IrModule& ir, std::string_view world) {
  std::string name = kebab(world);
  if (name[0] == '%') name = name.substr(1) + "-program";  // a package name may not be a keyword
  std::string out = fmt::format(
      "// The exports of {} (`molt build --target wasm --wit`), as a world of\n"
      "// their own; wit/molt.wit describes the WASI imports every Molt module uses.\n"
      "// The module is a wasm32-wasi command: `_start` runs the program, after\n"
      "// which these functions may be called. Core export names are the Python\n"
      "// names; each core signature is the canonical ABI lowering of the WIT type.\n"
      "package molt:{}@0.1.0;\n\n"
      "world {} {{\n",
      ir.source_name, name, name);
  for (const IrFunction& f : ir.functions) {
    if (!f.export_sig) continue;
    std::string params;
    for (size_t i = 0; i < f.export_sig->params.size(); ++i)
      params += fmt::format("{}{}: {}", i ? ", " : "", kebab(f.locals[i].name), witType(f.export_sig->params[i]));
    std::string result = f.export_sig->result == AbiType::None ? "" : fmt::format(" -> {}", witType(f.export_sig->result));
    out += fmt::format("  /// Python: `{}`\n  export {}: func({}){};\n", f.name, kebab(f.name), params, result);
  }
  out += "}\n";
  return out;
}

}  // namespace molt::codegen
