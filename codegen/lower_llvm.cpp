// Typed IR -> LLVM IR through the LLVM 19 C++ API.
//
// Calling convention: every user function is `i64 molt.fn.NAME(params)` with
// internal linkage; `int`/`Value` parameters are i64 NaN-boxed values
// (borrowed), `float` parameters are `double`, `bool` parameters `i1`. The
// result is always an i64 Value (a float result is its double's bits, a bool
// MOLT_TRUE/MOLT_FALSE) so that MOLT_NULL can signal a pending exception.
//
// Ownership follows runtime.h: locals and globals own one reference; every
// lowered expression is a `LV` that is either owned (must be released) or
// borrowed (a local's current value, a constant, an unboxed number). Errors
// branch to the function's error block, which releases the locals and
// returns MOLT_NULL; in `main` it returns molt_runtime_finish(), which prints
// the traceback line and yields exit status 1.
//
// Small-int fast paths are `alwaysinline` helper functions (molt.int.*) that
// check both tags inline and fall back to the runtime's generic operation,
// so overflow always produces the right big integer.
#include <llvm/IR/Constants.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/MDBuilder.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/ErrorHandling.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <functional>
#include <map>

#include "codegen/codegen.h"
#include "codegen/int_regions.h"
#include "molt/runtime.h"

namespace molt::codegen {
namespace {

using llvm::BasicBlock;
using llvm::Function;
using llvm::FunctionType;
using llvm::Type;
using llvm::Value;

struct LV {
  Value* v = nullptr;
  Repr r = Repr::Value;
  bool owned = false;
  // An int that knows more than its boxed word: when `small` (i1) holds, v
  // is a small int and `raw` its value as an i64. Constants and the raw
  // locals of an int region (int_regions.h) have small = true; an operation
  // that may overflow merges its inline and runtime results into phis of all
  // three, so LLVM threads the inline path through the next operation
  // without a tag test. Both null: only v is known.
  Value* raw = nullptr;
  Value* small = nullptr;
  // raw << 16 when known (also only meaningful when `small`): the form
  // + - * compute on (intArith) and the raw locals of an int region hold, so
  // a loop-carried sum stays in it and its chain is one add per iteration.
  Value* hraw = nullptr;
};

class Lowerer {
 public:
  Lowerer(const IrModule& ir, llvm::LLVMContext& ctx, bool wasm32)
      : ir_(ir), ctx_(ctx), mod_(std::make_unique<llvm::Module>("molt", ctx)), b_(ctx), native_mul_overflow_(!wasm32) {
    i64_ = Type::getInt64Ty(ctx);
    i32_ = Type::getInt32Ty(ctx);
    i1_ = Type::getInt1Ty(ctx);
    f64_ = Type::getDoubleTy(ctx);
    ptr_ = llvm::PointerType::get(ctx, 0);
    unlikely_ = llvm::MDBuilder(ctx).createUnlikelyBranchWeights();
  }

  std::unique_ptr<llvm::Module> run() {
    std::string base = ir_.source_name;
    if (auto p = base.find_last_of('/'); p != std::string::npos) base = base.substr(p + 1);
    mod_->setSourceFileName(base);
    for (size_t i = 0; i < ir_.constants.size(); ++i)
      consts_.push_back(new llvm::GlobalVariable(*mod_, i64_, false, llvm::GlobalValue::InternalLinkage,
                                                 b_.getInt64(MOLT_NONE), "molt.const." + std::to_string(i)));
    for (const IrVar& g : ir_.globals) {
      // A boxed module variable starts unbound (MOLT_NULL); an unboxed one
      // gets a flag set by its first store.
      bool boxed = refcounted(g.repr) || g.repr == Repr::Value;
      llvm::Constant* init = g.user_global && boxed ? static_cast<llvm::Constant*>(c64(MOLT_NULL)) : zeroOf(g.repr);
      globals_.push_back(new llvm::GlobalVariable(*mod_, typeOf(g.repr), false, llvm::GlobalValue::InternalLinkage,
                                                  init, "molt.global." + g.name));
      bound_.push_back(g.user_global && !boxed
                           ? new llvm::GlobalVariable(*mod_, i1_, false, llvm::GlobalValue::InternalLinkage,
                                                      b_.getFalse(), "molt.global." + g.name + ".bound")
                           : nullptr);
    }
    declareClasses();
    for (const IrFunction& f : ir_.functions) {
      std::vector<Type*> params;
      for (uint32_t i = 0; i < f.n_params; ++i) params.push_back(typeOf(f.locals[i].repr));
      params.push_back(i32_);  // the frame's depth (see callDirect)
      Function* fn = Function::Create(FunctionType::get(i64_, params, false), Function::InternalLinkage,
                                      "molt.fn." + f.name, *mod_);
      fn->addFnAttr(llvm::Attribute::NoUnwind);
      // Small leaf bodies (a few statements, e.g. `return <expression>`,
      // no calls of user functions) are always inlined: the inline int fast
      // paths make them look too big to LLVM's cost model, and the call
      // (frame, recursion counter) costs more than the body.
      bool inl = countStmts(f.body) <= 3 && !callsUser(f.body);
      if (inl) fn->addFnAttr(llvm::Attribute::AlwaysInline);
      always_inline_.push_back(inl);
      funcs_.push_back(fn);
    }
    wrappers_.assign(ir_.functions.size(), nullptr);
    for (size_t i = 0; i < ir_.functions.size(); ++i)
      if (ir_.functions[i].needs_wrapper)
        wrappers_[i] = lambdaWrapper(ir_.functions[i], funcs_[i]);
    setClassHooks();
    for (size_t i = 0; i < ir_.functions.size(); ++i) lowerFunction(ir_.functions[i], funcs_[i]);
    lowerMain();
    std::string err;
    llvm::raw_string_ostream os(err);
    if (llvm::verifyModule(*mod_, &os)) llvm::report_fatal_error(llvm::Twine("molt codegen produced invalid IR: ") + err);
    return std::move(mod_);
  }

 private:
  // ------------------------------------------------------------ classes
  // MoltClassDesc (runtime.h): name, module, parent_type_id, nfields,
  // field_kinds, field_names, boxed, 7 hook pointers.
  llvm::StructType* descType() {
    if (!desc_ty_) {
      std::vector<Type*> fields{ptr_, ptr_, i32_, i32_, ptr_, ptr_, i32_};
      for (int i = 0; i < 7; ++i) fields.push_back(ptr_);
      desc_ty_ = llvm::StructType::create(ctx_, fields, "MoltClassDesc");
    }
    return desc_ty_;
  }
  llvm::Constant* cstring(const std::string& s, const std::string& name) {
    llvm::Constant* data = llvm::ConstantDataArray::getString(ctx_, s, true);
    auto* gv = new llvm::GlobalVariable(*mod_, data->getType(), true, llvm::GlobalValue::PrivateLinkage, data, name);
    gv->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
    return gv;
  }
  void declareClasses() {
    for (const IrExceptionClass& x : ir_.exceptions)
      exc_id_.push_back(new llvm::GlobalVariable(*mod_, i32_, false, llvm::GlobalValue::InternalLinkage,
                                                 b_.getInt32(0), "molt.exc." + x.name + ".id"));
    for (size_t k = 0; k < ir_.classes.size(); ++k) {
      const IrClass& c = ir_.classes[k];
      std::string base = "molt.class." + std::to_string(k);
      std::vector<llvm::Constant*> kinds, names;
      for (size_t i = 0; i < c.field_kinds.size(); ++i) {
        kinds.push_back(b_.getInt8(c.field_kinds[i]));
        names.push_back(cstring(c.field_names[i], base + ".field." + std::to_string(i)));
      }
      auto* kinds_ty = llvm::ArrayType::get(b_.getInt8Ty(), std::max<size_t>(kinds.size(), 1));
      if (kinds.empty()) kinds.push_back(b_.getInt8(0));
      auto* kinds_gv = new llvm::GlobalVariable(*mod_, kinds_ty, true, llvm::GlobalValue::PrivateLinkage,
                                                llvm::ConstantArray::get(kinds_ty, kinds), base + ".kinds");
      auto* names_ty = llvm::ArrayType::get(ptr_, std::max<size_t>(names.size(), 1));
      if (names.empty()) names.push_back(llvm::ConstantPointerNull::get(ptr_));
      auto* names_gv = new llvm::GlobalVariable(*mod_, names_ty, true, llvm::GlobalValue::PrivateLinkage,
                                                llvm::ConstantArray::get(names_ty, names), base + ".names");
      std::vector<llvm::Constant*> fields{cstring(c.name, base + ".name"), cstring("__main__", base + ".module"),
                                          b_.getInt32(MOLT_TYPE_OBJECT),
                                          b_.getInt32(static_cast<uint32_t>(c.field_kinds.size())),
                                          kinds_gv, names_gv, b_.getInt32(0)};
      for (int i = 0; i < kClassHooks; ++i) fields.push_back(llvm::ConstantPointerNull::get(ptr_));
      auto* desc = new llvm::GlobalVariable(*mod_, descType(), false, llvm::GlobalValue::InternalLinkage,
                                            llvm::ConstantStruct::get(descType(), fields), base + ".desc");
      class_desc_.push_back(desc);
      class_id_.push_back(new llvm::GlobalVariable(*mod_, i32_, false, llvm::GlobalValue::InternalLinkage,
                                                   b_.getInt32(0), base + ".id"));
    }
  }
  // The descriptors' hook slots (the last kClassHooks fields), once the
  // wrappers exist.
  static_assert(sizeof(MoltClassDesc) == offsetof(MoltClassDesc, repr_fn) + kClassHooks * sizeof(MoltFnPtr),
                "MoltClassDesc must end with exactly kClassHooks hook pointers (repr_fn ... bool_fn)");
  void setClassHooks() {
    for (size_t k = 0; k < ir_.classes.size(); ++k) {
      auto* init = llvm::cast<llvm::ConstantStruct>(class_desc_[k]->getInitializer());
      std::vector<llvm::Constant*> fields;
      for (unsigned i = 0; i < init->getNumOperands(); ++i) fields.push_back(init->getOperand(i));
      size_t first = fields.size() - kClassHooks;
      for (int h = 0; h < kClassHooks; ++h) {
        int32_t fi = ir_.classes[k].hooks[h];
        if (fi >= 0 && wrappers_[static_cast<size_t>(fi)]) fields[first + static_cast<size_t>(h)] = wrappers_[static_cast<size_t>(fi)];
      }
      class_desc_[k]->setInitializer(llvm::ConstantStruct::get(descType(), fields));
    }
  }
  // An IR exception id as an i32 (user exception ids are loaded).
  Value* excId(uint32_t id) {
    if (id & kUserExceptionBit) return b_.CreateLoad(i32_, exc_id_[id & ~kUserExceptionBit]);
    if (id & kUserClassBit) return b_.CreateLoad(i32_, class_id_[id & ~kUserClassBit]);
    return b_.getInt32(id);
  }
  void registerClasses() {
    Function* exc_new = rtFn("molt_exc_type_new", i32_, {ptr_, i32_});
    for (size_t k = 0; k < ir_.exceptions.size(); ++k) {
      const IrExceptionClass& x = ir_.exceptions[k];
      Value* parent = x.user_parent >= 0 ? static_cast<Value*>(b_.CreateLoad(i32_, exc_id_[static_cast<size_t>(x.user_parent)]))
                                         : static_cast<Value*>(b_.getInt32(x.builtin_parent));
      b_.CreateStore(b_.CreateCall(exc_new, {cstring(x.name, "molt.exc." + x.name + ".name"), parent}), exc_id_[k]);
    }
    Function* reg = rtFn("molt_class_register", i32_, {ptr_});
    for (size_t k = 0; k < ir_.classes.size(); ++k) {
      const IrClass& c = ir_.classes[k];
      if (c.parent >= 0)
        b_.CreateStore(b_.CreateLoad(i32_, class_id_[static_cast<size_t>(c.parent)]),
                       b_.CreateStructGEP(descType(), class_desc_[k], 2));
      b_.CreateStore(b_.CreateCall(reg, {class_desc_[k]}), class_id_[k]);
    }
  }
  Value* fieldPtr(Value* obj, uint32_t offset) {
    Value* p = b_.CreateIntToPtr(b_.CreateAnd(obj, c64(MOLT_PAYLOAD_MASK)), ptr_);
    return b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), p, offset);
  }
  LV getField(const IrExpr* e) {
    LV obj = expr(e->args[0]);
    Value* p = fieldPtr(obj.v, e->index);
    LV out;
    switch (e->repr) {
      case Repr::Float: out = {b_.CreateLoad(f64_, p), Repr::Float, false}; break;
      case Repr::Bool: out = {b_.CreateICmpNE(b_.CreateLoad(i64_, p), c64(0)), Repr::Bool, false}; break;
      default: out = own(LV{b_.CreateLoad(i64_, p), e->repr, false}); break;
    }
    release(obj);
    return out;
  }
  void setField(const IrStmt* s) {
    LV obj = expr(s->args[0]);
    LV v = expr(s->value);
    Value* p = fieldPtr(obj.v, s->targets[0].index);
    switch (s->targets[0].repr) {
      case Repr::Float: b_.CreateStore(v.v, p); break;
      case Repr::Bool: b_.CreateStore(b_.CreateZExt(v.v, i64_), p); break;
      default: {
        v = own(v);
        Value* old = b_.CreateLoad(i64_, p);
        b_.CreateStore(v.v, p);
        decref(old);
      }
    }
    release(obj);
  }
  LV construct(const IrExpr* e) {
    Value* id = b_.CreateLoad(i32_, class_id_[e->index]);
    Value* obj = b_.CreateCall(rtFn("molt_struct_new", i64_, {i32_}), {id});
    checkNull(obj);
    for (auto [offset, g] : ir_.classes[e->index].field_defaults) {
      Repr r = ir_.globals[g].repr;
      Value* v = b_.CreateLoad(typeOf(r), globals_[g]);
      Value* p = fieldPtr(obj, offset);
      switch (r) {
        case Repr::Float: b_.CreateStore(v, p); break;
        case Repr::Bool: b_.CreateStore(b_.CreateZExt(v, i64_), p); break;
        default: {
          incref(v);
          Value* old = b_.CreateLoad(i64_, p);
          b_.CreateStore(v, p);
          decref(old);
        }
      }
    }
    if (e->ival >= 0) {
      std::vector<LV> args;
      std::vector<Value*> vals{obj};
      for (const IrExpr* a : e->args) {
        args.push_back(expr(a));
        vals.push_back(args.back().v);
      }
      Value* r = callDirect(funcs_[static_cast<size_t>(e->ival)], vals);
      checkNull(r);  // TODO(#5): the half-built instance leaks on error; harmless while errors end the program
      for (const LV& a : args) release(a);
      decref(r);
    }
    return {obj, Repr::Value, true};
  }

  // ------------------------------------------------------------ basics
  Type* typeOf(Repr r) {
    switch (r) {
      case Repr::Float: return f64_;
      case Repr::Bool: return i1_;
      default: return i64_;
    }
  }
  llvm::Constant* zeroOf(Repr r) {
    switch (r) {
      case Repr::Float: return llvm::ConstantFP::get(f64_, 0.0);
      case Repr::Bool: return b_.getFalse();
      default: return b_.getInt64(MOLT_NONE);
    }
  }
  static bool refcounted(Repr r) { return r == Repr::Int || r == Repr::Value; }
  llvm::ConstantInt* c64(uint64_t v) { return b_.getInt64(v); }

  Function* rtFn(const std::string& name, Type* ret, std::vector<Type*> params) {
    if (Function* f = mod_->getFunction(name)) return f;
    Function* f = Function::Create(FunctionType::get(ret, params, false), Function::ExternalLinkage, name, *mod_);
    f->addFnAttr(llvm::Attribute::NoUnwind);
    return f;
  }
  BasicBlock* newBlock(const char* name) { return BasicBlock::Create(ctx_, name, fn_); }

  // Branch to the error block when `failed` is true.
  void checkFail(Value* failed) {
    BasicBlock* ok = newBlock("ok");
    b_.CreateCondBr(failed, errTarget(), ok, unlikely_);
    b_.SetInsertPoint(ok);
  }
  void checkNull(Value* v) { checkFail(b_.CreateICmpEQ(v, c64(MOLT_NULL))); }

  Value* hi16(Value* v) { return b_.CreateLShr(v, 48); }
  Value* isSmall(Value* v) { return b_.CreateICmpEQ(hi16(v), c64(MOLT_PREFIX_INT >> 48)); }
  // Both are small ints: (a ^ prefix) | (b ^ prefix) has no bit set above the payload.
  Value* bothSmall(Value* a, Value* b) {
    Value* x = b_.CreateOr(b_.CreateXor(a, c64(MOLT_PREFIX_INT)), b_.CreateXor(b, c64(MOLT_PREFIX_INT)));
    return b_.CreateICmpULE(x, c64(MOLT_PAYLOAD_MASK));
  }
  Value* isPtr(Value* v) { return b_.CreateICmpEQ(hi16(v), c64(MOLT_PREFIX_PTR >> 48)); }
  Value* unboxSmall(Value* v) { return b_.CreateAShr(b_.CreateShl(v, 16), 16); }
  Value* boxSmall(Value* i) { return b_.CreateOr(b_.CreateAnd(i, c64(MOLT_PAYLOAD_MASK)), c64(MOLT_PREFIX_INT)); }
  Value* fitsSmall(Value* i) { return b_.CreateICmpEQ(unboxSmall(i), i); }
  Value* boxBool(Value* i1) { return b_.CreateOr(b_.CreateZExt(i1, i64_), c64(MOLT_PREFIX_BOOL)); }
  Value* boxDouble(Value* d) {
    Value* bits = b_.CreateBitCast(d, i64_);
    return b_.CreateSelect(b_.CreateFCmpUNO(d, d), c64(MOLT_CANONICAL_NAN), bits);
  }

  // alwaysinline helper functions, created on first use.
  Function* helper(const std::string& name, Type* ret, std::vector<Type*> params, Function*& slot) {
    if (slot) return slot;
    slot = Function::Create(FunctionType::get(ret, params, false), Function::InternalLinkage, name, *mod_);
    slot->addFnAttr(llvm::Attribute::AlwaysInline);
    slot->addFnAttr(llvm::Attribute::NoUnwind);
    return slot;
  }

  // Saves and restores the builder around building a helper body.
  struct HelperScope {
    Lowerer& l;
    llvm::IRBuilderBase::InsertPoint ip;
    Function* saved_fn;
    llvm::AllocaInst* saved_line;  // a helper has no frame of its own (errTarget)
    bool saved_spec;               // nor raw int slots
    explicit HelperScope(Lowerer& lw, Function* f)
        : l(lw), ip(lw.b_.saveIP()), saved_fn(lw.fn_), saved_line(lw.line_slot_), saved_spec(lw.spec_) {
      l.fn_ = f;
      l.line_slot_ = nullptr;
      l.spec_ = false;
      l.b_.SetInsertPoint(BasicBlock::Create(l.ctx_, "entry", f));
    }
    ~HelperScope() {
      l.fn_ = saved_fn;
      l.line_slot_ = saved_line;
      l.spec_ = saved_spec;
      l.b_.restoreIP(ip);
    }
  };

  // molt.incref / molt.decref: the whole fast path is inline (tag test,
  // immortality test, refcount update at header offset 0, see
  // value_layout.h). Only a decref that drops the last reference calls the
  // runtime (molt_decref, which decrements and deallocates).
  Value* headerPtr(Value* v) { return b_.CreateIntToPtr(b_.CreateAnd(v, c64(MOLT_PAYLOAD_MASK)), ptr_); }
  void refcount(Value* v, bool inc) {
    Function*& cache = inc ? incref_fn_ : decref_fn_;
    Function* f = helper(inc ? "molt.incref" : "molt.decref", b_.getVoidTy(), {i64_}, cache);
    if (f->empty()) {
      HelperScope hs(*this, f);
      Value* a = f->getArg(0);
      BasicBlock* yes = newBlock("ptr");
      BasicBlock* mortal = newBlock("mortal");
      BasicBlock* done = newBlock("done");
      b_.CreateCondBr(isPtr(a), yes, done);
      b_.SetInsertPoint(yes);
      Value* p = headerPtr(a);
      Value* rc = b_.CreateLoad(i32_, p);
      b_.CreateCondBr(b_.CreateICmpULT(rc, b_.getInt32(MOLT_IMMORTAL_REFCNT)), mortal, done);
      b_.SetInsertPoint(mortal);
      if (inc) {
        b_.CreateStore(b_.CreateAdd(rc, b_.getInt32(1)), p);
      } else {
        BasicBlock* last = newBlock("last");
        BasicBlock* dec = newBlock("dec");
        b_.CreateCondBr(b_.CreateICmpEQ(rc, b_.getInt32(1)), last, dec, unlikely_);
        b_.SetInsertPoint(last);
        b_.CreateCall(rtFn("molt_decref", b_.getVoidTy(), {i64_}), {a});
        b_.CreateBr(done);
        b_.SetInsertPoint(dec);
        b_.CreateStore(b_.CreateSub(rc, b_.getInt32(1)), p);
      }
      b_.CreateBr(done);
      b_.SetInsertPoint(done);
      b_.CreateRetVoid();
    }
    b_.CreateCall(f, {v});
  }
  void incref(Value* v) { refcount(v, true); }
  void decref(Value* v) { refcount(v, false); }
  void release(const LV& x) {
    if (!x.owned || !refcounted(x.r)) return;
    if (!x.small || !llvm::isa<llvm::PHINode, llvm::ConstantInt>(x.small)) return decref(x.v);
    // A small int owns nothing: test the flag LLVM can thread (a phi of
    // true on the inline path) rather than the boxed word's tag.
    if (auto* k = llvm::dyn_cast<llvm::ConstantInt>(x.small); k && k->isOne()) return;
    BasicBlock* rel = newBlock("int.release");
    BasicBlock* done = newBlock("int.released");
    b_.CreateCondBr(x.small, done, rel);
    b_.SetInsertPoint(rel);
    decref(x.v);
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }
  // Releases two Int operands of an inline int operation. Its fast path ran
  // only when both are small ints, which own no memory, so the release is
  // behind the same test: LLVM merges it with the helper's and the fast path
  // does no refcount work at all.
  void releaseUnlessSmall(const LV& a, const LV& c) {
    bool ra = a.owned && refcounted(a.r), rc = c.owned && refcounted(c.r);
    if (!ra && !rc) return;
    BasicBlock* rel = newBlock("int.release");
    BasicBlock* done = newBlock("int.released");
    b_.CreateCondBr(a.small || c.small ? b_.CreateAnd(smallOf(a), smallOf(c)) : bothSmall(a.v, c.v), done, rel);
    b_.SetInsertPoint(rel);
    release(a);
    release(c);
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }
  // `cond ? fast() : slow()` as a diamond whose result is a phi; either
  // side may branch to the error block on the way (slow paths do).
  template <class Fast, class Slow>
  Value* diamond(Value* cond, const char* name, Fast fast, Slow slow) {
    BasicBlock* fast_bb = BasicBlock::Create(ctx_, std::string(name) + ".fast", fn_);
    BasicBlock* slow_bb = BasicBlock::Create(ctx_, std::string(name) + ".slow", fn_);
    BasicBlock* done = BasicBlock::Create(ctx_, std::string(name) + ".done", fn_);
    b_.CreateCondBr(cond, fast_bb, slow_bb);
    b_.SetInsertPoint(fast_bb);
    Value* f = fast();
    BasicBlock* fast_end = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(slow_bb);
    Value* sv = slow();
    BasicBlock* slow_end = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    llvm::PHINode* phi = b_.CreatePHI(f->getType(), 2);
    phi->addIncoming(f, fast_end);
    phi->addIncoming(sv, slow_end);
    return phi;
  }
  static bool owns(const LV& x) { return x.owned && refcounted(x.r); }
  Value* smallOf(const LV& x) { return x.small ? x.small : isSmall(x.v); }
  Value* rawOf(const LV& x) { return x.raw ? x.raw : unboxSmall(x.v); }
  // A small int's value shifted to the top 48 bits (a boxed word's payload
  // is already there after the shift).
  Value* hrawOf(const LV& x) { return x.hraw ? x.hraw : b_.CreateShl(x.raw ? x.raw : x.v, 16); }
  // The small int whose value shifted left by 16 is h.
  LV fromHraw(Value* h) {
    LV x{boxHraw(h), Repr::Int, false, b_.CreateAShr(h, 16), b_.getTrue()};
    x.hraw = h;
    return x;
  }
  Value* boxHraw(Value* h) { return b_.CreateOr(b_.CreateLShr(h, 16), c64(MOLT_PREFIX_INT)); }
  LV own(LV x) {
    if (!x.owned && refcounted(x.r)) incref(x.v);
    x.owned = true;
    return x;
  }
  // Evaluates e while `held` (operands evaluated before it, still owned)
  // wait to be consumed: an exception inside e releases them on its way to
  // the enclosing error target (`(a + k) + 1 // 0` leaked the big int a).
  LV exprHolding(const IrExpr* e, const std::vector<LV>& held) {
    std::vector<LV> owned;
    for (const LV& h : held)
      if (owns(h)) owned.push_back(h);
    if (owned.empty()) return expr(e);
    BasicBlock* outer = err_bb_;
    BasicBlock* landing = newBlock("held.error");
    {
      llvm::IRBuilderBase::InsertPointGuard guard(b_);
      b_.SetInsertPoint(landing);
      for (const LV& h : owned) release(h);
      b_.CreateBr(outer);
    }
    err_bb_ = landing;
    LV r = expr(e);
    err_bb_ = outer;
    return r;
  }

  // ------------------------------------------------------------ int helpers
  // The IR has no `@` (build_ir refuses it), so every operator here has a runtime function.
  static const char* rtBinary(BinOp op) {
    const char* fn = runtimeBinaryFn(op);
    if (!fn) llvm::report_fatal_error("molt codegen: no runtime function for this operator");
    return fn;
  }
  Function* rtBin(const char* name) { return rtFn(name, i64_, {i64_, i64_}); }

  // i64 molt.int.OP(i64 a, i64 b) for & | ^: NULL on error. (+ - * // %
  // are intArith.)
  Function* intBinHelper(BinOp op) {
    Function*& slot = int_bin_[static_cast<int>(op)];
    Function* f = helper(std::string("molt.int.") + std::string(spelling(op)), i64_, {i64_, i64_}, slot);
    if (!f->empty()) return f;
    HelperScope hs(*this, f);
    Value* a = f->getArg(0);
    Value* bv = f->getArg(1);
    BasicBlock* fast = newBlock("fast");
    BasicBlock* slow = newBlock("slow");
    b_.CreateCondBr(bothSmall(a, bv), fast, slow);
    b_.SetInsertPoint(fast);
    // The boxed words themselves: equal tags survive & and |, ^ clears
    // them (re-set below); the 48-bit payload result always fits.
    Value* r = op == BinOp::BitAnd ? b_.CreateAnd(a, bv)
               : op == BinOp::BitOr ? b_.CreateOr(a, bv)
                                    : b_.CreateOr(b_.CreateXor(a, bv), c64(MOLT_PREFIX_INT));
    b_.CreateRet(r);
    b_.SetInsertPoint(slow);
    b_.CreateRet(b_.CreateCall(rtBin(rtBinary(op)), {a, bv}));
    return f;
  }

  // + - * // % on ints: the inline operation when both are small ints and
  // the result fits (the quotient and remainder of a nonzero divisor always
  // do, except -2**47 // -1), else the runtime's, which computes the big int
  // or raises. The result carries its raw value and a "small" flag (LV::raw):
  // phis that LLVM threads, so a chain of operations tests each tag once.
  LV intArith(BinOp op, const LV& a, const LV& c) {
    Value* ra = rawOf(a);
    Value* rc = rawOf(c);
    BasicBlock* fast = newBlock("raw.fast");
    BasicBlock* fits = newBlock("raw.fits");
    BasicBlock* slow = newBlock("raw.slow");
    BasicBlock* done = newBlock("raw.done");
    b_.CreateCondBr(a.small || c.small ? b_.CreateAnd(smallOf(a), smallOf(c)) : bothSmall(a.v, c.v), fast, slow);
    b_.SetInsertPoint(fast);
    Value* r;
    Value* hr = nullptr;
    Value* ok;
    if (op == BinOp::Mul && !native_mul_overflow_) {
      // wasm32 has no overflow-checked 64-bit multiply (LLVM would call
      // __multi3 for a 128-bit product): factors that fit 32 bits cannot
      // overflow 64, anything larger takes the runtime.
      auto fits32 = [&](Value* x) { return b_.CreateICmpEQ(b_.CreateSExt(b_.CreateTrunc(x, i32_), i64_), x); };
      r = b_.CreateMul(ra, rc);
      ok = b_.CreateAnd(b_.CreateAnd(fits32(ra), fits32(rc)), fitsSmall(r));
    } else if (op == BinOp::Add || op == BinOp::Sub || op == BinOp::Mul) {
      // On the values shifted to the top 48 bits (a boxed small int's
      // payload is already there after the shift): the 64-bit overflow flag
      // is exactly "the result does not fit 48 bits".
      Value* ha = hrawOf(a);
      Value* y = op == BinOp::Mul ? rc : hrawOf(c);
      auto id = op == BinOp::Add   ? llvm::Intrinsic::sadd_with_overflow
                : op == BinOp::Sub ? llvm::Intrinsic::ssub_with_overflow
                                   : llvm::Intrinsic::smul_with_overflow;
      Value* m = b_.CreateBinaryIntrinsic(id, ha, y);
      hr = b_.CreateExtractValue(m, 0);
      r = b_.CreateAShr(hr, 16);
      ok = b_.CreateNot(b_.CreateExtractValue(m, 1));
    } else if (op == BinOp::FloorDiv || op == BinOp::Mod) {
      // Python's rounding toward negative infinity; a zero divisor takes
      // the runtime, which raises. (The divisor is a select so the division
      // itself never traps.)
      ok = b_.CreateICmpNE(rc, c64(0));
      Value* d = b_.CreateSelect(ok, rc, c64(1));
      Value* q = b_.CreateSDiv(ra, d);
      Value* rem = b_.CreateSRem(ra, d);
      Value* adjust = b_.CreateAnd(b_.CreateICmpNE(rem, c64(0)), b_.CreateICmpSLT(b_.CreateXor(rem, d), c64(0)));
      r = op == BinOp::FloorDiv ? b_.CreateSub(q, b_.CreateZExt(adjust, i64_))
                                : b_.CreateSelect(adjust, b_.CreateAdd(rem, d), rem);
      ok = b_.CreateAnd(ok, fitsSmall(r));  // -2**47 // -1
    } else {
      llvm::report_fatal_error("molt codegen: no raw form of this operator");
    }
    // An overflowing + - * of two small ints (the 48-bit overflow flag
    // above) gives a big int, never a small one: its own runtime call says
    // so with a constant "small" flag. A loop that keeps the result raw then
    // leaves its speculative copy straight from the overflow, so the call
    // is outside the loop: on wasm, V8 spills every value live across a
    // call at its definition, a call on a cold path inside a hot loop cost
    // sum_loop a dozen stack moves per iteration.
    BasicBlock* overflow = hr ? newBlock("raw.overflow") : slow;
    b_.CreateCondBr(ok, fits, overflow, llvm::MDBuilder(ctx_).createBranchWeights(1000, 1));
    b_.SetInsertPoint(fits);
    if (!hr) hr = b_.CreateShl(r, 16);
    Value* boxed = boxHraw(hr);
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    llvm::PHINode* v = b_.CreatePHI(i64_, 3);
    llvm::PHINode* raw = b_.CreatePHI(i64_, 3);
    llvm::PHINode* small = b_.CreatePHI(i1_, 3);
    llvm::PHINode* hraw = b_.CreatePHI(i64_, 3);
    v->addIncoming(boxed, fits);
    raw->addIncoming(r, fits);
    small->addIncoming(b_.getTrue(), fits);
    hraw->addIncoming(hr, fits);
    // The runtime's result from block `from`, small or not as `known_small`
    // says (null: test it).
    // (Both operands are small ints on the overflow path: nothing to release.)
    auto viaRuntime = [&](BasicBlock* from, Value* known_small) {
      b_.SetInsertPoint(from);
      Value* res = b_.CreateCall(rtBin(rtBinary(op)), {a.v, c.v});
      if (!known_small) {
        release(a);  // (before the check: a new reference never borrows them)
        release(c);
      }
      checkNull(res);
      Value* h = b_.CreateShl(res, 16);
      v->addIncoming(res, b_.GetInsertBlock());
      raw->addIncoming(b_.CreateAShr(h, 16), b_.GetInsertBlock());
      small->addIncoming(known_small ? known_small : isSmall(res), b_.GetInsertBlock());
      hraw->addIncoming(h, b_.GetInsertBlock());
      b_.CreateBr(done);
    };
    viaRuntime(slow, nullptr);
    if (overflow != slow) viaRuntime(overflow, b_.getFalse());
    b_.SetInsertPoint(done);
    // Owned: the fast path's small ints need no release, the slow path's
    // result is a new reference.
    LV out{v, Repr::Int, true, raw, small};
    out.hraw = hraw;
    return out;
  }
  // == != < <= > >= on ints: the raw values when both are small.
  Value* intCompare(CmpOp op, const LV& a, const LV& c) {
    return diamond(
        b_.CreateAnd(smallOf(a), smallOf(c)), "rawcmp",
        [&] {
          // Shifting both by 16 keeps their order: compare the forms at hand.
          if (a.hraw || c.hraw) return b_.CreateICmp(icmpPred(op), hrawOf(a), hrawOf(c));
          return b_.CreateICmp(icmpPred(op), rawOf(a), rawOf(c));
        },
        [&] {
          Value* r = valueCompare(op, a.v, c.v);
          checkFail(b_.CreateICmpSLT(r, b_.getInt32(0)));
          return b_.CreateICmpNE(r, b_.getInt32(0));
        });
  }
  // int -> float of a value that carries its raw value.
  LV rawToFloat(const LV& x) {
    Value* f = diamond(x.small, "rawf", [&] { return b_.CreateSIToFP(x.raw, f64_); },
                       [&] {
                         Value* bits = b_.CreateCall(toF64Helper(), {x.v});
                         checkNull(bits);
                         release(x);
                         return b_.CreateBitCast(bits, f64_);
                       });
    return {f, Repr::Float, false};
  }

  // Generic comparison through the runtime (valueCompare).
  const char* rtCompare(CmpOp op) {
    switch (op) {
      case CmpOp::Eq: return "molt_eq";
      case CmpOp::NotEq: return "molt_ne";
      case CmpOp::Lt: return "molt_lt";
      case CmpOp::LtE: return "molt_le";
      case CmpOp::Gt: return "molt_gt";
      case CmpOp::GtE: return "molt_ge";
      default: return "molt_eq";
    }
  }
  llvm::CmpInst::Predicate icmpPred(CmpOp op) {
    switch (op) {
      case CmpOp::Eq: return llvm::CmpInst::ICMP_EQ;
      case CmpOp::NotEq: return llvm::CmpInst::ICMP_NE;
      case CmpOp::Lt: return llvm::CmpInst::ICMP_SLT;
      case CmpOp::LtE: return llvm::CmpInst::ICMP_SLE;
      case CmpOp::Gt: return llvm::CmpInst::ICMP_SGT;
      case CmpOp::GtE: return llvm::CmpInst::ICMP_SGE;
      default: return llvm::CmpInst::ICMP_EQ;
    }
  }
  llvm::CmpInst::Predicate fcmpPred(CmpOp op) {
    switch (op) {
      case CmpOp::Eq: return llvm::CmpInst::FCMP_OEQ;
      case CmpOp::NotEq: return llvm::CmpInst::FCMP_UNE;
      case CmpOp::Lt: return llvm::CmpInst::FCMP_OLT;
      case CmpOp::LtE: return llvm::CmpInst::FCMP_OLE;
      case CmpOp::Gt: return llvm::CmpInst::FCMP_OGT;
      case CmpOp::GtE: return llvm::CmpInst::FCMP_OGE;
      default: return llvm::CmpInst::FCMP_OEQ;
    }
  }
  // Generic comparison through the runtime: i32 0/1/-1.
  Value* valueCompare(CmpOp op, Value* a, Value* bv) {
    Value* r = b_.CreateCall(rtBin(rtCompare(op)), {a, bv});
    Value* res = b_.CreateSelect(b_.CreateICmpEQ(r, c64(MOLT_TRUE)), b_.getInt32(1), b_.getInt32(0));
    return b_.CreateSelect(b_.CreateICmpEQ(r, c64(MOLT_NULL)), b_.getInt32(-1), res);
  }

  // i64 molt.to.f64(i64 v): the double's bits for an int/bool/float Value, NULL on error.
  Function* toF64Helper() {
    Function* f = helper("molt.to.f64", i64_, {i64_}, to_f64_);
    if (!f->empty()) return f;
    HelperScope hs(*this, f);
    Value* a = f->getArg(0);
    BasicBlock* dbl = newBlock("double");
    BasicBlock* tagged = newBlock("tagged");
    BasicBlock* small = newBlock("small");
    BasicBlock* slow = newBlock("slow");
    b_.CreateCondBr(b_.CreateICmpNE(b_.CreateAnd(a, c64(MOLT_TAG_MASK_HI)), c64(MOLT_TAGGED_PREFIX)), dbl, tagged);
    b_.SetInsertPoint(dbl);
    b_.CreateRet(a);
    b_.SetInsertPoint(tagged);
    // (A big int or a bool where a float goes: rare, and a call.)
    b_.CreateCondBr(isSmall(a), small, slow, llvm::MDBuilder(ctx_).createBranchWeights(1000, 1));
    b_.SetInsertPoint(small);
    b_.CreateRet(b_.CreateBitCast(b_.CreateSIToFP(unboxSmall(a), f64_), i64_));
    b_.SetInsertPoint(slow);
    b_.CreateRet(b_.CreateCall(rtFn("molt_float", i64_, {i64_}), {a}));
    return f;
  }

  // Int -> i64 machine integer (OverflowError past 64 bits).
  Value* toI64(const LV& x) {
    return diamond(smallOf(x), "i64", [&] { return rawOf(x); },
                   [&] {
                     Value* sv = b_.CreateCall(rtFn("molt_int_as_i64", i64_, {i64_}), {x.v});
                     Value* err = b_.CreateCall(rtFn("molt_err_occurred", i32_, {}), {});
                     checkFail(b_.CreateAnd(b_.CreateICmpEQ(sv, c64(static_cast<uint64_t>(-1))),
                                            b_.CreateICmpNE(err, b_.getInt32(0))));
                     return sv;
                   });
  }
  // i64 -> Int value (promotes to a big int outside the small range).
  Value* fromI64(Value* i) {
    return diamond(fitsSmall(i), "box", [&] { return boxSmall(i); },
                   [&] {
                     Value* sv = b_.CreateCall(rtFn("molt_int_from_i64", i64_, {i64_}), {i});
                     checkNull(sv);
                     return sv;
                   });
  }

  // ------------------------------------------------------------ conversions
  LV convert(LV x, Repr to) {
    if (x.r == to) return x;
    switch (to) {
      case Repr::Int:
        // A bool in an `int` slot stays a bool (Python's bool is an int: it
        // prints `True`, and arithmetic on it goes through the runtime).
        if (x.r == Repr::Bool) return {boxBool(x.v), to, false};
        if (x.r == Repr::Value) return {x.v, to, x.owned, x.raw, x.small, x.hraw};
        break;
      case Repr::Value:
        if (x.r == Repr::Int) return {x.v, to, x.owned, x.raw, x.small, x.hraw};
        if (x.r == Repr::Bool) return {boxBool(x.v), to, false};
        if (x.r == Repr::Float) return {boxDouble(x.v), to, false};
        break;
      case Repr::Float:
        if (x.r == Repr::Bool) return {b_.CreateUIToFP(x.v, f64_), to, false};
        if (x.raw) return rawToFloat(x);
        if (x.r == Repr::Int || x.r == Repr::Value) {
          Value* bits = b_.CreateCall(toF64Helper(), {x.v});
          checkNull(bits);
          release(x);
          return {b_.CreateBitCast(bits, f64_), to, false};
        }
        break;
      case Repr::Bool:
        if (x.r == Repr::Value || x.r == Repr::Int) {
          Value* r = b_.CreateICmpEQ(x.v, c64(MOLT_TRUE));
          release(x);
          return {r, to, false};
        }
        break;
    }
    llvm::report_fatal_error("molt codegen: unsupported representation change");
  }

  Value* truthyOf(const LV& x) {
    switch (x.r) {
      case Repr::Bool: return x.v;
      case Repr::Float: return b_.CreateFCmpUNE(x.v, llvm::ConstantFP::get(f64_, 0.0));
      case Repr::Int:
        return b_.CreateAnd(b_.CreateICmpNE(x.v, c64(MOLT_PREFIX_INT)), b_.CreateICmpNE(x.v, c64(MOLT_FALSE)));
      case Repr::Value: {
        Value* r = b_.CreateCall(rtFn("molt_truthy", i32_, {i64_}), {x.v});
        checkFail(b_.CreateICmpSLT(r, b_.getInt32(0)));
        return b_.CreateICmpNE(r, b_.getInt32(0));
      }
    }
    return nullptr;
  }

  // ------------------------------------------------------------ expressions
  LV expr(const IrExpr* e) {
    switch (e->op) {
      case IrOp::ConstInt: {
        Value* raw = c64(static_cast<uint64_t>(e->ival));
        return {boxSmall(raw), Repr::Int, false, raw, b_.getTrue()};
      }
      case IrOp::ConstBig: return {b_.CreateLoad(i64_, consts_[e->index]), Repr::Int, false};
      case IrOp::ConstStr: return {b_.CreateLoad(i64_, consts_[e->index]), Repr::Value, false};
      case IrOp::ConstFloat: return {llvm::ConstantFP::get(f64_, e->fval), Repr::Float, false};
      case IrOp::ConstBool: return {e->ival ? b_.getTrue() : b_.getFalse(), Repr::Bool, false};
      case IrOp::ConstNone: return {c64(MOLT_NONE), Repr::Value, false};
      case IrOp::LoadLocal: {
        if (e->ival == 1) {  // cell content
          Value* v = b_.CreateCall(rtFn("molt_func_capture", i64_, {i64_, i32_}),
                                   {b_.CreateLoad(i64_, locals_[e->index]), b_.getInt32(0)});
          checkNull(v);
          incref(v);
          return {v, e->repr, true};
        }
        if (rawSlot(e->index)) return loadRaw(e->index);
        return {b_.CreateLoad(typeOf(e->repr), locals_[e->index]), e->repr, false};
      }
      case IrOp::LoadGlobal: {
        LV x{b_.CreateLoad(typeOf(e->repr), globals_[e->index]), e->repr, false};
        if (ir_.globals[e->index].user_global) {
          Value* unbound = bound_[e->index] ? b_.CreateNot(b_.CreateLoad(i1_, bound_[e->index]))
                                            : b_.CreateICmpEQ(x.v, c64(MOLT_NULL));
          BasicBlock* bad = newBlock("global.unbound");
          BasicBlock* ok = newBlock("global.ok");
          b_.CreateCondBr(unbound, bad, ok, llvm::MDBuilder(ctx_).createBranchWeights(1, 1000));
          b_.SetInsertPoint(bad);
          const std::string& name = ir_.globals[e->index].name;
          b_.CreateCall(rtFn("molt_err_format", i64_, {i32_, ptr_}),
                        {b_.getInt32(MOLT_EXC_NAME_ERROR),
                         cstring("name '" + name + "' is not defined", "molt.unbound." + name)});
          b_.CreateBr(errTarget());
          b_.SetInsertPoint(ok);
        }
        return own(x);  // a call in the same expression could rebind the global
      }
      case IrOp::Convert:
        if (LV out; isListGet(e->args[0]) && listFastPath(e->args[0], out, e->repr)) return out;
        if (LV out; sqrtFastPath(e->args[0], out, e->repr)) return out;
        return convert(expr(e->args[0]), e->repr);
      case IrOp::Arith: return arith(e);
      case IrOp::Compare: {
        LV a = expr(e->args[0]);
        LV c = expr(e->args[1]);
        Value* r = compare(e->cmp_op, a, c);
        if (a.r == Repr::Int && c.r == Repr::Int) {
          releaseUnlessSmall(a, c);
        } else {
          release(a);
          release(c);
        }
        return {r, Repr::Bool, false};
      }
      case IrOp::ChainCompare: return chainCompare(e);
      case IrOp::Neg: {
        LV x = expr(e->args[0]);
        if (x.r == Repr::Float) return {b_.CreateFNeg(x.v), Repr::Float, false};
        Function* f = negHelper();
        Value* r = b_.CreateCall(f, {x.v});
        checkNull(r);
        release(x);
        return {r, Repr::Int, true};
      }
      case IrOp::Not: {
        LV x = expr(e->args[0]);
        return {b_.CreateNot(x.v), Repr::Bool, false};
      }
      case IrOp::Truthy: {
        LV x = expr(e->args[0]);
        Value* t = truthyOf(x);
        release(x);
        return {t, Repr::Bool, false};
      }
      case IrOp::BoolOp: return boolOp(e);
      case IrOp::IfExp: {
        LV c = expr(e->args[0]);
        BasicBlock* then_bb = newBlock("ifexp.then");
        BasicBlock* else_bb = newBlock("ifexp.else");
        BasicBlock* done = newBlock("ifexp.done");
        b_.CreateCondBr(c.v, then_bb, else_bb);
        b_.SetInsertPoint(then_bb);
        LV t = own(convert(expr(e->args[1]), e->repr));
        BasicBlock* then_end = b_.GetInsertBlock();
        b_.CreateBr(done);
        b_.SetInsertPoint(else_bb);
        LV f = own(convert(expr(e->args[2]), e->repr));
        BasicBlock* else_end = b_.GetInsertBlock();
        b_.CreateBr(done);
        b_.SetInsertPoint(done);
        llvm::PHINode* phi = b_.CreatePHI(typeOf(e->repr), 2);
        phi->addIncoming(t.v, then_end);
        phi->addIncoming(f.v, else_end);
        return {phi, e->repr, true};
      }
      case IrOp::CallUser: {
        std::vector<LV> args;
        std::vector<Value*> vals;
        for (const IrExpr* a : e->args) {
          args.push_back(exprHolding(a, args));
          vals.push_back(args.back().v);
        }
        Value* r;
        if (e->imms.empty()) {
          r = callDirect(funcs_[e->index], vals);
        } else {
          // Virtual dispatch: compare the receiver's type id (header offset 4)
          // with each overriding class, most derived first.
          Value* obj = b_.CreateIntToPtr(b_.CreateAnd(vals[0], c64(MOLT_PAYLOAD_MASK)), ptr_);
          Value* tid = b_.CreateLoad(i32_, b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), obj, 4));
          BasicBlock* done = newBlock("vcall.done");
          std::vector<std::pair<Value*, BasicBlock*>> incoming;
          for (size_t i = 0; i + 1 < e->imms.size(); i += 2) {
            BasicBlock* yes = newBlock("vcall.override");
            BasicBlock* no = newBlock("vcall.next");
            Value* cid = b_.CreateLoad(i32_, class_id_[static_cast<size_t>(e->imms[i])]);
            b_.CreateCondBr(b_.CreateICmpEQ(tid, cid), yes, no);
            b_.SetInsertPoint(yes);
            incoming.push_back({callDirect(funcs_[static_cast<size_t>(e->imms[i + 1])], vals), yes});
            b_.CreateBr(done);
            b_.SetInsertPoint(no);
          }
          incoming.push_back({callDirect(funcs_[e->index], vals), b_.GetInsertBlock()});
          b_.CreateBr(done);
          b_.SetInsertPoint(done);
          llvm::PHINode* phi = b_.CreatePHI(i64_, static_cast<unsigned>(incoming.size()));
          for (auto& [v, bb] : incoming) phi->addIncoming(v, bb);
          r = phi;
        }
        // The result is a new reference (the callee increfs what it returns),
        // so the argument temporaries go before the error check: a call that
        // raises does not leak them.
        for (const LV& a : args) release(a);
        checkNull(r);
        return fromAbi(r, ir_.functions[e->index].returns);
      }
      case IrOp::CallRt: return callRt(e);
      case IrOp::Construct: return construct(e);
      case IrOp::GetField: return getField(e);
      case IrOp::Block: {
        ++block_depth_;
        for (const IrStmt* st : e->stmts) stmt(st);
        --block_depth_;
        return own(expr(e->args[0]));
      }
      case IrOp::MakeFunc: return makeFunc(e);
    }
    llvm::report_fatal_error("molt codegen: unknown IR op");
  }

  // A lambda as a runtime function object: molt_func_new(wrapper) with the
  // captured values stored in its capture slots.
  LV makeFunc(const IrExpr* e) {
    const IrFunction& f = ir_.functions[e->index];
    Function* new_fn = rtFn("molt_func_new", i64_, {ptr_, ptr_, i32_, i32_});
    Value* fo = b_.CreateCall(new_fn, {wrappers_[e->index], cstring("<lambda>", "molt.lambda.name"),
                                       b_.getInt32(static_cast<int32_t>(f.n_params - f.n_captures)),
                                       b_.getInt32(static_cast<int32_t>(f.n_captures))});
    checkNull(fo);
    Function* set = rtFn("molt_func_set_capture", i32_, {i64_, i32_, i64_});
    for (size_t k = 0; k < e->args.size(); ++k) {
      LV x = expr(e->args[k]);
      Value* r = b_.CreateCall(set, {fo, b_.getInt32(static_cast<int32_t>(k)), x.v});
      release(x);
      checkFail(b_.CreateICmpSLT(r, b_.getInt32(0)));
    }
    return {fo, Repr::Value, true};
  }
  // `i64 molt.wrap.NAME(i64 self, ptr args, i64 nargs)` (MoltFnPtr): unboxes
  // the (borrowed) arguments and the captures into the direct function's
  // parameter representations and calls it. Its uniform-ABI result is already
  // a Value (float bits, MOLT_TRUE/MOLT_FALSE, or an owned Value).
  Function* lambdaWrapper(const IrFunction& f, Function* direct) {
    Function* w = Function::Create(FunctionType::get(i64_, {i64_, ptr_, i64_}, false), Function::InternalLinkage,
                                   "molt.wrap." + f.name, *mod_);
    fn_ = w;
    irf_ = &f;
    locals_.clear();
    borrowed_.clear();
    BasicBlock* entry = BasicBlock::Create(ctx_, "entry", w);
    err_bb_ = BasicBlock::Create(ctx_, "error", w);
    b_.SetInsertPoint(entry);
    uint32_t n_args = f.n_params - f.n_captures;
    std::vector<Value*> vals;
    for (uint32_t i = 0; i < f.n_params; ++i) {
      Value* v;
      if (i < n_args) {
        v = b_.CreateLoad(i64_, b_.CreateConstInBoundsGEP1_64(i64_, w->getArg(1), i));
      } else {
        v = b_.CreateCall(rtFn("molt_func_capture", i64_, {i64_, i32_}),
                          {w->getArg(0), b_.getInt32(static_cast<int32_t>(i - n_args))});
        checkNull(v);
      }
      vals.push_back(convert(LV{v, Repr::Value, false}, f.locals[i].repr).v);
    }
    // Called by the runtime on behalf of the compiled frame that last
    // stored its depth (see callDirect).
    depth_val_ = b_.CreateLoad(i32_, depthGlobal());
    b_.CreateRet(callDirect(direct, vals));
    b_.SetInsertPoint(err_bb_);
    b_.CreateRet(c64(MOLT_NULL));
    return w;
  }

  // An i64 result of the uniform ABI as `r`.
  LV fromAbi(Value* v, Repr r) {
    switch (r) {
      case Repr::Float: return {b_.CreateBitCast(v, f64_), r, false};
      case Repr::Bool: return {b_.CreateICmpEQ(v, c64(MOLT_TRUE)), r, false};
      default: return {v, r, true};
    }
  }
  Value* toAbi(const LV& x) {
    switch (x.r) {
      case Repr::Float: return boxDouble(x.v);
      case Repr::Bool: return boxBool(x.v);
      default: return x.v;
    }
  }

  Function* negHelper() {
    Function* f = helper("molt.int.neg", i64_, {i64_}, neg_fn_);
    if (!f->empty()) return f;
    HelperScope hs(*this, f);
    Value* a = f->getArg(0);
    BasicBlock* fast = newBlock("fast");
    BasicBlock* slow = newBlock("slow");
    b_.CreateCondBr(b_.CreateAnd(isSmall(a), b_.CreateICmpNE(a, c64(MOLT_PREFIX_INT | (1ULL << 47)))), fast, slow);
    b_.SetInsertPoint(fast);
    b_.CreateRet(boxSmall(b_.CreateNeg(unboxSmall(a))));
    b_.SetInsertPoint(slow);
    b_.CreateRet(b_.CreateCall(rtFn("molt_neg", i64_, {i64_}), {a}));
    return f;
  }

  Value* compare(CmpOp op, const LV& a, const LV& c) {
    if (op == CmpOp::Is) return b_.CreateICmpEQ(a.v, c.v);
    if (op == CmpOp::IsNot) return b_.CreateICmpNE(a.v, c.v);
    if (a.r == Repr::Float) return b_.CreateFCmp(fcmpPred(op), a.v, c.v);
    if (a.r == Repr::Int && c.r == Repr::Int && op != CmpOp::In && op != CmpOp::NotIn) return intCompare(op, a, c);
    Value* r = valueCompare(op, a.v, c.v);
    checkFail(b_.CreateICmpSLT(r, b_.getInt32(0)));
    return b_.CreateICmpNE(r, b_.getInt32(0));
  }

  LV chainCompare(const IrExpr* e) {
    BasicBlock* done = newBlock("chain.done");
    std::vector<std::pair<Value*, BasicBlock*>> incoming;
    LV left = expr(e->args[0]);
    for (size_t i = 0; i < e->cmp_ops.size(); ++i) {
      LV right = expr(e->args[i + 1]);
      Value* r = compare(e->cmp_ops[i], left, right);
      release(left);
      if (i + 1 == e->cmp_ops.size()) {
        release(right);
        incoming.push_back({r, b_.GetInsertBlock()});
        b_.CreateBr(done);
        break;
      }
      BasicBlock* next = newBlock("chain.next");
      BasicBlock* fail = newBlock("chain.false");
      b_.CreateCondBr(r, next, fail);
      b_.SetInsertPoint(fail);
      release(right);
      incoming.push_back({b_.getFalse(), b_.GetInsertBlock()});
      b_.CreateBr(done);
      b_.SetInsertPoint(next);
      left = right;
    }
    b_.SetInsertPoint(done);
    llvm::PHINode* phi = b_.CreatePHI(i1_, static_cast<unsigned>(incoming.size()));
    for (auto& [v, bb] : incoming) phi->addIncoming(v, bb);
    return {phi, Repr::Bool, false};
  }

  LV boolOp(const IrExpr* e) {
    bool is_and = e->ival != 0;
    LV l = expr(e->args[0]);
    Value* t = truthyOf(l);
    BasicBlock* take_left = newBlock("bool.left");
    BasicBlock* eval_right = newBlock("bool.right");
    BasicBlock* done = newBlock("bool.done");
    // and: falsy left is the result; or: truthy left is the result
    if (is_and) b_.CreateCondBr(t, eval_right, take_left);
    else b_.CreateCondBr(t, take_left, eval_right);
    b_.SetInsertPoint(take_left);
    LV lv = own(convert(l, e->repr));
    BasicBlock* left_end = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(eval_right);
    release(l);
    LV rv = own(convert(expr(e->args[1]), e->repr));
    BasicBlock* right_end = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    llvm::PHINode* phi = b_.CreatePHI(typeOf(e->repr), 2);
    phi->addIncoming(lv.v, left_end);
    phi->addIncoming(rv.v, right_end);
    return {phi, e->repr, true};
  }

  LV arith(const IrExpr* e) {
    LV a = expr(e->args[0]);
    LV c = exprHolding(e->args[1], {a});
    if (e->operand_repr == Repr::Float) {
      Value* r = nullptr;
      switch (e->bin_op) {
        case BinOp::Add: r = b_.CreateFAdd(a.v, c.v); break;
        case BinOp::Sub: r = b_.CreateFSub(a.v, c.v); break;
        case BinOp::Mul: r = b_.CreateFMul(a.v, c.v); break;
        case BinOp::Div: {
          BasicBlock* zero = newBlock("fdiv.zero");
          BasicBlock* ok = newBlock("fdiv.ok");
          b_.CreateCondBr(b_.CreateFCmpOEQ(c.v, llvm::ConstantFP::get(f64_, 0.0)), zero, ok, unlikely_);
          b_.SetInsertPoint(zero);
          b_.CreateCall(rtBin("molt_truediv"), {boxDouble(a.v), boxDouble(c.v)});
          b_.CreateBr(errTarget());
          b_.SetInsertPoint(ok);
          r = b_.CreateFDiv(a.v, c.v);
          break;
        }
        default: {
          Value* bits = b_.CreateCall(rtBin(rtBinary(e->bin_op)), {boxDouble(a.v), boxDouble(c.v)});
          checkNull(bits);
          Value* d = b_.CreateCall(toF64Helper(), {bits});
          checkNull(d);
          r = b_.CreateBitCast(d, f64_);
        }
      }
      return {r, Repr::Float, false};
    }
    // Int operands.
    if (e->repr == Repr::Float) {  // int / int
      Value* bits = b_.CreateCall(rtBin("molt_truediv"), {a.v, c.v});
      release(a);  // (before the check: a float result borrows nothing)
      release(c);
      checkNull(bits);
      return {b_.CreateBitCast(bits, f64_), Repr::Float, false};
    }
    Value* r;
    switch (e->bin_op) {
      case BinOp::Add: case BinOp::Sub: case BinOp::Mul: case BinOp::FloorDiv: case BinOp::Mod:
        return intArith(e->bin_op, a, c);
      case BinOp::BitAnd: case BinOp::BitOr: case BinOp::BitXor:
        r = b_.CreateCall(intBinHelper(e->bin_op), {a.v, c.v});
        break;
      default:
        r = b_.CreateCall(rtBin(rtBinary(e->bin_op)), {a.v, c.v});
        checkNull(r);
        release(a);
        release(c);
        return {r, Repr::Int, true};
    }
    checkNull(r);
    releaseUnlessSmall(a, c);
    return {r, Repr::Int, true};
  }

  // Runtime call per signature "R:ARGS" (see build_ir.cpp).
  LV callRt(const IrExpr* e) {
    if (e->name == "$null") return {c64(MOLT_NULL), Repr::Value, false};
    if (e->name == "$cellify") {  // slot imms[0] := a new cell holding the slot's value
      llvm::AllocaInst* slot = locals_[static_cast<size_t>(e->imms[0])];
      Value* old = b_.CreateLoad(i64_, slot);
      Value* cell = b_.CreateCall(rtFn("molt_func_new", i64_, {ptr_, ptr_, i32_, i32_}),
                                  {llvm::ConstantPointerNull::get(ptr_), cstring("<cell>", "molt.cell.name"),
                                   b_.getInt32(0), b_.getInt32(1)});
      checkNull(cell);
      Value* r = b_.CreateCall(rtFn("molt_func_set_capture", i32_, {i64_, i32_, i64_}), {cell, b_.getInt32(0), old});
      checkFail(b_.CreateICmpSLT(r, b_.getInt32(0)));
      decref(old);
      b_.CreateStore(cell, slot);
      return {c64(MOLT_NONE), Repr::Value, false};
    }
    if (e->name == "$dict") {
      Value* d = b_.CreateCall(rtFn("molt_dict_new", i64_, {}), {});
      checkNull(d);
      Function* set = rtFn("molt_dict_set", i32_, {i64_, i64_, i64_});
      for (size_t i = 0; i + 1 < e->args.size(); i += 2) {
        LV k = expr(e->args[i]);
        LV v = expr(e->args[i + 1]);
        Value* r = b_.CreateCall(set, {d, k.v, v.v});
        checkFail(b_.CreateICmpSLT(r, b_.getInt32(0)));
        release(k);
        release(v);
      }
      return {d, Repr::Value, true};
    }
    if (LV out; listFastPath(e, out, e->repr)) return out;
    if (LV out; sqrtFastPath(e, out, e->repr)) return out;
    std::string_view sig = e->sig;
    char ret = sig[0];
    size_t n_fixed = e->args.size() - e->n_array;
    std::vector<LV> temps;
    std::vector<Value*> vals;
    std::vector<Type*> params;
    size_t next_arg = 0, next_imm = 0;
    for (size_t i = 2; i < sig.size(); ++i) {
      switch (sig[i]) {
        case 'v': {
          LV x = exprHolding(e->args[next_arg++], temps);
          temps.push_back(x);
          vals.push_back(x.v);
          params.push_back(i64_);
          break;
        }
        case 'n':
        case 'i': {
          LV x = expr(e->args[next_arg++]);
          Value* v = toI64(x);
          release(x);
          if (sig[i] == 'i') {
            vals.push_back(b_.CreateTrunc(v, i32_));
            params.push_back(i32_);
          } else {
            vals.push_back(v);
            params.push_back(i64_);
          }
          break;
        }
        case 'w':
          vals.push_back(excId(static_cast<uint32_t>(e->imms[next_imm++])));
          params.push_back(i32_);
          break;
        case 'V':
          vals.push_back(c64(MOLT_NONE));
          params.push_back(i64_);
          break;
        case 'N':
          vals.push_back(c64(MOLT_NULL));
          params.push_back(i64_);
          break;
        case 'a': {
          llvm::AllocaInst* arr = entryAlloca(llvm::ArrayType::get(i64_, std::max<uint32_t>(e->n_array, 1)));
          for (uint32_t k = 0; k < e->n_array; ++k) {
            LV x = expr(e->args[n_fixed + k]);
            temps.push_back(x);
            b_.CreateStore(x.v, b_.CreateConstInBoundsGEP2_32(arr->getAllocatedType(), arr, 0, k));
          }
          vals.push_back(arr);
          vals.push_back(c64(e->n_array));
          params.push_back(ptr_);
          params.push_back(i64_);
          break;
        }
        default: llvm::report_fatal_error("molt codegen: bad runtime signature");
      }
    }
    Type* rt = ret == 'v' || ret == 'l' ? i64_ : i32_;
    Value* r = b_.CreateCall(rtFn(e->name, rt, params), vals);
    // Results are new references, never borrowed from the arguments: release
    // the argument temporaries before the error check, so a failing call
    // (every `raise` is one) does not leak them.
    for (const LV& t : temps) release(t);
    LV out;
    switch (ret) {
      case 'v':
        checkNull(r);
        out = {r, Repr::Value, true};
        break;
      case 's':
        checkFail(b_.CreateICmpSLT(r, b_.getInt32(0)));
        out = {c64(MOLT_NONE), Repr::Value, false};
        break;
      case 'l':
        checkFail(b_.CreateICmpSLT(r, c64(0)));
        out = {boxSmall(r), Repr::Int, false};
        break;
      case 'b':
        checkFail(b_.CreateICmpSLT(r, b_.getInt32(0)));
        out = {b_.CreateICmpNE(r, b_.getInt32(0)), Repr::Bool, false};
        break;
      default: llvm::report_fatal_error("molt codegen: bad runtime signature");
    }
    if (out.r != e->repr) out = convert(out, e->repr);
    return out;
  }

  Value* bytePtr(Value* p, uint64_t offset) { return b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), p, offset); }

  // Inline fast paths for `l[i]`, `l[i] = x`, `len(l)` and `l.append(x)` on
  // lists (layout in value_layout.h): the receiver's type id is tested at run
  // time, so any other receiver, a non-small-int or out-of-range index, or an
  // append that must grow the array calls the runtime function the IR names,
  // which also raises CPython's errors. Returns false for other calls.
  static bool isListGet(const IrExpr* e) {
    return e->op == IrOp::CallRt && e->name == "molt_getitem" && e->sig == "v:vv";
  }
  // A Value that is a boxed float or bool is never a heap pointer: storing it
  // needs no incref.
  static bool neverHeap(const IrExpr* e) {
    return e->op == IrOp::Convert && (e->args[0]->repr == Repr::Float || e->args[0]->repr == Repr::Bool);
  }

  // `want`: the representation the caller converts the result to (an item
  // read as a float is never increfed).
  // `x[i] op= v` (build_ir's augmented subscript: a set whose value reads
  // the same item): the get of the same list and index inside the value,
  // when the list is a local typed `list`, the index a local or a literal,
  // and nothing else in the value can run code that changes the list
  // (arithmetic on ints and floats, locals, constants, fields). Null if not.
  const IrExpr* sameItemGet(const IrExpr* set) const {
    auto unconvert = [](const IrExpr* x) { return x->op == IrOp::Convert ? x->args[0] : x; };
    // A plain local or an int literal: nothing in the value can rebind it.
    auto stable = [](const IrExpr* x) {
      return (x->op == IrOp::LoadLocal && x->ival == 0) || x->op == IrOp::ConstInt;
    };
    auto same = [](const IrExpr* a, const IrExpr* b) {
      return a->op == b->op && (a->op == IrOp::LoadLocal ? a->index == b->index : a->ival == b->ival);
    };
    const IrExpr* lst = set->args[0];
    const IrExpr* key = unconvert(set->args[1]);
    if (lst->op != IrOp::LoadLocal || !stable(lst) || !stable(key)) return nullptr;
    const IrExpr* found = nullptr;
    bool ok = true;
    std::function<void(const IrExpr*)> walk = [&](const IrExpr* x) {
      switch (x->op) {
        case IrOp::ConstInt:
        case IrOp::ConstFloat:
        case IrOp::ConstBool:
        case IrOp::Convert: break;
        case IrOp::LoadLocal: ok = ok && x->ival == 0; break;
        case IrOp::GetField: ok = ok && x->args[0]->op == IrOp::LoadLocal; break;
        case IrOp::Arith:  // on ints and floats: no user code (+ - * on a list would be)
          ok = ok && (x->operand_repr == Repr::Int || x->operand_repr == Repr::Float);
          break;
        case IrOp::Neg: ok = ok && (x->repr == Repr::Int || x->repr == Repr::Float); break;
        case IrOp::CallRt:
          // A read of a list: its slow path raises IndexError at worst.
          ok = ok && isListGet(x) && (x->ival & 2);
          if (ok && !found && stable(x->args[0]) && same(x->args[0], lst) && stable(unconvert(x->args[1])) &&
              same(unconvert(x->args[1]), key)) {
            found = x;
            return;  // (its operands are the set's)
          }
          break;
        default: ok = false;
      }
      if (ok)
        for (const IrExpr* a : x->args) walk(a);
    };
    walk(set->args[2]);
    return ok ? found : nullptr;
  }

  // Inline list access (layout in value_layout.h). listLength/itemSlot read
  // the header; checkIndex branches to `fast` with raw index i counted from
  // the end when negative and in range (returned), to `slow` otherwise.
  Value* listLength(Value* p) { return b_.CreateLoad(i64_, bytePtr(p, MOLT_LIST_LEN_OFFSET)); }
  Value* itemSlot(Value* p, Value* index) {
    return b_.CreateInBoundsGEP(i64_, b_.CreateLoad(ptr_, bytePtr(p, MOLT_LIST_ITEMS_OFFSET)), index);
  }
  Value* checkIndex(Value* i, Value* length, BasicBlock* fast, BasicBlock* slow) {
    Value* index = b_.CreateSelect(b_.CreateICmpSLT(i, c64(0)), b_.CreateAdd(i, length), i);
    b_.CreateCondBr(b_.CreateICmpULT(index, length), fast, slow);
    return index;
  }

  // The set of `x[i] op= v` when sameItemGet found the get: one bounds check
  // serves both, the value is computed from the item just read, and that
  // item is the one the store replaces. Anything off the fast path (index
  // not a small int or out of range) runs the ordinary get-compute-set.
  void augmentedItemSet(const IrExpr* e, const IrExpr* get) {
    LV obj = expr(e->args[0]);
    LV idx = expr(e->args[1]);
    BasicBlock* chk = newBlock("aug.chk");
    BasicBlock* fast = newBlock("aug.fast");
    BasicBlock* slow = newBlock("aug.slow");
    BasicBlock* done = newBlock("aug.done");
    b_.CreateCondBr(smallOf(idx), chk, slow);
    b_.SetInsertPoint(chk);
    Value* p = headerPtr(obj.v);
    Value* length = listLength(p);  // (before the raw index: argument order is unspecified)
    Value* index = checkIndex(rawOf(idx), length, fast, slow);
    b_.SetInsertPoint(fast);
    Value* slot = itemSlot(p, index);
    Value* item = b_.CreateLoad(i64_, slot);
    item_get_ = get;
    item_ = LV{item, Repr::Value, false};  // borrowed: the list holds it until the store
    LV v = expr(e->args[2]);
    item_get_ = nullptr;
    // Nothing in the value can have touched the list: the slot still holds item.
    if (!neverHeap(e->args[2]) && !owns(v)) incref(v.v);
    b_.CreateStore(v.v, slot);
    if (!(e->ival & 1)) decref(item);
    b_.CreateBr(done);
    b_.SetInsertPoint(slow);
    LV unused;
    listFastPath(e, unused, Repr::Value, /*allow_augmented=*/false);
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }

  // math.sqrt of a float: the sqrt instruction for x >= 0 (and +inf);
  // negative numbers and NaN go to the runtime (ValueError / nan). `want`
  // is the representation the caller needs: a float used as a float (the
  // sqrt inside an expression, or a Convert around the call) stays a
  // double instead of being boxed and type-tested back.
  bool sqrtFastPath(const IrExpr* e, LV& out, Repr want) {
    if (e->op != IrOp::CallRt || e->name != "molt_math_sqrt" || e->sig != "v:v" ||
        e->args[0]->op != IrOp::Convert || e->args[0]->args[0]->repr != Repr::Float)
      return false;
    LV x = expr(e->args[0]->args[0]);
    Value* r = diamond(
        b_.CreateFCmpOGE(x.v, llvm::ConstantFP::get(f64_, 0.0)), "sqrt",
        [&] { return b_.CreateUnaryIntrinsic(llvm::Intrinsic::sqrt, x.v); },
        [&] {
          Value* bits = b_.CreateCall(rtFn("molt_math_sqrt", i64_, {i64_}), {boxDouble(x.v)});
          checkNull(bits);
          return b_.CreateBitCast(bits, f64_);
        });
    out = convert(LV{r, Repr::Float, false}, want);
    return true;
  }

  bool listFastPath(const IrExpr* e, LV& out, Repr want, bool allow_augmented = true) {
    const std::string& n = e->name;
    bool get = n == "molt_getitem" && e->sig == "v:vv";
    bool set = n == "molt_setitem" && e->sig == "s:vvv";
    if (set && allow_augmented && (e->ival & 2))
      if (const IrExpr* g = sameItemGet(e)) {
        augmentedItemSet(e, g);
        out = {c64(MOLT_NONE), Repr::Value, false};
        return true;
      }
    // The get of an `x[i] op= v` being lowered by augmentedItemSet: the item
    // it has read (whether the get is reached as a call or under a Convert).
    if (get && e == item_get_) {
      out = convert(item_, want);
      if (refcounted(want)) out = own(out);
      return true;
    }
    bool len = n == "molt_len" && e->sig == "l:v";
    bool app = n == "molt_list_append" && e->sig == "s:vv";
    if (!get && !set && !len && !app) return false;
    std::vector<LV> a;
    for (const IrExpr* x : e->args) a.push_back(expr(x));
    Value* obj = a[0].v;
    BasicBlock* chk = newBlock("list.chk");
    BasicBlock* lst = newBlock("list.is");
    BasicBlock* fast = newBlock("list.fast");
    BasicBlock* slow = newBlock("list.slow");
    BasicBlock* done = newBlock("list.done");
    // ival bit 2: the checker typed the receiver `list` (build_ir markList),
    // so a heap object there is a list and only the tag is tested (a field
    // read before its first assignment holds None, which takes the slow path).
    bool known_list = (e->ival & 2) != 0;
    // A local (not a field) typed `list` is always one: definite assignment
    // keeps reads before its first assignment out.
    bool list_local = known_list && e->args[0]->op == IrOp::LoadLocal && e->args[0]->ival == 0;
    Value* pre = list_local ? b_.getTrue() : isPtr(obj);
    if (get || set) pre = b_.CreateAnd(pre, smallOf(a[1]));
    b_.CreateCondBr(pre, chk, slow);
    b_.SetInsertPoint(chk);
    Value* p = headerPtr(obj);
    if (known_list) {
      b_.CreateBr(lst);
    } else {
      Value* tid = b_.CreateLoad(i32_, bytePtr(p, 4));
      b_.CreateCondBr(b_.CreateICmpEQ(tid, b_.getInt32(MOLT_TYPE_LIST)), lst, slow);
    }
    b_.SetInsertPoint(lst);
    Value* length = listLength(p);
    // The runtime's get or set (the slow path, and an index out of range).
    auto itemCall = [&] {
      return get ? b_.CreateCall(rtFn(n, i64_, {i64_, i64_}), {obj, a[1].v})
                 : b_.CreateCall(rtFn(n, i32_, {i64_, i64_, i64_}), {obj, a[1].v, a[2].v});
    };
    Value* index = nullptr;
    if (get || set) {
      // A small index out of a list's range always raises IndexError: the
      // runtime call that raises it goes straight to the error exit, so in
      // a loop it is outside the loop (on wasm, V8 spills every value live
      // across a call at its definition, even a call on a cold path).
      BasicBlock* oob = newBlock("list.oob");
      index = checkIndex(rawOf(a[1]), length, fast, oob);
      llvm::IRBuilderBase::InsertPointGuard guard(b_);
      b_.SetInsertPoint(oob);
      itemCall();
      b_.CreateBr(errTarget());
    } else if (app) {
      Value* cap = b_.CreateLoad(i64_, bytePtr(p, MOLT_LIST_CAP_OFFSET));
      b_.CreateCondBr(b_.CreateICmpSLT(length, cap), fast, slow);
    } else {
      b_.CreateBr(fast);
    }
    b_.SetInsertPoint(fast);
    Value* slot = nullptr;
    if (get || set || app) slot = itemSlot(p, get || set ? index : length);
    LV fast_out, slow_out;
    // An int read in the speculative copy of an int region carries its raw
    // value: a small item needs no incref, and a raw store no second test.
    bool raw_int = get && spec_ && want == Repr::Int;
    if (raw_int) {
      Value* item = b_.CreateLoad(i64_, slot);
      Value* small = isSmall(item);
      BasicBlock* inc = newBlock("list.item.ref");
      BasicBlock* held = newBlock("list.item.held");
      b_.CreateCondBr(small, held, inc);
      b_.SetInsertPoint(inc);
      incref(item);
      b_.CreateBr(held);
      b_.SetInsertPoint(held);
      fast_out = {item, Repr::Int, true, unboxSmall(item), small};
    } else if (get) {
      fast_out = convert(LV{b_.CreateLoad(i64_, slot), Repr::Value, false}, want);
      if (refcounted(want)) fast_out = own(fast_out);
    } else if (set) {
      // ival = 1: a list[bool] (build_ir.cpp), whose old item needs no release.
      // An owned value moves into the list (the slow path releases it).
      Value* old = (e->ival & 1) ? nullptr : b_.CreateLoad(i64_, slot);
      if (!neverHeap(e->args[2]) && !owns(a[2])) incref(a[2].v);
      b_.CreateStore(a[2].v, slot);
      if (old) decref(old);
    } else if (app) {
      if (!neverHeap(e->args[1]) && !owns(a[1])) incref(a[1].v);
      b_.CreateStore(a[1].v, slot);
      b_.CreateStore(b_.CreateAdd(length, c64(1)), bytePtr(p, MOLT_LIST_LEN_OFFSET));
    } else {
      fast_out = {length, Repr::Value, false};
    }
    BasicBlock* fast_end = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(slow);
    if (get) {
      Value* r = itemCall();
      checkNull(r);
      slow_out = convert(LV{r, Repr::Value, true}, want);
      if (raw_int) {
        slow_out.raw = unboxSmall(r);
        slow_out.small = isSmall(r);
      }
    } else if (set) {
      checkFail(b_.CreateICmpSLT(itemCall(), b_.getInt32(0)));
    } else if (app) {
      Value* r = b_.CreateCall(rtFn(n, i32_, {i64_, i64_}), {obj, a[1].v});
      checkFail(b_.CreateICmpSLT(r, b_.getInt32(0)));
    } else {
      Value* r = b_.CreateCall(rtFn(n, i64_, {i64_}), {obj});
      checkFail(b_.CreateICmpSLT(r, c64(0)));
      slow_out = {r, Repr::Value, false};
    }
    if (get || set) release(a[1]);
    if (set) release(a[2]);
    if (app) release(a[1]);
    BasicBlock* slow_end = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    if (set || app) {
      out = {c64(MOLT_NONE), Repr::Value, false};
    } else {
      llvm::PHINode* phi = b_.CreatePHI(fast_out.v->getType(), 2);
      phi->addIncoming(fast_out.v, fast_end);
      phi->addIncoming(slow_out.v, slow_end);
      if (len) out = LV{boxSmall(phi), Repr::Int, false};
      else out = {phi, want, refcounted(want)};
      if (raw_int) {
        llvm::PHINode* raw = b_.CreatePHI(i64_, 2);
        raw->addIncoming(fast_out.raw, fast_end);
        raw->addIncoming(slow_out.raw, slow_end);
        llvm::PHINode* small = b_.CreatePHI(i1_, 2);
        small->addIncoming(fast_out.small, fast_end);
        small->addIncoming(slow_out.small, slow_end);
        out.raw = raw;
        out.small = small;
      }
    }
    // The index of a get or set is a small int on the fast path and the
    // value of a set or append moved into the list there: the slow path
    // releases them (above).
    release(a[0]);
    if (out.r != want) out = convert(out, want);
    return true;
  }

  llvm::AllocaInst* entryAlloca(Type* t) {
    llvm::IRBuilder<> eb(&fn_->getEntryBlock(), fn_->getEntryBlock().begin());
    return eb.CreateAlloca(t);
  }

  // ------------------------------------------------------------ statements
  // A range loop's bounds and counter, shared by both copies of an int region.
  struct RangeSlots {
    llvm::AllocaInst *start, *stop, *step, *counter;
    BasicBlock* init;  // the boxed copy's loop set-up after its bounds are evaluated
    uint32_t resume;   // its resume point (addResumePoint)
  };
  struct Loop {
    BasicBlock* brk;
    BasicBlock* cont;
    llvm::AllocaInst* iter;  // ForIter's iterator (released on break/return), else null
    int handlers = 0;        // active `except` handlers when the loop started
  };

  // Leaves the `except` handlers entered since `depth` (break/continue/return
  // out of a handler body).
  void leaveHandlers(int depth) {
    for (int i = depth; i < handlers_active_; ++i) {
      b_.CreateCall(rtFn("molt_exc_handler_leave", b_.getVoidTy(), {}), {});
      decref(handler_exc_[static_cast<size_t>(i)]);  // the handler's reference to its exception
    }
  }

  void tryStmt(const IrStmt* s) {
    if (s->finalbody.empty()) return tryExcept(s);
    // try/finally: errors anywhere in the protected part land in fin_err,
    // which saves the exception, runs the final body and re-raises.
    BasicBlock* outer = err_bb_;
    BasicBlock* fin_err = newBlock("finally.error");
    err_bb_ = fin_err;
    tryExcept(s);
    err_bb_ = outer;
    block(s->finalbody);
    BasicBlock* done = newBlock("finally.done");
    b_.CreateBr(done);
    b_.SetInsertPoint(fin_err);
    if (line_slot_) addTraceback();
    Value* exc = b_.CreateCall(rtFn("molt_err_fetch", i64_, {}), {});
    llvm::AllocaInst* saved = entryAlloca(i64_);
    b_.CreateStore(exc, saved);
    block(s->finalbody);
    b_.CreateCall(rtFn("molt_err_restore", b_.getVoidTy(), {i64_}), {b_.CreateLoad(i64_, saved)});
    b_.CreateBr(outer);
    b_.SetInsertPoint(done);
  }

  void tryExcept(const IrStmt* s) {
    if (s->handlers.empty()) {
      block(s->body);
      block(s->orelse);
      return;
    }
    BasicBlock* handler_bb = newBlock("try.handler");
    BasicBlock* done = newBlock("try.done");
    BasicBlock* outer = err_bb_;
    err_bb_ = handler_bb;
    block(s->body);
    err_bb_ = outer;
    block(s->orelse);
    b_.CreateBr(done);
    b_.SetInsertPoint(handler_bb);
    if (line_slot_) addTraceback();
    Function* matches = rtFn("molt_err_matches", i32_, {i32_});
    for (const IrHandler& h : s->handlers) {
      Value* any = b_.getFalse();
      for (uint32_t id : h.type_ids)
        any = b_.CreateOr(any, b_.CreateICmpNE(b_.CreateCall(matches, {excId(id)}), b_.getInt32(0)));
      BasicBlock* yes = newBlock("except.match");
      BasicBlock* no = newBlock("except.next");
      b_.CreateCondBr(any, yes, no);
      b_.SetInsertPoint(yes);
      Value* exc = b_.CreateCall(rtFn("molt_err_fetch", i64_, {}), {});
      b_.CreateCall(rtFn("molt_exc_handler_enter", b_.getVoidTy(), {i64_}), {exc});
      if (h.has_target) {
        incref(exc);
        storeTo(h.target, LV{exc, Repr::Value, true});
      }
      // An exception escaping the handler body leaves the handler first.
      BasicBlock* escape = newBlock("except.escape");
      BasicBlock* body = newBlock("except.body");
      b_.CreateBr(body);
      b_.SetInsertPoint(escape);
      b_.CreateCall(rtFn("molt_exc_handler_leave", b_.getVoidTy(), {}), {});
      decref(exc);
      b_.CreateBr(outer);
      b_.SetInsertPoint(body);
      err_bb_ = escape;
      ++handlers_active_;
      handler_exc_.push_back(exc);
      block(h.body);
      handler_exc_.pop_back();
      --handlers_active_;
      err_bb_ = outer;
      b_.CreateCall(rtFn("molt_exc_handler_leave", b_.getVoidTy(), {}), {});
      decref(exc);
      b_.CreateBr(done);
      b_.SetInsertPoint(no);
    }
    b_.CreateBr(outer);
    b_.SetInsertPoint(done);
  }

  // `x = y.copy()` into a local list that owns its value: the runtime may
  // copy into x's old list when nothing else holds it (molt_list_copy_into),
  // saving an allocation and a free per copy. It takes over the old value.
  bool listCopyInto(const IrStmt* s) {
    const IrTarget& t = s->targets[0];
    const IrExpr* e = s->value;
    if (t.global || t.cell || t.repr != Repr::Value || e->op != IrOp::CallRt || e->name != "molt_list_copy" ||
        e->sig != "v:v" || rawSlot(t.index) || (t.index < borrowed_.size() && borrowed_[t.index]))
      return false;
    LV src = expr(e->args[0]);
    Value* slot = slotOf(t);
    Value* r = b_.CreateCall(rtFn("molt_list_copy_into", i64_, {i64_, i64_}), {b_.CreateLoad(i64_, slot), src.v});
    release(src);
    checkNull(r);
    b_.CreateStore(r, slot);
    return true;
  }

  llvm::Value* slotOf(const IrTarget& t) {
    return t.global ? static_cast<Value*>(globals_[t.index]) : static_cast<Value*>(locals_[t.index]);
  }
  void storeTo(const IrTarget& t, LV x) {
    x = convert(x, t.repr);
    if (llvm::AllocaInst* raw = t.global ? nullptr : rawSlot(t.index)) return storeRaw(t, raw, own(x));
    if (t.cell) {
      Value* r = b_.CreateCall(rtFn("molt_func_set_capture", i32_, {i64_, i32_, i64_}),
                               {b_.CreateLoad(i64_, slotOf(t)), b_.getInt32(0), x.v});
      release(x);
      checkFail(b_.CreateICmpSLT(r, b_.getInt32(0)));
      return;
    }
    Value* slot = slotOf(t);
    if (t.global && bound_[t.index]) b_.CreateStore(b_.getTrue(), bound_[t.index]);
    if (refcounted(t.repr)) {
      x = own(x);
      Value* old = b_.CreateLoad(i64_, slot);
      b_.CreateStore(x.v, slot);
      decref(old);
    } else {
      b_.CreateStore(x.v, slot);
    }
  }

  bool terminated() { return b_.GetInsertBlock()->getTerminator() != nullptr; }
  void startDeadBlock() { b_.SetInsertPoint(newBlock("dead")); }

  void block(const std::vector<IrStmt*>& stmts) {
    for (const IrStmt* s : stmts) {
      stmt(s);
      if (record_ && block_depth_ == 0) {  // the boxed copy of a region: where each statement ends
        BasicBlock* after = newBlock("stmt.after");
        if (!terminated()) b_.CreateBr(after);
        b_.SetInsertPoint(after);
        after_[s] = addResumePoint(after);
      }
      if (terminated()) startDeadBlock();
    }
  }

  // 1-based source line of a byte offset (0 when unknown).
  int32_t lineOf(uint32_t offset) const {
    const auto& ls = ir_.line_starts;
    auto it = std::upper_bound(ls.begin(), ls.end(), offset);
    return static_cast<int32_t>(it - ls.begin());
  }
  // The name CPython shows for a frame: the function's own name, `<lambda>`,
  // `<module>`.
  static std::string frameName(const std::string& ir_name) {
    if (ir_name.rfind("lambda.", 0) == 0) return "<lambda>";
    size_t dot = ir_name.rfind('.');
    return dot == std::string::npos ? ir_name : ir_name.substr(dot + 1);
  }
  // An exception arriving in a frame adds the frame (name, the line that
  // failed) to its traceback once, as CPython's does: at the function's
  // error exit, and before a `try` handler or `finally` runs (so a caught
  // exception shown as another one's context lists the frame that caught
  // it). The frame's call depth, plus one, tells the runtime which
  // activation added the entry, so an exception that goes on (no handler
  // matched, a finally re-raises, a bare `raise`) is not added twice: the
  // frames live at one time have distinct depths, inlined ones included
  // (an alloca would not do: LLVM gives inlined callees' allocas the same
  // stack slot as their caller's). The line lives in an alloca written at
  // each statement; LLVM turns it into constants feeding the error path.
  void addTraceback() {
    Value* token = b_.CreateIntToPtr(b_.CreateZExt(b_.CreateAdd(depth_val_, b_.getInt32(1)), i64_), ptr_);
    b_.CreateCall(rtFn("molt_tb_add", b_.getVoidTy(), {ptr_, i32_, ptr_}),
                  {cstring(frame_name_, "molt.frame." + frame_name_), b_.CreateLoad(i32_, line_slot_), token});
  }

  // Where an error goes from the current point: err_bb_, through a small
  // block that records the current statement's line first (one per
  // statement and error target). Only the error edges pay for tracebacks.
  BasicBlock* errTarget() {
    BasicBlock* target = errTargetBoxed();
    if (!spec_) return target;
    // The speculative copy boxes its raw ints back first (a handler or the
    // frame's cleanup reads the ordinary slots).
    auto [it, fresh] = spec_err_.try_emplace(target, nullptr);
    if (fresh) {
      llvm::IRBuilderBase::InsertPointGuard guard(b_);
      it->second = newBlock("spec.error");
      b_.SetInsertPoint(it->second);
      syncRaw();
      b_.CreateBr(target);
    }
    return it->second;
  }
  BasicBlock* errTargetBoxed() {
    if (!line_slot_) return err_bb_;
    if (err_line_bb_ && err_line_target_ == err_bb_ && err_line_ == cur_line_) return err_line_bb_;
    llvm::IRBuilderBase::InsertPointGuard guard(b_);
    err_line_bb_ = newBlock("error.line");
    b_.SetInsertPoint(err_line_bb_);
    b_.CreateStore(b_.getInt32(cur_line_), line_slot_);
    b_.CreateBr(err_bb_);
    err_line_target_ = err_bb_;
    err_line_ = cur_line_;
    return err_line_bb_;
  }

  void stmt(const IrStmt* s) {
    cur_line_ = lineOf(s->range.begin);
    if (!in_region_)
      if (auto it = region_of_.find(s); it != region_of_.end()) return lowerRegion(s, *it->second);
    switch (s->kind) {
      case IrStmtKind::Eval: release(expr(s->value)); return;
      case IrStmtKind::Store: {
        if (listCopyInto(s)) return;
        LV v = expr(s->value);
        cur_stmt_ = s;  // storeRaw leaves the speculative copy after this statement
        storeTo(s->targets[0], v);
        return;
      }
      case IrStmtKind::Unpack: {
        LV v = expr(s->value);
        uint32_t n = static_cast<uint32_t>(s->targets.size());
        unpackInto(v.v, s->targets);
        release(v);
        (void)n;
        return;
      }
      case IrStmtKind::Return: {
        LV v = own(expr(s->value));
        Value* r = toAbi(v);
        for (const Loop& l : loops_)
          if (l.iter) decref(b_.CreateLoad(i64_, l.iter));
        leaveHandlers(0);
        releaseLocals();
        b_.CreateRet(r);
        return;
      }
      case IrStmtKind::If: {
        LV c = expr(s->value);
        BasicBlock* then_bb = newBlock("if.then");
        BasicBlock* else_bb = newBlock("if.else");
        BasicBlock* done = newBlock("if.done");
        b_.CreateCondBr(c.v, then_bb, else_bb);
        b_.SetInsertPoint(then_bb);
        block(s->body);
        b_.CreateBr(done);
        b_.SetInsertPoint(else_bb);
        block(s->orelse);
        b_.CreateBr(done);
        b_.SetInsertPoint(done);
        return;
      }
      case IrStmtKind::While: {
        BasicBlock* head = newBlock("while.head");
        BasicBlock* body = newBlock("while.body");
        BasicBlock* orelse = newBlock("while.else");
        BasicBlock* done = newBlock("while.done");
        b_.CreateBr(head);
        b_.SetInsertPoint(head);
        LV c = expr(s->value);
        b_.CreateCondBr(c.v, body, orelse);
        b_.SetInsertPoint(body);
        loops_.push_back({done, head, nullptr, handlers_active_});
        enterBoxedLoop(head);
        block(s->body);
        leaveBoxedLoop();
        loops_.pop_back();
        b_.CreateBr(head);
        b_.SetInsertPoint(orelse);
        block(s->orelse);
        b_.CreateBr(done);
        b_.SetInsertPoint(done);
        return;
      }
      case IrStmtKind::ForRange: forRange(s); return;
      case IrStmtKind::ForIter: forIter(s); return;
      case IrStmtKind::Break:
        leaveHandlers(loops_.back().handlers);
        b_.CreateBr(loops_.back().brk);
        return;
      case IrStmtKind::Continue:
        leaveHandlers(loops_.back().handlers);
        b_.CreateBr(loops_.back().cont);
        return;
      case IrStmtKind::SetField: setField(s); return;
      case IrStmtKind::Try: tryStmt(s); return;
      case IrStmtKind::Reraise: {
        Value* exc = b_.CreateLoad(i64_, slotOf(s->targets[0]));
        b_.CreateCall(rtFn("molt_reraise", b_.getVoidTy(), {i64_}), {exc});
        // Not errTarget(): the frame keeps the line where the exception was
        // caught (its traceback entry was added on the way into the
        // handler), as CPython's does.
        b_.CreateBr(err_bb_);
        return;
      }
    }
  }

  void unpackInto(Value* v, const std::vector<IrTarget>& targets) {
    uint32_t n = static_cast<uint32_t>(targets.size());
    llvm::AllocaInst* buf = entryAlloca(llvm::ArrayType::get(i64_, n));
    Value* r = b_.CreateCall(rtFn("molt_unpack", i32_, {i64_, i64_, ptr_}), {v, c64(n), buf});
    checkFail(b_.CreateICmpSLT(r, b_.getInt32(0)));
    for (uint32_t i = 0; i < n; ++i) {
      Value* item = b_.CreateLoad(i64_, b_.CreateConstInBoundsGEP2_32(buf->getAllocatedType(), buf, 0, i));
      storeTo(targets[i], LV{item, Repr::Value, true});
    }
  }

  static bool containsLoop(const std::vector<IrStmt*>& body) {
    for (const IrStmt* st : body) {
      if (st->kind == IrStmtKind::While || st->kind == IrStmtKind::ForRange || st->kind == IrStmtKind::ForIter)
        return true;
      if (containsLoop(st->body) || containsLoop(st->orelse) || containsLoop(st->finalbody)) return true;
      for (const IrHandler& h : st->handlers)
        if (containsLoop(h.body)) return true;
    }
    return false;
  }

  void forRange(const IrStmt* s) {
    // all_small: each bound is a small int (its tag, or a raw value's flag,
    // read before toI64 so LLVM sees it on the path that produced it).
    Value* all_small = nullptr;
    Value* bounds[3];
    for (int k = 0; k < 3; ++k) {
      LV a = expr(s->args[k]);
      Value* sm = spec_ ? smallOf(a) : nullptr;
      bounds[k] = toI64(a);
      release(a);
      if (sm) all_small = all_small ? b_.CreateAnd(all_small, sm) : sm;
    }
    Value* start = bounds[0];
    Value* stop = bounds[1];
    Value* step = bounds[2];
    bool const_step = s->args[2]->op == IrOp::ConstInt;
    int64_t step_value = s->args[2]->ival;
    // In a region (int_regions.h) both copies keep the loop's bounds and
    // counter in shared slots, so the speculative copy can leave for the
    // boxed copy's loop in the middle of an iteration, or (bounds that are
    // not all small ints) right after evaluating them.
    const RangeSlots* rs = nullptr;
    bool spec_loop = false;
    if (in_region_ && block_depth_ == 0) {
      if (record_) {
        RangeSlots n{entryAlloca(i64_), entryAlloca(i64_), entryAlloca(i64_), entryAlloca(i64_), newBlock("range.init")};
        b_.CreateStore(start, n.start);
        b_.CreateStore(stop, n.stop);
        b_.CreateStore(step, n.step);
        b_.CreateBr(n.init);
        b_.SetInsertPoint(n.init);
        n.resume = addResumePoint(n.init);
        start = b_.CreateLoad(i64_, n.start);
        stop = b_.CreateLoad(i64_, n.stop);
        step = b_.CreateLoad(i64_, n.step);
        rs = &(range_slots_[s] = n);
      } else {
        auto it = range_slots_.find(s);
        if (it == range_slots_.end()) llvm::report_fatal_error("molt codegen: range loop missing from the boxed copy");
        rs = &it->second;
        b_.CreateStore(start, rs->start);
        b_.CreateStore(stop, rs->stop);
        b_.CreateStore(step, rs->step);
        BasicBlock* leave = newBlock("spec.range.leave");
        BasicBlock* ok = newBlock("spec.range");
        b_.CreateCondBr(all_small, ok, leave, unlikely_);
        b_.SetInsertPoint(leave);
        syncRaw();
        resumeBoxed(rs->resume);
        b_.SetInsertPoint(ok);
        spec_loop = true;
      }
    }
    if (!const_step || step_value == 0) {
      BasicBlock* zero = newBlock("range.zero");
      BasicBlock* ok = newBlock("range.ok");
      b_.CreateCondBr(b_.CreateICmpEQ(step, c64(0)), zero, ok, unlikely_);
      b_.SetInsertPoint(zero);
      b_.CreateCall(rtFn("molt_err_format", i64_, {i32_, ptr_}),
                    {b_.getInt32(MOLT_EXC_VALUE_ERROR), b_.CreateGlobalStringPtr("range() arg 3 must not be zero")});
      b_.CreateBr(errTarget());
      b_.SetInsertPoint(ok);
    }
    checkRangeOverflow(start, stop, step);
    BasicBlock* orelse = newBlock("range.else");
    BasicBlock* done = newBlock("range.done");
    // An innermost loop whose start, stop and step are all small ints is
    // emitted twice: in that version every counter value is a small int, so
    // the loop variable is boxed without a range test (and later tag tests
    // on it fold away). The general version boxes through fromI64.
    if (spec_loop) {
      rangeLoop(s, start, stop, step, true, orelse, done, rs);
    } else {
      if (!rs && !containsLoop(s->body) && !callsUser(s->body) && s->targets[0].repr == Repr::Int) {
        BasicBlock* fast = newBlock("range.small");
        BasicBlock* general = newBlock("range.general");
        Value* small = b_.CreateAnd(b_.CreateAnd(fitsSmall(start), fitsSmall(stop)), fitsSmall(step));
        b_.CreateCondBr(small, fast, general);
        b_.SetInsertPoint(fast);
        rangeLoop(s, start, stop, step, true, orelse, done, nullptr);
        b_.SetInsertPoint(general);
      }
      rangeLoop(s, start, stop, step, false, orelse, done, rs);
    }
    b_.SetInsertPoint(orelse);
    block(s->orelse);
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }

  // One counted loop from the current block; normal exit to `orelse`, break
  // to `done`. `small`: start, stop and step are known to be small ints.
  // `rs`: a region's shared slots (the head and latch read the bounds from
  // them, as the loop may be entered from the other copy).
  void rangeLoop(const IrStmt* s, Value* start, Value* stop, Value* step, bool small, BasicBlock* orelse,
                 BasicBlock* done, const RangeSlots* rs) {
    bool const_step = s->args[2]->op == IrOp::ConstInt;
    int64_t step_value = s->args[2]->ival;
    const IrTarget& target = s->targets[0];
    llvm::AllocaInst* raw_target = target.global ? nullptr : rawSlot(target.index);
    if (raw_target && !small) llvm::report_fatal_error("molt codegen: raw range target in a general loop");
    // Small version, local target the body never assigns: after the first
    // iteration the slot only ever holds a small counter value, so its old
    // value is released once, before the loop, and each iteration stores
    // without a refcount test.
    bool plain_store = false;
    if (small && !target.global && !target.cell && !raw_target) {
      std::vector<bool> written(irf_->locals.size(), false);
      for (const IrStmt* st : s->body) markWritten(st, written);
      plain_store = target.index < written.size() && !written[target.index];
    }
    // Small version with a step of unknown sign: the trip count, computed
    // once (small ints: no overflow), drives the loop, so each iteration
    // tests one down-counter instead of the step's sign and two bounds.
    Value* trips = nullptr;
    if (small && !const_step) {
      Value* up = b_.CreateICmpSGT(step, c64(0));
      Value* dist = b_.CreateSelect(up, b_.CreateSub(stop, start), b_.CreateSub(start, stop));
      Value* mag = b_.CreateSelect(up, step, b_.CreateNeg(step));
      BasicBlock* pre = b_.GetInsertBlock();
      BasicBlock* count = newBlock("range.count");
      BasicBlock* counted = newBlock("range.counted");
      Value* nonempty = b_.CreateICmpSGT(dist, c64(0));
      b_.CreateCondBr(nonempty, count, counted);
      b_.SetInsertPoint(count);
      Value* n = b_.CreateAdd(b_.CreateUDiv(b_.CreateSub(dist, c64(1)), mag), c64(1));
      b_.CreateBr(counted);
      b_.SetInsertPoint(counted);
      llvm::PHINode* phi = b_.CreatePHI(i64_, 2);
      phi->addIncoming(c64(0), pre);
      phi->addIncoming(n, count);
      trips = phi;
    }
    if (plain_store) {
      Value* nonempty = trips ? b_.CreateICmpNE(trips, c64(0))
                              : (step_value > 0 ? b_.CreateICmpSLT(start, stop) : b_.CreateICmpSGT(start, stop));
      BasicBlock* clear = newBlock("range.clear");
      BasicBlock* cleared = newBlock("range.cleared");
      b_.CreateCondBr(nonempty, clear, cleared);
      b_.SetInsertPoint(clear);
      Value* slot = slotOf(target);
      Value* old = b_.CreateLoad(i64_, slot);
      b_.CreateStore(boxSmall(start), slot);
      decref(old);
      b_.CreateBr(cleared);
      b_.SetInsertPoint(cleared);
    }
    llvm::AllocaInst* counter = rs ? rs->counter : entryAlloca(i64_);
    b_.CreateStore(start, counter);
    llvm::AllocaInst* left = nullptr;
    if (trips) {
      left = entryAlloca(i64_);
      b_.CreateStore(trips, left);
    }
    BasicBlock* head = newBlock("range.head");
    BasicBlock* body = newBlock("range.body");
    BasicBlock* latch = newBlock("range.latch");
    b_.CreateBr(head);
    b_.SetInsertPoint(head);
    Value* i = b_.CreateLoad(i64_, counter);
    if (rs) {
      stop = b_.CreateLoad(i64_, rs->stop);
      step = b_.CreateLoad(i64_, rs->step);
    }
    Value* cond;
    if (left) {
      cond = b_.CreateICmpNE(b_.CreateLoad(i64_, left), c64(0));
    } else if (const_step) {
      cond = step_value > 0 ? b_.CreateICmpSLT(i, stop) : b_.CreateICmpSGT(i, stop);
    } else {
      cond = b_.CreateSelect(b_.CreateICmpSGT(step, c64(0)), b_.CreateICmpSLT(i, stop), b_.CreateICmpSGT(i, stop));
    }
    b_.CreateCondBr(cond, body, orelse);
    b_.SetInsertPoint(body);
    if (raw_target) storeRawWord(target.index, LV{boxSmall(i), Repr::Int, false, i, b_.getTrue()});
    else if (plain_store) b_.CreateStore(boxSmall(i), slotOf(target));
    else storeTo(target, LV{small ? boxSmall(i) : fromI64(i), Repr::Int, true});
    loops_.push_back({done, latch, nullptr, handlers_active_});
    enterBoxedLoop(head);
    block(s->body);
    leaveBoxedLoop();
    loops_.pop_back();
    b_.CreateBr(latch);
    b_.SetInsertPoint(latch);
    if (rs) step = b_.CreateLoad(i64_, rs->step);
    b_.CreateStore(b_.CreateAdd(b_.CreateLoad(i64_, counter), step), counter);
    if (left) b_.CreateStore(b_.CreateSub(b_.CreateLoad(i64_, left), c64(1)), left);
    b_.CreateBr(head);
  }

  // The counted loop steps with a plain 64-bit add (the form LLVM's loop
  // analyses understand). If the step after the last value would leave the
  // int64 range, the counter would wrap instead of ending the loop: that case
  // raises OverflowError before the first iteration (fail closed; CPython
  // iterates). The exact test (a division) runs only when stop lies within
  // one step of the int64 limit.
  void checkRangeOverflow(Value* start, Value* stop, Value* step) {
    Value* up = b_.CreateICmpSGT(step, c64(0));
    Value* nonempty = b_.CreateSelect(up, b_.CreateICmpSLT(start, stop), b_.CreateICmpSGT(start, stop));
    // step > 0: stop - 1 > INT64_MAX - step; step < 0: stop + 1 < INT64_MIN - step
    Value* near = b_.CreateSelect(up, b_.CreateICmpSGT(b_.CreateSub(stop, c64(1)), b_.CreateSub(c64(INT64_MAX), step)),
                                  b_.CreateICmpSLT(b_.CreateAdd(stop, c64(1)),
                                                   b_.CreateSub(c64(static_cast<uint64_t>(INT64_MIN)), step)));
    BasicBlock* exact = newBlock("range.near_limit");
    BasicBlock* ok = newBlock("range.in_limit");
    b_.CreateCondBr(b_.CreateAnd(nonempty, near), exact, ok, unlikely_);
    b_.SetInsertPoint(exact);
    // last = start + ((|stop - start| - 1) / |step|) * step, in wrapping arithmetic
    Value* dist = b_.CreateSelect(up, b_.CreateSub(stop, start), b_.CreateSub(start, stop));
    Value* mag = b_.CreateSelect(up, step, b_.CreateNeg(step));
    Value* k = b_.CreateUDiv(b_.CreateSub(dist, c64(1)), mag);
    Value* last = b_.CreateAdd(start, b_.CreateMul(k, step));
    Value* ovf = b_.CreateExtractValue(b_.CreateBinaryIntrinsic(llvm::Intrinsic::sadd_with_overflow, last, step), 1);
    BasicBlock* raise = newBlock("range.overflow");
    b_.CreateCondBr(ovf, raise, ok);
    b_.SetInsertPoint(raise);
    b_.CreateCall(rtFn("molt_err_format", i64_, {i32_, ptr_}),
                  {b_.getInt32(MOLT_EXC_OVERFLOW_ERROR),
                   b_.CreateGlobalStringPtr("range() whose last step passes 2**63 is not supported by molt build yet")});
    b_.CreateBr(errTarget());
    b_.SetInsertPoint(ok);
  }

  // i1: v is a heap object of type id `type` (the type id is loaded only
  // behind the pointer test).
  Value* hasType(Value* v, uint32_t type) {
    BasicBlock* start = b_.GetInsertBlock();
    BasicBlock* chk = newBlock("type.chk");
    BasicBlock* done = newBlock("type.done");
    b_.CreateCondBr(isPtr(v), chk, done);
    b_.SetInsertPoint(chk);
    Value* tid = b_.CreateLoad(i32_, bytePtr(headerPtr(v), 4));
    Value* same = b_.CreateICmpEQ(tid, b_.getInt32(type));
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    llvm::PHINode* phi = b_.CreatePHI(i1_, 2);
    phi->addIncoming(b_.getFalse(), start);
    phi->addIncoming(same, chk);
    return phi;
  }

  // `for` over any iterable. A list is walked by index inline (the length is
  // re-read every step, so appends and removals during the loop behave like
  // CPython's list iterator); everything else uses molt_iter/molt_iter_next.
  // The loop's slot holds the list or the iterator (one owned reference,
  // released on exit, break and return).
  void forIter(const IrStmt* s) {
    LV v = expr(s->value);
    llvm::AllocaInst* slot = entryAlloca(i64_);
    llvm::AllocaInst* pos = entryAlloca(i64_);
    llvm::AllocaInst* mode = entryAlloca(i1_);
    Value* is_list = hasType(v.v, MOLT_TYPE_LIST);
    BasicBlock* as_list = newBlock("for.list");
    BasicBlock* as_iter = newBlock("for.iter");
    BasicBlock* head = newBlock("for.head");
    b_.CreateCondBr(is_list, as_list, as_iter);
    b_.SetInsertPoint(as_list);
    if (!v.owned) incref(v.v);
    b_.CreateStore(v.v, slot);
    b_.CreateStore(c64(0), pos);
    b_.CreateStore(b_.getTrue(), mode);
    b_.CreateBr(head);
    b_.SetInsertPoint(as_iter);
    Value* it = b_.CreateCall(rtFn("molt_iter", i64_, {i64_}), {v.v});
    checkNull(it);
    if (s->list_iter) {
      // Typed `list` but not one: only a field read before its first
      // assignment (None), for which molt_iter raised CPython's TypeError
      // above. Anything else fails closed here instead of iterating, so the
      // loop has no iterator path and no per-iteration mode test.
      decref(it);
      checkNull(b_.CreateCall(rtFn("molt_expect_list", i64_, {i64_}), {v.v}));  // always fails here
      b_.CreateUnreachable();
    } else {
      release(v);
      b_.CreateStore(it, slot);
      b_.CreateStore(b_.getFalse(), mode);
      b_.CreateBr(head);
    }
    BasicBlock* lnext = newBlock("for.list.next");
    BasicBlock* lgot = newBlock("for.list.item");
    BasicBlock* inext = newBlock("for.iter.next");
    BasicBlock* got = newBlock("for.item");
    BasicBlock* body = newBlock("for.body");
    BasicBlock* orelse = newBlock("for.else");
    BasicBlock* brk = newBlock("for.break");
    BasicBlock* done = newBlock("for.done");
    // An exception leaving the loop (from its body, the iterator's next or
    // the target's unpacking) releases the iterable or iterator on the way
    // to the enclosing handler or the frame's exit.
    BasicBlock* outer_err = err_bb_;
    BasicBlock* loop_err = newBlock("for.error");
    b_.SetInsertPoint(loop_err);
    decref(b_.CreateLoad(i64_, slot));
    b_.CreateBr(outer_err);
    err_bb_ = loop_err;
    b_.SetInsertPoint(head);
    b_.CreateCondBr(b_.CreateLoad(i1_, mode), lnext, inext);
    b_.SetInsertPoint(lnext);
    Value* p = headerPtr(b_.CreateLoad(i64_, slot));
    Value* i = b_.CreateLoad(i64_, pos);
    b_.CreateCondBr(b_.CreateICmpSLT(i, listLength(p)), lgot, orelse);
    b_.SetInsertPoint(lgot);
    Value* litem = b_.CreateLoad(i64_, itemSlot(p, i));
    incref(litem);
    b_.CreateStore(b_.CreateAdd(i, c64(1)), pos);
    BasicBlock* lgot_end = b_.GetInsertBlock();
    b_.CreateBr(body);
    b_.SetInsertPoint(inext);
    Value* iitem = b_.CreateCall(rtFn("molt_iter_next", i64_, {i64_}), {b_.CreateLoad(i64_, slot)});
    b_.CreateCondBr(b_.CreateICmpEQ(iitem, c64(MOLT_STOP)), orelse, got);
    b_.SetInsertPoint(got);
    checkNull(iitem);
    BasicBlock* got_end = b_.GetInsertBlock();
    b_.CreateBr(body);
    b_.SetInsertPoint(body);
    llvm::PHINode* item = b_.CreatePHI(i64_, 2);
    item->addIncoming(litem, lgot_end);
    item->addIncoming(iitem, got_end);
    if (s->targets.size() == 1) {
      storeTo(s->targets[0], LV{item, Repr::Value, true});
    } else {
      unpackInto(item, s->targets);
      decref(item);
    }
    loops_.push_back({brk, head, slot, handlers_active_});
    block(s->body);
    loops_.pop_back();
    err_bb_ = outer_err;
    b_.CreateBr(head);
    b_.SetInsertPoint(orelse);
    decref(b_.CreateLoad(i64_, slot));
    block(s->orelse);
    b_.CreateBr(done);
    b_.SetInsertPoint(brk);
    decref(b_.CreateLoad(i64_, slot));
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }

  // ------------------------------------------------------------ int regions
  // See int_regions.h. Locals of the region being lowered have a raw i64
  // slot while its speculative copy is lowered.
  llvm::AllocaInst* rawSlot(uint32_t local) const {
    return spec_ && local < raw_.size() ? raw_[local] : nullptr;
  }
  // Boxes every raw local back into its ordinary slot (both hold small ints
  // or, for a local not assigned yet, the slot's initial None: nothing to
  // release). A local still unassigned comes back as the int 0, which no
  // program can see: the checker refuses every possibly-unbound read.
  void syncRaw() {
    for (size_t i = 0; i < raw_.size(); ++i)
      if (raw_[i]) b_.CreateStore(loadRaw(static_cast<uint32_t>(i)).v, locals_[i]);
  }
  // A raw slot holds its int shifted left by 16 (LV::hraw), except for a
  // range-loop target's, which holds the counter as it is: the counter is
  // what indexes lists, and LLVM cannot see that shifting it there and back
  // is the identity.
  LV loadRaw(uint32_t local) {
    Value* w = b_.CreateLoad(i64_, raw_[local]);
    if (raw_shifted_[local]) return fromHraw(w);
    return {boxSmall(w), Repr::Int, false, w, b_.getTrue()};
  }
  // Stores small int x into local's raw slot, in the form loadRaw reads.
  void storeRawWord(uint32_t local, const LV& x) {
    b_.CreateStore(raw_shifted_[local] ? hrawOf(x) : rawOf(x), raw_[local]);
  }
  // A store to a raw local: a small int stays raw; anything else (a big int,
  // a bool, None from `del`) goes to the ordinary slot and the rest of the
  // region runs in the boxed copy, from the end of this statement.
  void storeRaw(const IrTarget& t, llvm::AllocaInst* raw, LV x) {
    auto after = after_.find(cur_stmt_);
    if (block_depth_ != 0 || after == after_.end() || cur_stmt_->targets.empty() ||
        cur_stmt_->targets[0].index != t.index)
      llvm::report_fatal_error("molt codegen: a raw int local written outside a plain assignment");
    BasicBlock* leave = newBlock("spec.leave");
    BasicBlock* ok = newBlock("spec.store");
    b_.CreateCondBr(smallOf(x), ok, leave, unlikely_);
    b_.SetInsertPoint(leave);
    syncRaw();
    b_.CreateStore(x.v, locals_[t.index]);  // takes the reference; the old value was a small int or None
    resumeBoxed(after->second);
    b_.SetInsertPoint(ok);
    storeRawWord(t.index, x);
  }
  // Leaving the speculative copy continues the boxed copy in the middle of
  // its loops. A direct branch there would enter those loops other than
  // through their headers: irreducible control flow, which wasm cannot
  // express (LLVM's fix-up for it took minutes on large functions). So the
  // exit stores the resume point's number in resume_ and enters the boxed
  // copy's outermost loop at its header, where a dispatch block (its
  // header's new first block) passes it on, loop by loop, to the point;
  // resume_ is 0 on every other path.
  struct ResumePoint {
    BasicBlock* target;
    std::vector<BasicBlock*> loops;  // headers of the boxed loops around it, outermost first
  };
  void enterBoxedLoop(BasicBlock* head) {
    if (record_ && block_depth_ == 0) boxed_loops_.push_back(head);
  }
  void leaveBoxedLoop() {
    if (record_ && block_depth_ == 0) boxed_loops_.pop_back();
  }
  uint32_t addResumePoint(BasicBlock* target) {
    resume_points_.push_back({target, boxed_loops_});
    return static_cast<uint32_t>(resume_points_.size());  // 0 means "not resuming"
  }
  void buildResumeDispatch() {
    llvm::IRBuilderBase::InsertPointGuard guard(b_);
    // A dispatch block in front of every header that has a point inside.
    for (const ResumePoint& p : resume_points_)
      for (BasicBlock* head : p.loops) {
        if (dispatch_.count(head)) continue;
        BasicBlock* d = newBlock("resume.dispatch");
        std::vector<BasicBlock*> preds(llvm::pred_begin(head), llvm::pred_end(head));
        for (BasicBlock* pred : preds) pred->getTerminator()->replaceSuccessorWith(head, d);
        b_.SetInsertPoint(d);
        // Volatile: were the stored numbers visible to LLVM, jump threading
        // would send each exit straight to its point again.
        dispatch_[head] = b_.CreateSwitch(b_.CreateLoad(i32_, resume_, /*isVolatile=*/true), head);
      }
    for (size_t k = 0; k < resume_points_.size(); ++k) {
      const ResumePoint& p = resume_points_[k];
      auto* id = b_.getInt32(static_cast<uint32_t>(k + 1));
      BasicBlock* land = newBlock("resume.land");
      b_.SetInsertPoint(land);
      b_.CreateStore(b_.getInt32(0), resume_);
      b_.CreateBr(p.target);
      for (size_t i = 0; i < p.loops.size(); ++i) {
        BasicBlock* next = i + 1 < p.loops.size() ? dispatch_[p.loops[i + 1]]->getParent() : land;
        dispatch_[p.loops[i]]->addCase(id, next);
      }
      landing_.push_back(p.loops.empty() ? land : dispatch_[p.loops[0]]->getParent());
    }
  }
  // Continues the boxed copy at resume point `id` (raw locals synced).
  void resumeBoxed(uint32_t id) {
    if (id == 0 || id > landing_.size()) llvm::report_fatal_error("molt codegen: unknown resume point");
    b_.CreateStore(b_.getInt32(id), resume_);
    b_.CreateBr(landing_[id - 1]);
  }

  void lowerRegion(const IrStmt* s, const IntRegion& r) {
    in_region_ = true;
    if (!resume_) {
      resume_ = entryAlloca(i32_);
      llvm::IRBuilder<> eb(fn_->getEntryBlock().getTerminator());
      eb.CreateStore(eb.getInt32(0), resume_);
    }
    BasicBlock* spec = newBlock("spec.enter");
    BasicBlock* boxed = newBlock("spec.boxed");
    BasicBlock* done = newBlock("spec.done");
    Value* ok = b_.getTrue();
    for (uint32_t i : r.locals) {
      Value* v = b_.CreateLoad(i64_, locals_[i]);
      ok = b_.CreateAnd(ok, b_.CreateOr(isSmall(v), b_.CreateICmpEQ(v, c64(MOLT_NONE))));
    }
    b_.CreateCondBr(ok, spec, boxed);
    // The boxed copy first: the speculative copy's exits branch into it.
    b_.SetInsertPoint(boxed);
    record_ = true;
    stmt(s);
    record_ = false;
    if (!terminated()) b_.CreateBr(done);
    buildResumeDispatch();
    b_.SetInsertPoint(spec);
    for (uint32_t i : r.locals) {
      raw_[i] = entryAlloca(i64_);
      raw_shifted_[i] = std::find(r.counters.begin(), r.counters.end(), i) == r.counters.end();
      storeRawWord(i, LV{b_.CreateLoad(i64_, locals_[i]), Repr::Int, false});
    }
    spec_ = true;
    spec_err_.clear();
    stmt(s);
    if (!terminated()) {
      syncRaw();
      b_.CreateBr(done);
    }
    spec_ = false;
    for (uint32_t i : r.locals) raw_[i] = nullptr;
    after_.clear();
    range_slots_.clear();
    resume_points_.clear();
    dispatch_.clear();
    landing_.clear();
    in_region_ = false;
    b_.SetInsertPoint(done);
  }

  void releaseLocals() {
    for (size_t i = 0; i < locals_.size(); ++i)
      if (refcounted(irf_->locals[i].repr) && !(i < borrowed_.size() && borrowed_[i]))
        decref(b_.CreateLoad(i64_, locals_[i]));
  }

  static bool callsUser(const IrExpr* e) {
    if (!e) return false;
    if (e->op == IrOp::CallUser || e->op == IrOp::Construct || e->op == IrOp::MakeFunc) return true;
    for (const IrExpr* a : e->args)
      if (callsUser(a)) return true;
    return callsUser(e->stmts);
  }
  static bool callsUser(const std::vector<IrStmt*>& body) {
    for (const IrStmt* st : body) {
      if (callsUser(st->value) || callsUser(st->body) || callsUser(st->orelse) || callsUser(st->finalbody))
        return true;
      for (const IrExpr* a : st->args)
        if (callsUser(a)) return true;
      for (const IrHandler& h : st->handlers)
        if (callsUser(h.body)) return true;
    }
    return false;
  }

  // Local slots written anywhere in the function (assignments, loop and
  // handler targets, cells). A parameter that is never written keeps the
  // caller's borrowed reference: no incref on entry, no decref on exit.
  static void markTarget(const IrTarget& t, std::vector<bool>& written) {
    if (!t.global && t.index < written.size()) written[t.index] = true;
  }
  static void markWritten(const IrExpr* e, std::vector<bool>& written) {
    if (!e) return;
    if (e->op == IrOp::CallRt && e->name == "$cellify" && !e->imms.empty()) {
      auto k = static_cast<size_t>(e->imms[0]);
      if (k < written.size()) written[k] = true;
    }
    for (const IrExpr* a : e->args) markWritten(a, written);
    for (const IrStmt* st : e->stmts) markWritten(st, written);
  }
  static void markWritten(const IrStmt* s, std::vector<bool>& written) {
    for (const IrTarget& t : s->targets) markTarget(t, written);
    markWritten(s->value, written);
    for (const IrExpr* a : s->args) markWritten(a, written);
    for (const IrStmt* st : s->body) markWritten(st, written);
    for (const IrStmt* st : s->orelse) markWritten(st, written);
    for (const IrStmt* st : s->finalbody) markWritten(st, written);
    for (const IrHandler& h : s->handlers) {
      if (h.has_target) markTarget(h.target, written);
      for (const IrStmt* st : h.body) markWritten(st, written);
    }
  }

  // ------------------------------------------------------------ functions
  void lowerFunction(const IrFunction& f, Function* fn) {
    fn_ = fn;
    irf_ = &f;
    loops_.clear();
    regions_ = findIntRegions(f, always_inline_);
    region_of_.clear();
    for (const IntRegion& r : regions_) region_of_[r.loop] = &r;
    raw_.assign(f.locals.size(), nullptr);
    raw_shifted_.assign(f.locals.size(), false);
    resume_ = nullptr;
    BasicBlock* entry = BasicBlock::Create(ctx_, "entry", fn);
    b_.SetInsertPoint(entry);
    locals_.clear();
    std::vector<bool> written(f.locals.size(), false);
    for (const IrStmt* st : f.body) markWritten(st, written);
    borrowed_.assign(f.locals.size(), false);
    for (size_t i = 0; i < f.n_params && i < f.locals.size(); ++i) borrowed_[i] = !written[i];
    for (size_t i = 0; i < f.locals.size(); ++i) locals_.push_back(b_.CreateAlloca(typeOf(f.locals[i].repr)));
    for (size_t i = 0; i < f.locals.size(); ++i) {
      if (i < f.n_params) {
        Value* p = fn->getArg(static_cast<unsigned>(i));
        b_.CreateStore(p, locals_[i]);
        if (refcounted(f.locals[i].repr) && !borrowed_[i]) incref(p);
      } else {
        b_.CreateStore(zeroOf(f.locals[i].repr), locals_[i]);
      }
    }
    err_bb_ = BasicBlock::Create(ctx_, "error", fn);
    line_slot_ = b_.CreateAlloca(i32_);
    frame_name_ = frameName(f.name);
    err_line_bb_ = nullptr;
    cur_line_ = f.body.empty() ? 0 : lineOf(f.body.front()->range.begin);
    b_.CreateStore(b_.getInt32(cur_line_), line_slot_);
    // Recursion guard: CPython's default limit of 1000 frames, counted by
    // the depth argument (callDirect), RecursionError past it.
    Value* depth = fn->getArg(static_cast<unsigned>(f.n_params));
    depth_val_ = depth;
    b_.CreateStore(depth, depthGlobal());
    BasicBlock* too_deep = newBlock("recursion.error");
    BasicBlock* body = newBlock("body");
    b_.CreateCondBr(b_.CreateICmpSGT(depth, b_.getInt32(kRecursionLimit)), too_deep, body, unlikely_);
    b_.SetInsertPoint(too_deep);
    // CPython raises RecursionError at the call, before the new frame runs:
    // line -1 keeps this frame out of the traceback (molt_tb_add).
    b_.CreateStore(b_.getInt32(-1), line_slot_);
    b_.CreateCall(rtFn("molt_err_format", i64_, {i32_, ptr_}),
                  {b_.getInt32(MOLT_EXC_RECURSION_ERROR), cstring("maximum recursion depth exceeded", "molt.recursion.msg")});
    b_.CreateBr(err_bb_);
    b_.SetInsertPoint(body);
    block(f.body);
    if (!terminated()) {
      releaseLocals();
      b_.CreateRet(c64(MOLT_NONE));
    }
    b_.SetInsertPoint(err_bb_);
    addTraceback();
    releaseLocals();
    b_.CreateRet(c64(MOLT_NULL));
    line_slot_ = nullptr;
    region_of_.clear();
  }

  // sys.argv = [argv[0], ..., argv[argc-1]] (argv[0] is the program as run).
  void buildArgv(Function* main) {
    Value* argc = b_.CreateSExt(main->getArg(0), i64_);
    Value* list = b_.CreateCall(rtFn("molt_list_new", i64_, {i64_}), {argc});
    checkNull(list);
    llvm::AllocaInst* i = entryAlloca(i64_);
    b_.CreateStore(c64(0), i);
    BasicBlock* head = newBlock("argv.head");
    BasicBlock* body = newBlock("argv.body");
    BasicBlock* done = newBlock("argv.done");
    b_.CreateBr(head);
    b_.SetInsertPoint(head);
    Value* iv = b_.CreateLoad(i64_, i);
    b_.CreateCondBr(b_.CreateICmpSLT(iv, argc), body, done);
    b_.SetInsertPoint(body);
    Value* arg = b_.CreateLoad(ptr_, b_.CreateInBoundsGEP(ptr_, main->getArg(1), iv));
    Value* str = b_.CreateCall(rtFn("molt_str_from_cstr", i64_, {ptr_}), {arg});
    checkNull(str);
    Value* r = b_.CreateCall(rtFn("molt_list_append_steal", i32_, {i64_, i64_}), {list, str});
    checkFail(b_.CreateICmpSLT(r, b_.getInt32(0)));
    b_.CreateStore(b_.CreateAdd(iv, c64(1)), i);
    b_.CreateBr(head);
    b_.SetInsertPoint(done);
    b_.CreateStore(list, globals_[static_cast<size_t>(ir_.argv_global)]);
  }

  static constexpr int kRecursionLimit = 999;  // CPython 3.11: <module> + 999 frames = 1000
  llvm::GlobalVariable* depthGlobal() {
    if (!depth_)
      depth_ = new llvm::GlobalVariable(*mod_, i32_, false, llvm::GlobalValue::InternalLinkage, b_.getInt32(0),
                                        "molt.call.depth");
    return depth_;
  }
  // A call of a compiled function passes the callee its depth (the caller's
  // plus one) as a trailing i32 argument. The global `molt.call.depth` only
  // tells wrappers (the runtime calling compiled code: function values,
  // exports) the depth of the compiled frame that called into the runtime:
  // each frame stores its depth on entry and again after each direct call
  // (the callee stored its own). The counter used to be incremented and
  // decremented in memory around every call: a load-store chain through one
  // address that was 40% of fib(30).
  Value* callDirect(Function* callee, std::vector<Value*> vals) {
    vals.push_back(b_.CreateAdd(depth_val_, b_.getInt32(1)));
    Value* r = b_.CreateCall(callee, vals);
    b_.CreateStore(depth_val_, depthGlobal());
    return r;
  }

  void lowerMain() {
    Function* fn = Function::Create(FunctionType::get(i32_, {i32_, ptr_}, false), Function::ExternalLinkage,
                                    "main", *mod_);
    fn_ = fn;
    irf_ = &ir_.main;
    loops_.clear();
    locals_.clear();
    borrowed_.clear();
    b_.SetInsertPoint(BasicBlock::Create(ctx_, "entry", fn));
    depth_val_ = b_.getInt32(0);  // <module>
    b_.CreateCall(rtFn("molt_runtime_init", b_.getVoidTy(), {i32_, ptr_}), {fn->getArg(0), fn->getArg(1)});
    const std::string& shown = ir_.traceback_path.empty() ? ir_.source_name : ir_.traceback_path;
    b_.CreateCall(rtFn("molt_tb_set_file", b_.getVoidTy(), {ptr_}), {cstring(shown, "molt.source.path")});
    Function* finish = rtFn("molt_runtime_finish", i32_, {});
    err_bb_ = BasicBlock::Create(ctx_, "error", fn);
    line_slot_ = b_.CreateAlloca(i32_);
    frame_name_ = "<module>";
    err_line_bb_ = nullptr;
    cur_line_ = 0;
    b_.CreateStore(b_.getInt32(0), line_slot_);
    registerClasses();
    Function* immortal = rtFn("molt_immortalize", b_.getVoidTy(), {i64_});
    for (size_t i = 0; i < ir_.constants.size(); ++i) {
      const IrConstant& c = ir_.constants[i];
      Value* v;
      if (c.is_str) {
        llvm::Constant* data = llvm::ConstantDataArray::getString(ctx_, c.text, true);
        auto* gv = new llvm::GlobalVariable(*mod_, data->getType(), true, llvm::GlobalValue::PrivateLinkage, data,
                                            "molt.str." + std::to_string(i));
        gv->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
        v = b_.CreateCall(rtFn("molt_str_from_utf8", i64_, {ptr_, i64_}), {gv, c64(c.text.size())});
      } else {
        v = b_.CreateCall(rtFn("molt_int_from_cstr", i64_, {ptr_, i32_}),
                          {b_.CreateGlobalStringPtr(c.text), b_.getInt32(10)});
      }
      checkNull(v);
      b_.CreateCall(immortal, {v});
      b_.CreateStore(v, consts_[i]);
    }
    if (ir_.argv_global >= 0) buildArgv(fn);
    block(ir_.main.body);
    if (!terminated()) b_.CreateRet(b_.CreateCall(finish, {}));
    b_.SetInsertPoint(err_bb_);
    addTraceback();
    b_.CreateRet(b_.CreateCall(finish, {}));
    line_slot_ = nullptr;
  }

  const IrModule& ir_;
  llvm::LLVMContext& ctx_;
  std::unique_ptr<llvm::Module> mod_;
  llvm::IRBuilder<> b_;
  bool native_mul_overflow_;  // the target multiplies 64 bits with an overflow flag (not wasm32)
  Type *i64_, *i32_, *i1_, *f64_;
  llvm::PointerType* ptr_;
  llvm::MDNode* unlikely_;
  std::vector<llvm::GlobalVariable*> consts_, globals_;
  std::vector<llvm::GlobalVariable*> bound_;  // by global: "assigned yet" flag of an unboxed module variable
  std::vector<Function*> funcs_;
  std::vector<Function*> wrappers_;  // MoltFnPtr wrapper of each lambda (nullptr for other functions)
  std::vector<llvm::GlobalVariable*> class_desc_, class_id_, exc_id_;
  llvm::StructType* desc_ty_ = nullptr;
  llvm::GlobalVariable* depth_ = nullptr;
  Value* depth_val_ = nullptr;  // the current frame's depth (an argument; 0 in main)
  Function* fn_ = nullptr;
  const IrFunction* irf_ = nullptr;
  std::vector<llvm::AllocaInst*> locals_;
  std::vector<bool> borrowed_;  // per local: a parameter that keeps the caller's reference (never written)
  BasicBlock* err_bb_ = nullptr;
  llvm::AllocaInst* line_slot_ = nullptr;  // the current function's failing line (addTraceback)
  std::string frame_name_;                   // the name its traceback entries show
  int32_t cur_line_ = 0;                    // line of the statement being lowered
  BasicBlock* err_line_bb_ = nullptr;       // errTarget()'s cache: block, its target and line
  BasicBlock* err_line_target_ = nullptr;
  int32_t err_line_ = 0;
  std::vector<Loop> loops_;
  int handlers_active_ = 0;
  const IrExpr* item_get_ = nullptr;  // augmentedItemSet: the get inside the value, which reads item_
  LV item_;
  std::vector<Value*> handler_exc_;  // per active handler: its exception (owned; released on leaving)
  Function* incref_fn_ = nullptr;
  Function* decref_fn_ = nullptr;
  Function* to_f64_ = nullptr;
  Function* neg_fn_ = nullptr;
  Function* int_bin_[16] = {};
  // Int regions (int_regions.h) of the function being lowered.
  std::vector<bool> always_inline_;  // by function: inlined at every call (small leaf bodies)
  std::vector<IntRegion> regions_;
  std::map<const IrStmt*, const IntRegion*> region_of_;
  bool in_region_ = false;  // lowering either copy of a region
  bool record_ = false;     // lowering the boxed copy
  bool spec_ = false;       // lowering the speculative copy (raw_ holds the raw slots)
  int block_depth_ = 0;     // inside a Block expression (comprehension): no region exits there
  const IrStmt* cur_stmt_ = nullptr;
  std::vector<llvm::AllocaInst*> raw_;
  std::vector<bool> raw_shifted_;  // per raw slot: holds the int shifted (loadRaw)
  std::map<const IrStmt*, uint32_t> after_;  // the boxed copy's resume point after each statement
  std::vector<ResumePoint> resume_points_;
  std::vector<BasicBlock*> boxed_loops_;               // while lowering the boxed copy
  std::map<BasicBlock*, llvm::SwitchInst*> dispatch_;  // by boxed loop header
  std::vector<BasicBlock*> landing_;                   // by resume point - 1: where its exits branch
  llvm::AllocaInst* resume_ = nullptr;
  std::map<const IrStmt*, RangeSlots> range_slots_;
  std::map<BasicBlock*, BasicBlock*> spec_err_;
};

}  // namespace

std::unique_ptr<llvm::Module> lower(const IrModule& ir, llvm::LLVMContext& ctx, bool wasm32) {
  Lowerer l(ir, ctx, wasm32);
  return l.run();
}

}  // namespace molt::codegen
