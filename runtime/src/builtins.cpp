// builtins.cpp - Python builtin functions that are not methods: sorted,
// min/max, sum, any/all, round, ord/chr, bin/hex/oct, the int/float/bool/
// list/tuple/set/dict constructors, hash() and input().
#include <math.h>

#include "internal.h"

extern "C" MoltValue molt_sorted(MoltValue iterable, MoltValue key, int reverse) {
  V l = seq_to_list(iterable);
  if (l == MOLT_NULL) return MOLT_NULL;
  if (molt_list_sort(l, key, reverse) < 0) {
    decref(l);
    return MOLT_NULL;
  }
  return l;
}

static V minmax(const V *args, int64_t n, V key, V dflt, bool is_max) {
  const char *name = is_max ? "max" : "min";
  V items;
  if (n == 1) {
    items = seq_to_list(args[0]);
    if (items == MOLT_NULL) return MOLT_NULL;
  } else if (n == 0) {
    return err_fmt(MOLT_EXC_TYPE_ERROR, "%s expected at least 1 argument, got 0", name);
  } else {
    if (dflt != MOLT_NULL) return err_fmt(MOLT_EXC_TYPE_ERROR, "Cannot specify a default for %s() with multiple positional arguments", name);
    items = molt_list_from_array(args, n);
  }
  List *l = LIST(items);
  if (l->len == 0) {
    decref(items);
    if (dflt != MOLT_NULL) return incref(dflt);
    return err_fmt(MOLT_EXC_VALUE_ERROR, "%s() arg is an empty sequence", name);
  }
  V best = l->items[0];
  V bestkey = key != MOLT_NONE ? call_fn(key, &best, 1) : incref(best);
  if (bestkey == MOLT_NULL) {
    decref(items);
    return MOLT_NULL;
  }
  for (int64_t i = 1; i < l->len; i++) {
    V k = key != MOLT_NONE ? call_fn(key, &l->items[i], 1) : incref(l->items[i]);
    if (k == MOLT_NULL) {
      decref(bestkey);
      decref(items);
      return MOLT_NULL;
    }
    int better = is_max ? compare_op(k, bestkey, 2) : compare_op(k, bestkey, 0);
    if (better < 0) {
      decref(k);
      decref(bestkey);
      decref(items);
      return MOLT_NULL;
    }
    if (better) {
      decref(bestkey);
      bestkey = k;
      best = l->items[i];
    } else {
      decref(k);
    }
  }
  incref(best);
  decref(bestkey);
  decref(items);
  return best;
}
extern "C" MoltValue molt_min(const MoltValue *args, int64_t n, MoltValue key, MoltValue dflt) { return minmax(args, n, key, dflt, false); }
extern "C" MoltValue molt_max(const MoltValue *args, int64_t n, MoltValue key, MoltValue dflt) { return minmax(args, n, key, dflt, true); }

extern "C" MoltValue molt_sum(MoltValue iterable, MoltValue start) {
  if (start == MOLT_NONE || start == MOLT_NULL) start = molt_box_smallint(0);
  if (is_str(start)) return err_fmt(MOLT_EXC_TYPE_ERROR, "sum() can't sum strings [use ''.join(seq) instead]");
  V it = molt_iter(iterable);
  if (it == MOLT_NULL) return MOLT_NULL;
  V acc = incref(start);
  // float accumulation uses plain addition like CPython's fast path (which
  // is also a plain double sum, not fsum)
  while (true) {
    V x = molt_iter_next(it);
    if (x == MOLT_STOP) break;
    if (x == MOLT_NULL) {
      decref(acc);
      decref(it);
      return MOLT_NULL;
    }
    V r = molt_add(acc, x);
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

static V any_all(V iterable, bool want) {
  V it = molt_iter(iterable);
  if (it == MOLT_NULL) return MOLT_NULL;
  while (true) {
    V x = molt_iter_next(it);
    if (x == MOLT_STOP) break;
    if (x == MOLT_NULL) {
      decref(it);
      return MOLT_NULL;
    }
    int t = molt_truthy(x);
    decref(x);
    if (t < 0) {
      decref(it);
      return MOLT_NULL;
    }
    if ((bool)t == want) {
      decref(it);
      return molt_box_bool(want);
    }
  }
  decref(it);
  return molt_box_bool(!want);
}
extern "C" MoltValue molt_any(MoltValue it) { return any_all(it, true); }
extern "C" MoltValue molt_all(MoltValue it) { return any_all(it, false); }

static V float_to_int_checked(double d) {
  if (isnan(d)) return err_fmt(MOLT_EXC_VALUE_ERROR, "cannot convert float NaN to integer");
  if (isinf(d)) return err_fmt(MOLT_EXC_OVERFLOW_ERROR, "cannot convert float infinity to integer");
  return int_from_double(d);
}

extern "C" MoltValue molt_round(MoltValue x, MoltValue nd) {
  if (is_intlike(x)) {
    if (nd == MOLT_NONE) return incref(norm_bool(x));
    if (!is_intlike(nd)) return err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object cannot be interpreted as an integer", tname(nd));
    if (int_sign(nd) >= 0) return incref(norm_bool(x));
    // round half to even at 10**(-nd)
    V ten = molt_box_smallint(10), e = int_neg(nd);
    V p = int_pow(ten, e);
    decref(e);
    V q, r;
    V dm = int_divmod(x, p);
    q = incref(TUPLE(dm)->items[0]);
    r = incref(TUPLE(dm)->items[1]);
    decref(dm);
    V twice = int_mul(r, molt_box_smallint(2));
    int c = int_cmp(twice, p);
    decref(twice);
    if (c > 0 || (c == 0 && int_sign(int_and(q, molt_box_smallint(1))) != 0)) {
      V q2 = int_add(q, molt_box_smallint(1));
      decref(q);
      q = q2;
    }
    V res = int_mul(q, p);
    decref(q);
    decref(r);
    decref(p);
    return res;
  }
  if (!molt_is_double(x)) return err_fmt(MOLT_EXC_TYPE_ERROR, "type %s doesn't define __round__ method", tname(x));
  double d = molt_unbox_double(x);
  if (nd == MOLT_NONE) {
    double r = nearbyint(d); // default rounding mode: half to even
    return float_to_int_checked(r);
  }
  if (!is_intlike(nd)) return err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object cannot be interpreted as an integer", tname(nd));
  int64_t n;
  if (!int_fits_i64(nd, &n)) n = int_sign(nd) < 0 ? -400 : 400;
  if (!isfinite(d) || d == 0) return x;
  if (n > 320) return x;
  if (n < -320) return molt_box_double(copysign(0.0, d));
  if (n >= 0) { // correctly rounded decimal via printf, as CPython's dtoa does
    char buf[512];
    snprintf(buf, sizeof buf, "%.*f", (int)n, d);
    return molt_box_double(strtod(buf, nullptr));
  }
  double p = pow(10.0, (double)-n);
  double y = d / p;
  double z = nearbyint(y);
  if (fabs(y - z) == 0.5) z = 2.0 * nearbyint(y / 2.0);
  double r = z * p;
  if (isinf(r)) return err_fmt(MOLT_EXC_OVERFLOW_ERROR, "rounded value too large to represent");
  return molt_box_double(r);
}

extern "C" MoltValue molt_ord(MoltValue c) {
  if (is_str(c)) {
    if (STR(c)->ncp != 1)
      return err_fmt(MOLT_EXC_TYPE_ERROR, "ord() expected a character, but string of length %lld found", (long long)STR(c)->ncp);
    uint32_t cp;
    utf8_decode(STR(c)->data, STR(c)->nbytes, 0, &cp);
    return molt_box_smallint(cp);
  }
  if (is_type(c, MOLT_TYPE_BYTES) && AS(Bytes, c)->n == 1) return molt_box_smallint(AS(Bytes, c)->data[0]);
  return err_fmt(MOLT_EXC_TYPE_ERROR, "ord() expected string of length 1, but %s found", tname(c));
}
extern "C" MoltValue molt_chr(MoltValue i) {
  if (!is_intlike(i)) return err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object cannot be interpreted as an integer", tname(i));
  int64_t k;
  if (!int_fits_i64(i, &k)) return err_fmt(MOLT_EXC_OVERFLOW_ERROR, "Python int too large to convert to C int");
  if (k < 0 || k > 0x10FFFF) return err_fmt(MOLT_EXC_VALUE_ERROR, "chr() arg not in range(0x110000)");
  return str_from_cp((uint32_t)k);
}

static V radix(V i, int base, const char *pfx) {
  if (!is_intlike(i)) return err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object cannot be interpreted as an integer", tname(i));
  bool neg = int_sign(i) < 0;
  V a = neg ? int_neg(i) : incref(norm_bool(i));
  V d = int_to_str(a, base);
  decref(a);
  Buf b;
  if (neg) b.putc('-');
  b.puts(pfx);
  b.putv(d);
  decref(d);
  return b.take_str();
}
extern "C" MoltValue molt_bin(MoltValue i) { return radix(i, 2, "0b"); }
extern "C" MoltValue molt_hex(MoltValue i) { return radix(i, 16, "0x"); }
extern "C" MoltValue molt_oct(MoltValue i) { return radix(i, 8, "0o"); }

extern "C" MoltValue molt_int(MoltValue x) {
  if (x == MOLT_NONE) return molt_box_smallint(0);
  if (is_intlike(x)) return incref(norm_bool(x));
  if (molt_is_double(x)) return float_to_int_checked(molt_unbox_double(x));
  if (is_str(x)) return molt_int_from_str(x, 10);
  return err_fmt(MOLT_EXC_TYPE_ERROR, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                 tname(x));
}

extern "C" MoltValue molt_float(MoltValue x) {
  if (x == MOLT_NONE) return molt_box_double(0.0);
  if (molt_is_double(x)) return x;
  if (is_intlike(x)) {
    double d;
    if (!to_double(x, &d)) return MOLT_NULL;
    return molt_box_double(d);
  }
  if (is_str(x)) {
    Str *s = STR(x);
    // strip whitespace, drop underscores between digits, reject hex floats
    int64_t i, e;
    utf8_ws_trim(s->data, s->nbytes, &i, &e);
    char *tmp = (char *)molt_xmalloc((size_t)(e - i) + 1);
    int64_t k = 0;
    bool ok = e > i;
    for (int64_t j = i; j < e; j++) {
      char c = s->data[j];
      if (c == '_') {
        bool prev = j > i && s->data[j - 1] >= '0' && s->data[j - 1] <= '9';
        bool next = j + 1 < e && s->data[j + 1] >= '0' && s->data[j + 1] <= '9';
        if (!prev || !next) ok = false;
        continue;
      }
      if (c == 'x' || c == 'X' || c == 'p' || c == 'P' || (unsigned char)c >= 0x80) ok = false;
      tmp[k++] = c;
    }
    tmp[k] = 0;
    char *end = nullptr;
    double d = ok ? strtod(tmp, &end) : 0;
    if (ok && (end != tmp + k || k == 0)) ok = false;
    if (ok) { // strtod accepts "infinity"/"nan(...)": restrict to Python's spellings
      const char *q = tmp + (tmp[0] == '+' || tmp[0] == '-');
      if ((q[0] | 0x20) == 'n' && strlen(q) != 3) ok = false;
    }
    free(tmp);
    if (!ok) {
      V r = str_repr(x);
      err_fmt(MOLT_EXC_VALUE_ERROR, "could not convert string to float: %s", STR(r)->data);
      decref(r);
      return MOLT_NULL;
    }
    return molt_box_double(d);
  }
  return err_fmt(MOLT_EXC_TYPE_ERROR, "float() argument must be a string or a real number, not '%s'", tname(x));
}

extern "C" MoltValue molt_bool(MoltValue x) {
  int t = molt_truthy(x);
  return t < 0 ? MOLT_NULL : molt_box_bool(t);
}
extern "C" MoltValue molt_list(MoltValue it) { return it == MOLT_NONE ? list_new(0) : seq_to_list(it); }
extern "C" MoltValue molt_tuple(MoltValue it) {
  if (it == MOLT_NONE) return tuple_new(0);
  if (is_tuple(it)) return incref(it);
  V l = seq_to_list(it);
  if (l == MOLT_NULL) return MOLT_NULL;
  V t = molt_tuple_from_array(LIST(l)->items, LIST(l)->len);
  decref(l);
  return t;
}
extern "C" MoltValue molt_set(MoltValue it) {
  V s = molt_set_new();
  if (it != MOLT_NONE && molt_set_update(s, it) < 0) {
    decref(s);
    return MOLT_NULL;
  }
  return s;
}
extern "C" MoltValue molt_dict(MoltValue it) {
  V d = molt_dict_new();
  if (it != MOLT_NONE && molt_dict_update(d, it) < 0) {
    decref(d);
    return MOLT_NULL;
  }
  return d;
}
extern "C" MoltValue molt_hash_value(MoltValue v) {
  int64_t h = molt_hash(v);
  if (h == -1 && molt_err_occurred()) return MOLT_NULL;
  return int_from_i64(h);
}

extern "C" MoltValue molt_input(MoltValue prompt) {
  if (prompt != MOLT_NONE) {
    V s = molt_str_of(prompt);
    if (s == MOLT_NULL) return MOLT_NULL;
    fputs(STR(s)->data, stdout);
    decref(s);
  }
  fflush(stdout);
  Buf b;
  int c;
  bool any = false;
  while ((c = fgetc(stdin)) != EOF) {
    any = true;
    if (c == '\n') break;
    b.putc((char)c);
  }
  if (!any) {
    b.free_();
    return err_fmt(MOLT_EXC_EOF_ERROR, "EOF when reading a line");
  }
  if (b.n > 0 && b.p[b.n - 1] == '\r') b.n--; // universal newlines: "\r\n" ends a line
  return b.take_str();
}
