// func.cpp - function objects (closures with capture slots), bound methods,
// and molt_call, the generic call used by map/filter/sorted(key=...) and by
// compiled code calling first-class functions.
#include "internal.h"

extern "C" MoltValue molt_func_new(MoltFnPtr fn, const char *name, int32_t arity, int32_t ncap) {
  if (ncap < 0) ncap = 0;
  Func *f = (Func *)molt_alloc_object(offsetof(Func, caps) + sizeof(V) * (size_t)(ncap > 0 ? ncap : 1),
                                      MOLT_TYPE_FUNCTION);
  f->fn = fn;
  f->name = molt_str_from_cstr(name ? name : "<lambda>");
  f->arity = arity;
  f->ncap = ncap;
  for (int32_t i = 0; i < ncap; i++) f->caps[i] = MOLT_NONE;
  return BOX(f);
}

extern "C" MoltValue molt_func_capture(MoltValue fv, int32_t i) {
  if (!is_type(fv, MOLT_TYPE_FUNCTION) || i < 0 || i >= AS(Func, fv)->ncap)
    return err_fmt(MOLT_EXC_INDEX_ERROR, "closure capture index out of range");
  return AS(Func, fv)->caps[i];
}

extern "C" int molt_func_set_capture(MoltValue fv, int32_t i, MoltValue v) {
  if (!is_type(fv, MOLT_TYPE_FUNCTION) || i < 0 || i >= AS(Func, fv)->ncap) {
    err_fmt(MOLT_EXC_INDEX_ERROR, "closure capture index out of range");
    return -1;
  }
  Func *f = AS(Func, fv);
  V old = f->caps[i];
  f->caps[i] = incref(v);
  decref(old);
  return 0;
}

extern "C" MoltValue molt_bound_method_new(MoltValue func, MoltValue self) {
  BoundMethod *m = (BoundMethod *)molt_alloc_object(sizeof(BoundMethod), MOLT_TYPE_BOUND_METHOD);
  m->func = incref(func);
  m->self = incref(self);
  return BOX(m);
}

static V call_type(uint32_t id, const V *args, int64_t n) {
  V a = n > 0 ? args[0] : MOLT_NONE;
  if (molt_type_is_subtype(id, MOLT_EXC_BASE_EXCEPTION)) {
    V t = molt_tuple_from_array(args, n);
    V e = molt_exc_new(id, t);
    decref(t);
    return e;
  }
  if (n > 1 && id != MOLT_TYPE_INT && id != MOLT_TYPE_RANGE)
    return err_fmt(MOLT_EXC_TYPE_ERROR, "%s expected at most 1 argument, got %lld", molt_type_name(id), (long long)n);
  switch (id) {
  case MOLT_TYPE_INT:
    if (n == 2) {
      int64_t base;
      if (!int_fits_i64(args[1], &base)) return err_fmt(MOLT_EXC_VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0");
      if (!is_str(a)) return err_fmt(MOLT_EXC_TYPE_ERROR, "int() can't convert non-string with explicit base");
      return molt_int_from_str(a, (int)base);
    }
    return molt_int(a);
  case MOLT_TYPE_FLOAT: return molt_float(a);
  case MOLT_TYPE_STR: return n ? molt_str_of(a) : str_empty();
  case MOLT_TYPE_BOOL: return molt_bool(a);
  case MOLT_TYPE_LIST: return molt_list(a);
  case MOLT_TYPE_TUPLE: return molt_tuple(a);
  case MOLT_TYPE_SET: return molt_set(a);
  case MOLT_TYPE_DICT: return molt_dict(a);
  case MOLT_TYPE_RANGE:
    return molt_range_new(args[0], n > 1 ? args[1] : MOLT_NONE, n > 2 ? args[2] : MOLT_NONE);
  default: return err_fmt(MOLT_EXC_TYPE_ERROR, "cannot create '%s' instances", molt_type_name(id));
  }
}

V call_fn(V f, const V *args, int64_t n) {
  if (molt_is_ptr(f)) {
    switch (obj_type(f)) {
    case MOLT_TYPE_FUNCTION: {
      Func *fn = AS(Func, f);
      if (fn->arity >= 0 && fn->arity != n)
        return err_fmt(MOLT_EXC_TYPE_ERROR, "%s() takes %d positional argument%s but %lld %s given",
                       STR(fn->name)->data, fn->arity, fn->arity == 1 ? "" : "s", (long long)n,
                       n == 1 ? "was" : "were");
      if (molt_enter_call() < 0) return MOLT_NULL;
      V r = fn->fn(f, args, n);
      molt_leave_call();
      MOLT_ASSERT(r != MOLT_NULL || molt_err_occurred(), "function returned NULL without an exception");
      return r;
    }
    case MOLT_TYPE_BOUND_METHOD: {
      BoundMethod *m = AS(BoundMethod, f);
      V small[8];
      V *argv = n + 1 <= 8 ? small : (V *)molt_xmalloc(sizeof(V) * (size_t)(n + 1));
      argv[0] = m->self;
      for (int64_t i = 0; i < n; i++) argv[i + 1] = args[i];
      V r = call_fn(m->func, argv, n + 1);
      if (argv != small) free(argv);
      return r;
    }
    case MOLT_TYPE_TYPE: return call_type(AS(TypeObj, f)->id, args, n);
    default: break;
    }
  }
  return err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object is not callable", tname(f));
}

extern "C" MoltValue molt_call(MoltValue f, const MoltValue *args, int64_t nargs) { return call_fn(f, args, nargs); }
