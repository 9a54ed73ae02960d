// math.cpp - the `math` module: libm wrappers with CPython's argument
// conversion and error reporting ("math domain error" / "math range
// error"), plus the integer functions gcd/factorial/comb/perm and fsum.
#include <math.h>

#include "internal.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif
#ifndef M_LN2
#define M_LN2 0.69314718055994530942
#endif
#ifndef M_LN10
#define M_LN10 2.30258509299404568402
#endif

static bool arg(V v, double *out) {
  if (molt_is_double(v)) {
    *out = molt_unbox_double(v);
    return true;
  }
  if (is_intlike(v)) return to_double(v, out);
  err_fmt(MOLT_EXC_TYPE_ERROR, "must be real number, not %s", tname(v));
  return false;
}
static V domain() { return err_fmt(MOLT_EXC_VALUE_ERROR, "math domain error"); }
static V range_err() { return err_fmt(MOLT_EXC_OVERFLOW_ERROR, "math range error"); }

// result check like CPython's math_1: NaN from non-NaN input -> domain error,
// inf from finite input -> range error (unless can_overflow is false)
static V check(double x, double r, bool can_overflow) {
  if (isnan(r) && !isnan(x)) return domain();
  if (isinf(r) && isfinite(x)) return can_overflow ? range_err() : domain();
  return molt_box_double(r);
}

#define MATH1(name, fn, ovf)                                                                                       \
  extern "C" MoltValue molt_math_##name(MoltValue xv) {                                                          \
    double x;                                                                                                    \
    if (!arg(xv, &x)) return MOLT_NULL;                                                                          \
    return check(x, fn(x), ovf);                                                                                 \
  }
MATH1(exp, exp, true)
MATH1(sin, sin, false)
MATH1(cos, cos, false)
MATH1(tan, tan, false)
MATH1(asin, asin, false)
MATH1(acos, acos, false)
MATH1(atan, atan, false)

extern "C" MoltValue molt_math_sqrt(MoltValue xv) {
  double x;
  if (!arg(xv, &x)) return MOLT_NULL;
  if (x < 0) return domain();
  return molt_box_double(sqrt(x));
}

// natural log that also works for ints too large for a double
static bool log_of(V v, double *out) {
  if (is_intlike(v)) {
    if (int_sign(v) <= 0) {
      domain();
      return false;
    }
    bool ov;
    double d = int_to_double(v, &ov);
    if (!ov) {
      *out = log(d);
      return true;
    }
    int64_t bits = int_bit_length(v);
    V sh = int_from_i64(bits - 64);
    V top = int_rshift(v, sh);
    decref(sh);
    double t = int_to_double(top, &ov);
    decref(top);
    *out = log(t) + (double)(bits - 64) * M_LN2;
    return true;
  }
  double x;
  if (!arg(v, &x)) return false;
  if (x <= 0 || isnan(x)) {
    if (isnan(x)) {
      *out = x;
      return true;
    }
    domain();
    return false;
  }
  *out = log(x);
  return true;
}

extern "C" MoltValue molt_math_log(MoltValue xv, MoltValue base) {
  double lx;
  if (!log_of(xv, &lx)) return MOLT_NULL;
  if (base == MOLT_NONE) return molt_box_double(lx);
  double lb;
  if (!log_of(base, &lb)) return MOLT_NULL;
  if (lb == 0) return err_fmt(MOLT_EXC_ZERO_DIVISION_ERROR, "float division by zero");
  return molt_box_double(lx / lb);
}
extern "C" MoltValue molt_math_log2(MoltValue xv) {
  if (molt_is_double(xv) || molt_is_smallint(xv)) {
    double x;
    if (!arg(xv, &x)) return MOLT_NULL;
    if (x <= 0) return domain();
    return molt_box_double(log2(x));
  }
  double l;
  if (!log_of(xv, &l)) return MOLT_NULL;
  return molt_box_double(l / M_LN2);
}
extern "C" MoltValue molt_math_log10(MoltValue xv) {
  if (molt_is_double(xv) || molt_is_smallint(xv)) {
    double x;
    if (!arg(xv, &x)) return MOLT_NULL;
    if (x <= 0) return domain();
    return molt_box_double(log10(x));
  }
  double l;
  if (!log_of(xv, &l)) return MOLT_NULL;
  return molt_box_double(l / M_LN10);
}

extern "C" MoltValue molt_math_atan2(MoltValue yv, MoltValue xv) {
  double y, x;
  if (!arg(yv, &y) || !arg(xv, &x)) return MOLT_NULL;
  return molt_box_double(atan2(y, x));
}
extern "C" MoltValue molt_math_hypot(MoltValue xv, MoltValue yv) {
  double x, y;
  if (!arg(xv, &x) || !arg(yv, &y)) return MOLT_NULL;
  double r = hypot(x, y);
  if (isinf(r) && isfinite(x) && isfinite(y)) return range_err();
  return molt_box_double(r);
}
extern "C" MoltValue molt_math_pow(MoltValue xv, MoltValue yv) {
  double x, y;
  if (!arg(xv, &x) || !arg(yv, &y)) return MOLT_NULL;
  if (x == 0 && y < 0 && isfinite(y)) return domain();
  if (x < 0 && isfinite(x) && isfinite(y) && y != floor(y)) return domain();
  double r = pow(x, y);
  if (isinf(r) && isfinite(x) && isfinite(y)) return range_err();
  return molt_box_double(r);
}
extern "C" MoltValue molt_math_fabs(MoltValue xv) {
  double x;
  if (!arg(xv, &x)) return MOLT_NULL;
  return molt_box_double(fabs(x));
}

static V to_int(double d) {
  if (isnan(d)) return err_fmt(MOLT_EXC_VALUE_ERROR, "cannot convert float NaN to integer");
  if (isinf(d)) return err_fmt(MOLT_EXC_OVERFLOW_ERROR, "cannot convert float infinity to integer");
  return int_from_double(d);
}
#define MATH_TOINT(name, fn)                                                                                       \
  extern "C" MoltValue molt_math_##name(MoltValue xv) {                                                          \
    if (is_intlike(xv)) return incref(norm_bool(xv));                                                            \
    double x;                                                                                                    \
    if (!arg(xv, &x)) return MOLT_NULL;                                                                          \
    return to_int(fn(x));                                                                                        \
  }
MATH_TOINT(floor, floor)
MATH_TOINT(ceil, ceil)
MATH_TOINT(trunc, trunc)

extern "C" MoltValue molt_math_copysign(MoltValue xv, MoltValue yv) {
  double x, y;
  if (!arg(xv, &x) || !arg(yv, &y)) return MOLT_NULL;
  return molt_box_double(copysign(x, y));
}
extern "C" MoltValue molt_math_fmod(MoltValue xv, MoltValue yv) {
  double x, y;
  if (!arg(xv, &x) || !arg(yv, &y)) return MOLT_NULL;
  if (isinf(y) && isfinite(x)) return molt_box_double(x);
  if (y == 0 || isinf(x)) {
    if (isnan(x) || isnan(y)) return molt_box_double(NAN);
    return domain();
  }
  return molt_box_double(fmod(x, y));
}
extern "C" MoltValue molt_math_isnan(MoltValue xv) {
  double x;
  if (!arg(xv, &x)) return MOLT_NULL;
  return molt_box_bool(isnan(x));
}
extern "C" MoltValue molt_math_isinf(MoltValue xv) {
  double x;
  if (!arg(xv, &x)) return MOLT_NULL;
  return molt_box_bool(isinf(x));
}
extern "C" MoltValue molt_math_isfinite(MoltValue xv) {
  double x;
  if (!arg(xv, &x)) return MOLT_NULL;
  return molt_box_bool(isfinite(x));
}
extern "C" MoltValue molt_math_isclose(MoltValue av, MoltValue bv, MoltValue rtv, MoltValue atv) {
  double a, b, rt = 1e-09, at = 0.0;
  if (!arg(av, &a) || !arg(bv, &b)) return MOLT_NULL;
  if (rtv != MOLT_NONE && !arg(rtv, &rt)) return MOLT_NULL;
  if (atv != MOLT_NONE && !arg(atv, &at)) return MOLT_NULL;
  if (rt < 0 || at < 0) return err_fmt(MOLT_EXC_VALUE_ERROR, "tolerances must be non-negative");
  if (a == b) return MOLT_TRUE;
  if (isinf(a) || isinf(b)) return MOLT_FALSE;
  double diff = fabs(b - a);
  return molt_box_bool((diff <= fabs(rt * b)) || (diff <= fabs(rt * a)) || (diff <= at));
}
extern "C" MoltValue molt_math_degrees(MoltValue xv) {
  double x;
  if (!arg(xv, &x)) return MOLT_NULL;
  return molt_box_double(x * (180.0 / M_PI));
}
extern "C" MoltValue molt_math_radians(MoltValue xv) {
  double x;
  if (!arg(xv, &x)) return MOLT_NULL;
  return molt_box_double(x * (M_PI / 180.0));
}

static bool need_int(V v) {
  if (is_intlike(v)) return true;
  err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object cannot be interpreted as an integer", tname(v));
  return false;
}

extern "C" MoltValue molt_math_gcd(MoltValue av, MoltValue bv) {
  if (!need_int(av) || !need_int(bv)) return MOLT_NULL;
  V a = molt_abs(av), b = molt_abs(bv);
  while (int_sign(b) != 0) {
    V r = int_mod(a, b);
    decref(a);
    a = b;
    b = r;
  }
  decref(b);
  return a;
}

// product of the integers in [lo, hi] (inclusive), by binary splitting
static V range_prod(int64_t lo, int64_t hi) {
  if (lo > hi) return molt_box_smallint(1);
  if (hi - lo < 8) {
    V acc = int_from_i64(lo);
    for (int64_t i = lo + 1; i <= hi; i++) {
      V t = int_mul(acc, molt_box_smallint(i));
      decref(acc);
      acc = t;
    }
    return acc;
  }
  int64_t mid = lo + (hi - lo) / 2;
  V a = range_prod(lo, mid), b = range_prod(mid + 1, hi);
  V r = int_mul(a, b);
  decref(a);
  decref(b);
  return r;
}

extern "C" MoltValue molt_math_factorial(MoltValue nv) {
  if (!need_int(nv)) return MOLT_NULL;
  if (int_sign(nv) < 0) return err_fmt(MOLT_EXC_VALUE_ERROR, "factorial() not defined for negative values");
  int64_t n;
  if (!int_fits_i64(nv, &n) || n > 1000000) return err_fmt(MOLT_EXC_OVERFLOW_ERROR, "factorial() argument should not exceed %ld", (long)INT32_MAX);
  return range_prod(1, n);
}

static bool nk_args(V nv, V kv, int64_t *n, int64_t *k, bool k_optional) {
  if (!need_int(nv)) return false;
  if (!(k_optional && kv == MOLT_NONE) && !need_int(kv)) return false;
  if (int_sign(nv) < 0) {
    err_fmt(MOLT_EXC_VALUE_ERROR, "n must be a non-negative integer");
    return false;
  }
  if (kv != MOLT_NONE && int_sign(kv) < 0) {
    err_fmt(MOLT_EXC_VALUE_ERROR, "k must be a non-negative integer");
    return false;
  }
  if (!int_fits_i64(nv, n) || (kv != MOLT_NONE && !int_fits_i64(kv, k)) || *n > 10000000) {
    err_fmt(MOLT_EXC_OVERFLOW_ERROR, "n must not exceed 10000000 in this runtime");
    return false;
  }
  if (kv == MOLT_NONE) *k = *n;
  return true;
}
extern "C" MoltValue molt_math_perm(MoltValue nv, MoltValue kv) {
  int64_t n, k;
  if (!nk_args(nv, kv, &n, &k, true)) return MOLT_NULL;
  if (k > n) return molt_box_smallint(0);
  return range_prod(n - k + 1, n);
}
extern "C" MoltValue molt_math_comb(MoltValue nv, MoltValue kv) {
  int64_t n, k;
  if (!nk_args(nv, kv, &n, &k, false)) return MOLT_NULL;
  if (k > n) return molt_box_smallint(0);
  if (k > n - k) k = n - k;
  V num = range_prod(n - k + 1, n), den = range_prod(1, k);
  V r = int_floordiv(num, den);
  decref(num);
  decref(den);
  return r;
}

extern "C" MoltValue molt_math_prod(MoltValue iterable, MoltValue start) {
  V it = molt_iter(iterable);
  if (it == MOLT_NULL) return MOLT_NULL;
  V acc = start == MOLT_NONE ? molt_box_smallint(1) : incref(start);
  while (true) {
    V x = molt_iter_next(it);
    if (x == MOLT_STOP) break;
    if (x == MOLT_NULL) {
      decref(acc);
      decref(it);
      return MOLT_NULL;
    }
    V r = molt_mul(acc, x);
    decref(x);
    decref(acc);
    if (r == MOLT_NULL) {
      decref(it);
      return MOLT_NULL;
    }
    acc = r;
  }
  decref(it);
  return acc;
}

// Shewchuk / CPython math.fsum: exact sum of partials, correctly rounded.
extern "C" MoltValue molt_math_fsum(MoltValue iterable) {
  V it = molt_iter(iterable);
  if (it == MOLT_NULL) return MOLT_NULL;
  int64_t n = 0, cap = 32;
  double *p = (double *)molt_xmalloc(sizeof(double) * (size_t)cap);
  double special_sum = 0.0, inf_sum = 0.0;
  while (true) {
    V xv = molt_iter_next(it);
    if (xv == MOLT_STOP) break;
    double x;
    if (xv == MOLT_NULL || !arg(xv, &x)) {
      xdecref(xv);
      free(p);
      decref(it);
      return MOLT_NULL;
    }
    decref(xv);
    double xsave = x;
    int64_t i = 0;
    for (int64_t j = 0; j < n; j++) {
      double y = p[j];
      if (fabs(x) < fabs(y)) {
        double t = x;
        x = y;
        y = t;
      }
      double hi = x + y, lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    n = i;
    if (x != 0.0) {
      if (!isfinite(x)) {
        if (isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        n = 0;
      } else {
        if (n >= cap) {
          cap *= 2;
          p = (double *)molt_xrealloc(p, sizeof(double) * (size_t)cap);
        }
        p[n++] = x;
      }
    }
  }
  decref(it);
  double hi = 0.0;
  if (special_sum != 0.0) {
    free(p);
    if (isnan(inf_sum)) return err_fmt(MOLT_EXC_VALUE_ERROR, "-inf + inf in fsum");
    return molt_box_double(special_sum);
  }
  if (n > 0) {
    hi = p[--n];
    double lo = 0;
    while (n > 0) {
      double x = hi, y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0, x = hi + y, yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  free(p);
  return molt_box_double(hi);
}
