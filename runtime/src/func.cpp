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
      return molt_int_from_str(a, base);
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

// ---- builtins as function objects ------------------------------------------------

namespace {
V b_len(V, const V *a, int64_t) { return molt_len_value(a[0]); }
V b_abs(V, const V *a, int64_t) { return molt_abs(a[0]); }
V b_repr(V, const V *a, int64_t) { return molt_repr(a[0]); }
V b_ord(V, const V *a, int64_t) { return molt_ord(a[0]); }
V b_chr(V, const V *a, int64_t) { return molt_chr(a[0]); }
V b_sum(V, const V *a, int64_t n) { return molt_sum(a[0], n > 1 ? a[1] : MOLT_NONE); }
V b_min(V, const V *a, int64_t n) { return molt_min(a, n, MOLT_NONE, MOLT_NULL); }
V b_max(V, const V *a, int64_t n) { return molt_max(a, n, MOLT_NONE, MOLT_NULL); }
V b_sorted(V, const V *a, int64_t) { return molt_sorted(a[0], MOLT_NONE, 0); }
V b_hash(V, const V *a, int64_t) { return molt_hash_value(a[0]); }
V b_round(V, const V *a, int64_t n) { return molt_round(a[0], n > 1 ? a[1] : MOLT_NONE); }
V b_bin(V, const V *a, int64_t) { return molt_bin(a[0]); }
V b_hex(V, const V *a, int64_t) { return molt_hex(a[0]); }
V b_oct(V, const V *a, int64_t) { return molt_oct(a[0]); }
V b_any(V, const V *a, int64_t) { return molt_any(a[0]); }
V b_all(V, const V *a, int64_t) { return molt_all(a[0]); }
V b_iter(V, const V *a, int64_t) { return molt_iter(a[0]); }
V b_next(V, const V *a, int64_t n) { return molt_next(a[0], n > 1 ? a[1] : MOLT_NULL); }
V b_reversed(V, const V *a, int64_t) { return molt_reversed(a[0]); }
V b_enumerate(V, const V *a, int64_t n) { return molt_enumerate(a[0], n > 1 ? a[1] : MOLT_NONE); }
struct BuiltinFn {
  const char *name;
  MoltFnPtr fn;
  int32_t arity; // -1: variadic (checked by the wrapper)
  uint32_t type; // nonzero: the builtin is a type object
};
const BuiltinFn kBuiltins[] = {
    {"len", b_len, 1, 0},         {"abs", b_abs, 1, 0},       {"repr", b_repr, 1, 0},
    {"ord", b_ord, 1, 0},         {"chr", b_chr, 1, 0},       {"sum", b_sum, -1, 0},
    {"min", b_min, -1, 0},        {"max", b_max, -1, 0},      {"sorted", b_sorted, 1, 0},
    {"hash", b_hash, 1, 0},       {"round", b_round, -1, 0},  {"bin", b_bin, 1, 0},
    {"hex", b_hex, 1, 0},         {"oct", b_oct, 1, 0},       {"any", b_any, 1, 0},
    {"all", b_all, 1, 0},         {"iter", b_iter, 1, 0},     {"next", b_next, -1, 0},
    {"reversed", b_reversed, 1, 0}, {"enumerate", b_enumerate, -1, 0},
    {"str", nullptr, 0, MOLT_TYPE_STR},     {"int", nullptr, 0, MOLT_TYPE_INT},
    {"float", nullptr, 0, MOLT_TYPE_FLOAT}, {"bool", nullptr, 0, MOLT_TYPE_BOOL},
    {"list", nullptr, 0, MOLT_TYPE_LIST},   {"tuple", nullptr, 0, MOLT_TYPE_TUPLE},
    {"set", nullptr, 0, MOLT_TYPE_SET},     {"dict", nullptr, 0, MOLT_TYPE_DICT},
};
} // namespace

extern "C" MoltValue molt_builtin_function(const char *name) {
  for (const BuiltinFn &b : kBuiltins) {
    if (strcmp(b.name, name) != 0) continue;
    if (b.type) return molt_type_object(b.type);
    V f = molt_func_new(b.fn, b.name, b.arity, 0);
    // variadic builtins still need at least one argument
    if (b.arity < 0) AS(Func, f)->arity = -1;
    return f;
  }
  return err_fmt(MOLT_EXC_NAME_ERROR, "name '%s' is not defined", name);
}

extern "C" int molt_unpack(MoltValue seq, int64_t n, MoltValue *out) {
  const V *items = nullptr;
  int64_t len = -1;
  V tmp = MOLT_NULL;
  if (is_list(seq)) {
    items = LIST(seq)->items;
    len = LIST(seq)->len;
  } else if (is_tuple(seq)) {
    items = TUPLE(seq)->items;
    len = TUPLE(seq)->len;
  } else {
    V it = molt_iter(seq);
    if (it == MOLT_NULL) {
      if (molt_err_matches(MOLT_EXC_TYPE_ERROR)) {
        molt_err_clear();
        err_fmt(MOLT_EXC_TYPE_ERROR, "cannot unpack non-iterable %s object", tname(seq));
      }
      return -1;
    }
    // take at most n + 1 items (CPython stops after detecting "too many")
    tmp = list_new(n + 1);
    while (LIST(tmp)->len <= n) {
      V x = molt_iter_next(it);
      if (x == MOLT_STOP) break;
      if (x == MOLT_NULL) {
        decref(it);
        decref(tmp);
        return -1;
      }
      list_append_steal(tmp, x);
    }
    decref(it);
    items = LIST(tmp)->items;
    len = LIST(tmp)->len;
  }
  int rc = 0;
  if (len < n) {
    err_fmt(MOLT_EXC_VALUE_ERROR, "not enough values to unpack (expected %lld, got %lld)", (long long)n, (long long)len);
    rc = -1;
  } else if (len > n) {
    err_fmt(MOLT_EXC_VALUE_ERROR, "too many values to unpack (expected %lld)", (long long)n);
    rc = -1;
  } else {
    for (int64_t i = 0; i < n; i++) out[i] = incref(items[i]);
  }
  xdecref(tmp);
  return rc;
}

// Immortal objects are remembered as raw pointers so leak checkers see them
// as reachable (a NaN-boxed word does not look like a pointer).
static MoltObject **g_immortal = nullptr;
static int64_t g_nimmortal = 0, g_capimmortal = 0;

extern "C" void molt_immortalize(MoltValue v) {
  if (!molt_is_ptr(v) || OBJ(v)->rc >= MOLT_IMMORTAL_REFCNT) return;
  if (g_nimmortal == g_capimmortal) {
    g_capimmortal = g_capimmortal ? g_capimmortal * 2 : 64;
    g_immortal = (MoltObject **)molt_xrealloc(g_immortal, sizeof(MoltObject *) * (size_t)g_capimmortal);
  }
  g_immortal[g_nimmortal++] = OBJ(v);
  OBJ(v)->rc = MOLT_IMMORTAL_REFCNT;
  if (is_tuple(v)) // constant tuples: their items become immortal too
    for (int64_t i = 0; i < TUPLE(v)->len; i++) molt_immortalize(TUPLE(v)->items[i]);
}

V call_hook(MoltFnPtr fn, V self, V other) {
  V args[2] = {self, other};
  if (molt_enter_call() < 0) return MOLT_NULL;
  V r = fn(MOLT_NONE, args, other == MOLT_NULL ? 1 : 2);
  molt_leave_call();
  return r;
}
