// number.cpp - generic binary/unary operators (molt_add, molt_mul, ...).
//
// Dispatches on the operand types: int/bool (bigint.cpp), float (here,
// CPython's float_floor_div/float_rem rules), and the sequence operators
// (str/list/tuple concatenation and repetition). Error messages match
// CPython 3.11 exactly.
#include <errno.h>
#include <math.h>

#include "internal.h"

bool to_double(V v, double *out) {
  if (molt_is_double(v)) {
    *out = molt_unbox_double(v);
    return true;
  }
  bool ov;
  *out = int_to_double(v, &ov);
  if (ov) {
    err_fmt(MOLT_EXC_OVERFLOW_ERROR, "int too large to convert to float");
    return false;
  }
  return true;
}

static inline bool is_num(V v) { return molt_is_double(v) || is_intlike(v); }

static V concat_err(V a, V b) {
  return err_fmt(MOLT_EXC_TYPE_ERROR, "can only concatenate %s (not \"%s\") to %s", tname(a), tname(b), tname(a));
}

static V seq_concat(V a, V b) {
  if (is_str(a)) return is_str(b) ? str_add(a, b) : concat_err(a, b);
  if (is_list(a)) {
    if (!is_list(b)) return concat_err(a, b);
    List *x = LIST(a), *y = LIST(b);
    V r = list_new(x->len + y->len);
    for (int64_t i = 0; i < x->len; i++) list_append_steal(r, incref(x->items[i]));
    for (int64_t i = 0; i < y->len; i++) list_append_steal(r, incref(y->items[i]));
    return r;
  }
  if (is_tuple(a)) {
    if (!is_tuple(b)) return concat_err(a, b);
    Tuple *x = TUPLE(a), *y = TUPLE(b);
    V r = tuple_new(x->len + y->len);
    for (int64_t i = 0; i < x->len; i++) TUPLE(r)->items[i] = incref(x->items[i]);
    for (int64_t i = 0; i < y->len; i++) TUPLE(r)->items[x->len + i] = incref(y->items[i]);
    return r;
  }
  if (is_type(a, MOLT_TYPE_BYTES) && is_type(b, MOLT_TYPE_BYTES)) {
    Bytes *x = AS(Bytes, a), *y = AS(Bytes, b);
    uint8_t *tmp = (uint8_t *)molt_xmalloc((size_t)(x->n + y->n));
    memcpy(tmp, x->data, (size_t)x->n);
    memcpy(tmp + x->n, y->data, (size_t)y->n);
    V r = molt_bytes_from(tmp, x->n + y->n);
    free(tmp);
    return r;
  }
  return MOLT_STOP; // not a sequence
}

// The count of `seq * n` / `seq *= n`; false (OverflowError set) past 64 bits.
static bool repeat_count(V n, int64_t *k) {
  if (int_fits_i64(n, k)) return true;
  err_fmt(MOLT_EXC_OVERFLOW_ERROR, "cannot fit 'int' into an index-sized integer");
  return false;
}

static V seq_repeat(V seq, V n) {
  int64_t k;
  if (!repeat_count(n, &k)) return MOLT_NULL;
  if (k < 0) k = 0;
  if (is_str(seq)) return str_mul(seq, k);
  if (is_list(seq) || is_tuple(seq)) {
    bool l = is_list(seq);
    int64_t len = l ? LIST(seq)->len : TUPLE(seq)->len;
    V *items = l ? LIST(seq)->items : TUPLE(seq)->items;
    if (repeat_too_big(len, k)) return err_no_memory();
    if (l) {
      V r = list_new(len * k); // capacity len * k: filled in place
      V *dst = LIST(r)->items;
      if (!holds_object(items, len)) { // `[False] * n`, `[0] * n`: no refcounts, a plain fill
        if (len == 1) {
          // (count and v are copies: k's address was taken, so through it
          // the loop would reload the count after every store, unvectorized.)
          const int64_t count = k;
          const V v = items[0];
          for (int64_t j = 0; j < count; j++) dst[j] = v;
        } else {
          for (int64_t j = 0; j < k; j++) memcpy(dst + j * len, items, sizeof(V) * (size_t)len);
        }
        LIST(r)->len = len * k;
        return r;
      }
      for (int64_t j = 0; j < k; j++)
        for (int64_t i = 0; i < len; i++) dst[j * len + i] = incref(items[i]);
      LIST(r)->len = len * k;
      return r;
    }
    V r = tuple_new(len * k);
    for (int64_t j = 0; j < k; j++)
      for (int64_t i = 0; i < len; i++) TUPLE(r)->items[j * len + i] = incref(items[i]);
    return r;
  }
  return MOLT_STOP;
}

static bool is_seq(V v) { return is_str(v) || is_list(v) || is_tuple(v) || is_type(v, MOLT_TYPE_BYTES); }

// dict.keys()/items() views support the set operators: compute on set(view).
static bool is_setlike_view(V v) { return is_type(v, MOLT_TYPE_DICT_VIEW) && AS(DictView, v)->kind != VIEW_VALUES; }
static V view_setop(V a, V b, MoltValue (*op)(MoltValue, MoltValue)) {
  V sa = molt_set(a);
  if (sa == MOLT_NULL) return MOLT_NULL;
  V sb = is_set(b) ? incref(b) : molt_set(b);
  if (sb == MOLT_NULL) {
    decref(sa);
    return MOLT_NULL;
  }
  V r = op(sa, sb);
  decref(sa);
  decref(sb);
  return r;
}
#define VIEW_SETOP(a, b, op)                                                                                       \
  if (is_setlike_view(a) || (is_set(a) && is_setlike_view(b))) return view_setop(a, b, op);                       \
  if (is_setlike_view(b) && !is_intlike(a)) return view_setop(b, a, op)

extern "C" MoltValue molt_add(MoltValue a, MoltValue b) {
  if (__builtin_expect(molt_is_smallint(a) && molt_is_smallint(b), 1)) {
    int64_t r = molt_unbox_smallint(a) + molt_unbox_smallint(b); // cannot overflow int64
    if (__builtin_expect(molt_fits_smallint(r), 1)) return molt_box_smallint(r);
    return int_from_i64(r);
  }
  if (molt_is_double(a) && molt_is_double(b)) return molt_box_double(molt_unbox_double(a) + molt_unbox_double(b));
  if (is_intlike(a) && is_intlike(b)) return int_add(a, b);
  if (is_num(a) && is_num(b)) {
    double x, y;
    if (!to_double(a, &x) || !to_double(b, &y)) return MOLT_NULL;
    return molt_box_double(x + y);
  }
  V r = seq_concat(a, b);
  if (r != MOLT_STOP) return r;
  return err_type_unsupported("+", a, b);
}

extern "C" MoltValue molt_iadd(MoltValue a, MoltValue b) {
  if (is_list(a)) {
    if (molt_list_extend(a, b) < 0) return MOLT_NULL;
    return incref(a);
  }
  return molt_add(a, b);
}

extern "C" MoltValue molt_iadd_steal(MoltValue a, MoltValue b) {
  if (is_str(a) && is_str(b) && a != b && OBJ(a)->rc == 1 && STR(b)->nbytes > 0) return str_iadd_steal(a, b);
  if (is_list(a)) {
    if (molt_list_extend(a, b) < 0) {
      decref(a);
      return MOLT_NULL;
    }
    return a;
  }
  V r = molt_add(a, b);
  decref(a);
  return r;
}

extern "C" MoltValue molt_imul(MoltValue a, MoltValue b) {
  if (is_list(a) && is_intlike(b)) {
    int64_t k;
    if (!repeat_count(b, &k)) return MOLT_NULL;
    if (list_inplace_repeat(a, k) < 0) return MOLT_NULL;
    return incref(a);
  }
  return molt_mul(a, b);
}
extern "C" MoltValue molt_ior(MoltValue a, MoltValue b) {
  if (is_set(a) && is_set(b)) {
    if (molt_set_update(a, b) < 0) return MOLT_NULL;
    return incref(a);
  }
  if (is_dict(a) && is_dict(b)) {
    if (molt_dict_update(a, b) < 0) return MOLT_NULL;
    return incref(a);
  }
  return molt_or(a, b);
}
extern "C" MoltValue molt_isub(MoltValue a, MoltValue b) {
  if (is_set(a) && is_set(b)) return set_isub(a, b) < 0 ? MOLT_NULL : incref(a);
  return molt_sub(a, b);
}
extern "C" MoltValue molt_iand(MoltValue a, MoltValue b) {
  if (is_set(a) && is_set(b)) return set_iand(a, b) < 0 ? MOLT_NULL : incref(a);
  return molt_and(a, b);
}
extern "C" MoltValue molt_ixor(MoltValue a, MoltValue b) {
  if (is_set(a) && is_set(b)) return set_ixor(a, b) < 0 ? MOLT_NULL : incref(a);
  return molt_xor(a, b);
}

extern "C" MoltValue molt_sub(MoltValue a, MoltValue b) {
  if (__builtin_expect(molt_is_smallint(a) && molt_is_smallint(b), 1)) {
    int64_t r = molt_unbox_smallint(a) - molt_unbox_smallint(b);
    if (__builtin_expect(molt_fits_smallint(r), 1)) return molt_box_smallint(r);
    return int_from_i64(r);
  }
  if (is_intlike(a) && is_intlike(b)) return int_sub(a, b);
  if (is_num(a) && is_num(b)) {
    double x, y;
    if (!to_double(a, &x) || !to_double(b, &y)) return MOLT_NULL;
    return molt_box_double(x - y);
  }
  if (is_set(a) && is_set(b)) return molt_set_difference(a, b);
  if (is_setlike_view(a) || (is_set(a) && is_setlike_view(b))) return view_setop(a, b, molt_set_difference);
  return err_type_unsupported("-", a, b);
}

extern "C" MoltValue molt_mul(MoltValue a, MoltValue b) {
  if (is_intlike(a) && is_intlike(b)) return int_mul(a, b);
  if (is_num(a) && is_num(b)) {
    double x, y;
    if (!to_double(a, &x) || !to_double(b, &y)) return MOLT_NULL;
    return molt_box_double(x * y);
  }
  if (is_seq(a)) {
    if (!is_intlike(b)) return err_fmt(MOLT_EXC_TYPE_ERROR, "can't multiply sequence by non-int of type '%s'", tname(b));
    return seq_repeat(a, b);
  }
  if (is_seq(b)) {
    if (!is_intlike(a)) return err_fmt(MOLT_EXC_TYPE_ERROR, "can't multiply sequence by non-int of type '%s'", tname(a));
    return seq_repeat(b, a);
  }
  return err_type_unsupported("*", a, b);
}

extern "C" MoltValue molt_truediv(MoltValue a, MoltValue b) {
  if (is_intlike(a) && is_intlike(b)) return int_truediv(a, b);
  if (is_num(a) && is_num(b)) {
    double x, y;
    if (!to_double(a, &x) || !to_double(b, &y)) return MOLT_NULL;
    if (y == 0) return err_fmt(MOLT_EXC_ZERO_DIVISION_ERROR, "float division by zero");
    return molt_box_double(x / y);
  }
  return err_type_unsupported("/", a, b);
}

// CPython float_divmod
static void float_divmod(double vx, double wx, double *floordiv, double *mod) {
  double m = fmod(vx, wx);
  double div = (vx - m) / wx;
  if (m) {
    if ((wx < 0) != (m < 0)) {
      m += wx;
      div -= 1.0;
    }
  } else {
    m = copysign(0.0, wx);
  }
  double fd;
  if (div) {
    fd = floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *mod = m;
}

extern "C" MoltValue molt_floordiv(MoltValue a, MoltValue b) {
  if (is_intlike(a) && is_intlike(b)) return int_floordiv(a, b);
  if (is_num(a) && is_num(b)) {
    double x, y, q, m;
    if (!to_double(a, &x) || !to_double(b, &y)) return MOLT_NULL;
    if (y == 0) return err_fmt(MOLT_EXC_ZERO_DIVISION_ERROR, "float floor division by zero");
    float_divmod(x, y, &q, &m);
    return molt_box_double(q);
  }
  return err_type_unsupported("//", a, b);
}

extern "C" MoltValue molt_mod(MoltValue a, MoltValue b) {
  if (is_intlike(a) && is_intlike(b)) return int_mod(a, b);
  if (is_num(a) && is_num(b)) {
    double x, y, q, m;
    if (!to_double(a, &x) || !to_double(b, &y)) return MOLT_NULL;
    if (y == 0) return err_fmt(MOLT_EXC_ZERO_DIVISION_ERROR, "float modulo");
    float_divmod(x, y, &q, &m);
    return molt_box_double(m);
  }
  if (is_str(a)) return molt_str_percent(a, b);
  return err_type_unsupported("%", a, b);
}

extern "C" MoltValue molt_divmod(MoltValue a, MoltValue b) {
  if (is_intlike(a) && is_intlike(b)) {
    if (int_sign(b) == 0) return err_fmt(MOLT_EXC_ZERO_DIVISION_ERROR, "integer division or modulo by zero");
    return int_divmod(a, b);
  }
  if (is_num(a) && is_num(b)) {
    double x, y, q, m;
    if (!to_double(a, &x) || !to_double(b, &y)) return MOLT_NULL;
    if (y == 0) return err_fmt(MOLT_EXC_ZERO_DIVISION_ERROR, "float divmod()");
    float_divmod(x, y, &q, &m);
    return tuple_pack2(molt_box_double(q), molt_box_double(m));
  }
  return err_type_unsupported("divmod()", a, b);
}

static V float_pow(double x, double y) {
  if (x == 0 && y < 0) return err_fmt(MOLT_EXC_ZERO_DIVISION_ERROR, "0.0 cannot be raised to a negative power");
  if (x < 0 && isfinite(x) && isfinite(y) && y != floor(y))
    return err_fmt(MOLT_EXC_VALUE_ERROR, "negative number cannot be raised to a fractional power (complex results are not supported)");
  errno = 0;
  double r = pow(x, y);
  if (isinf(r) && isfinite(x) && isfinite(y)) return err_fmt(MOLT_EXC_OVERFLOW_ERROR, "(34, 'Numerical result out of range')");
  return molt_box_double(r);
}

extern "C" MoltValue molt_pow(MoltValue a, MoltValue b) {
  if (is_intlike(a) && is_intlike(b)) {
    if (int_sign(b) >= 0) return int_pow(a, b);
    double x, y;
    if (!to_double(a, &x) || !to_double(b, &y)) return MOLT_NULL;
    return float_pow(x, y);
  }
  if (is_num(a) && is_num(b)) {
    double x, y;
    if (!to_double(a, &x) || !to_double(b, &y)) return MOLT_NULL;
    return float_pow(x, y);
  }
  return err_type_unsupported("** or pow()", a, b);
}

#define INT_ONLY_OP(fname, impl, sym)                                                                              \
  extern "C" MoltValue fname(MoltValue a, MoltValue b) {                                                         \
    if (is_intlike(a) && is_intlike(b)) return impl(a, b);                                                       \
    return err_type_unsupported(sym, a, b);                                                                      \
  }
INT_ONLY_OP(molt_lshift, int_lshift, "<<")
INT_ONLY_OP(molt_rshift, int_rshift, ">>")

extern "C" MoltValue molt_and(MoltValue a, MoltValue b) {
  VIEW_SETOP(a, b, molt_set_intersection);
  if (molt_is_bool(a) && molt_is_bool(b)) return molt_box_bool(molt_unbox_bool(a) & molt_unbox_bool(b));
  if (is_intlike(a) && is_intlike(b)) return int_and(a, b);
  if (is_set(a) && is_set(b)) return molt_set_intersection(a, b);
  return err_type_unsupported("&", a, b);
}
extern "C" MoltValue molt_or(MoltValue a, MoltValue b) {
  VIEW_SETOP(a, b, molt_set_union);
  if (molt_is_bool(a) && molt_is_bool(b)) return molt_box_bool(molt_unbox_bool(a) | molt_unbox_bool(b));
  if (is_intlike(a) && is_intlike(b)) return int_or(a, b);
  if (is_set(a) && is_set(b)) return molt_set_union(a, b);
  if (is_dict(a) && is_dict(b)) {
    V r = molt_dict_copy(a);
    if (molt_dict_update(r, b) < 0) {
      decref(r);
      return MOLT_NULL;
    }
    return r;
  }
  return err_type_unsupported("|", a, b);
}
extern "C" MoltValue molt_xor(MoltValue a, MoltValue b) {
  VIEW_SETOP(a, b, molt_set_symmetric_difference);
  if (molt_is_bool(a) && molt_is_bool(b)) return molt_box_bool(molt_unbox_bool(a) ^ molt_unbox_bool(b));
  if (is_intlike(a) && is_intlike(b)) return int_xor(a, b);
  if (is_set(a) && is_set(b)) return molt_set_symmetric_difference(a, b);
  return err_type_unsupported("^", a, b);
}

extern "C" MoltValue molt_neg(MoltValue a) {
  if (is_intlike(a)) return int_neg(a);
  if (molt_is_double(a)) return molt_box_double(-molt_unbox_double(a));
  return err_fmt(MOLT_EXC_TYPE_ERROR, "bad operand type for unary -: '%s'", tname(a));
}
extern "C" MoltValue molt_pos(MoltValue a) {
  if (is_intlike(a)) return incref(norm_bool(a));
  if (molt_is_double(a)) return a;
  return err_fmt(MOLT_EXC_TYPE_ERROR, "bad operand type for unary +: '%s'", tname(a));
}
extern "C" MoltValue molt_invert(MoltValue a) {
  if (is_intlike(a)) return int_invert(a);
  return err_fmt(MOLT_EXC_TYPE_ERROR, "bad operand type for unary ~: '%s'", tname(a));
}
extern "C" MoltValue molt_abs(MoltValue a) {
  if (is_intlike(a)) return int_sign(a) < 0 ? int_neg(a) : incref(norm_bool(a));
  if (molt_is_double(a)) return molt_box_double(fabs(molt_unbox_double(a)));
  return err_fmt(MOLT_EXC_TYPE_ERROR, "bad operand type for abs(): '%s'", tname(a));
}
