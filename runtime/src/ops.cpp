// ops.cpp - generic object protocol: equality, ordering, truth, hashing,
// `in`, len(), subscripting and slicing for every builtin type.
//
// Every index is bounds-checked and reports CPython's IndexError/TypeError
// messages; nothing here can read outside an object.
#include <math.h>

#include "internal.h"

// ---- equality / ordering -------------------------------------------------------

static int seq_eq(const V *a, int64_t na, const V *b, int64_t nb) {
  if (na != nb) return 0;
  for (int64_t i = 0; i < na; i++) {
    if (a[i] == b[i] && !molt_is_double(a[i])) continue;
    int r = eq_bool(a[i], b[i]);
    if (r <= 0) return r;
  }
  return 1;
}

// A class's __eq__ (then the reflected one) as 0/1, -1 on error, or
// kNoUserEq when neither operand's class defines one.
static const int kNoUserEq = 2;
static int user_eq(V a, V b) {
  const MoltClassDesc *da = user_desc(a), *db = user_desc(b);
  if (!(da && da->eq_fn) && !(db && db->eq_fn)) return kNoUserEq;
  V r = (da && da->eq_fn) ? call_hook(da->eq_fn, a, b) : call_hook(db->eq_fn, b, a);
  if (r == MOLT_NULL) return -1;
  int t = molt_truthy(r);
  decref(r);
  return t;
}

int eq_bool(V a, V b) {
  if (molt_is_double(a) && molt_is_double(b)) return molt_unbox_double(a) == molt_unbox_double(b);
  if (a == b) return 1;
  if (is_str(a) && is_str(b)) return str_eq(a, b); // hot: dict lookups with equal, distinct str keys
  if (is_intlike(a) && is_intlike(b)) return int_cmp(a, b) == 0;
  if (is_intlike(a) && molt_is_double(b)) return !isnan(molt_unbox_double(b)) && int_cmp_double(a, molt_unbox_double(b)) == 0;
  if (molt_is_double(a) && is_intlike(b)) return !isnan(molt_unbox_double(a)) && int_cmp_double(b, molt_unbox_double(a)) == 0;
  if (!molt_is_ptr(a) && !molt_is_ptr(b)) return 0;
  if (int r = user_eq(a, b); r != kNoUserEq) return r;
  if (!molt_is_ptr(a) || !molt_is_ptr(b)) return 0;
  uint32_t ta = obj_type(a), tb = obj_type(b);
  bool va = ta == MOLT_TYPE_DICT_VIEW && AS(DictView, a)->kind != VIEW_VALUES;
  bool vb = tb == MOLT_TYPE_DICT_VIEW && AS(DictView, b)->kind != VIEW_VALUES;
  if ((va && (vb || tb == MOLT_TYPE_SET)) || (vb && ta == MOLT_TYPE_SET)) { // keys/items views are set-like
    V sa = molt_set(a);
    if (sa == MOLT_NULL) return -1;
    V sb = molt_set(b);
    if (sb == MOLT_NULL) {
      decref(sa);
      return -1;
    }
    int r = eq_bool(sa, sb);
    decref(sa);
    decref(sb);
    return r;
  }
  if (ta != tb) return 0;
  switch (ta) {
  case MOLT_TYPE_STR: return str_eq(a, b);
  case MOLT_TYPE_BYTES: {
    Bytes *x = AS(Bytes, a), *y = AS(Bytes, b);
    return x->n == y->n && memcmp(x->data, y->data, (size_t)x->n) == 0;
  }
  case MOLT_TYPE_LIST: return seq_eq(LIST(a)->items, LIST(a)->len, LIST(b)->items, LIST(b)->len);
  case MOLT_TYPE_TUPLE: return seq_eq(TUPLE(a)->items, TUPLE(a)->len, TUPLE(b)->items, TUPLE(b)->len);
  case MOLT_TYPE_DICT: {
    Dict *x = AS(Dict, a);
    if (x->used != AS(Dict, b)->used) return 0;
    for (int64_t i = 0; i < x->nentries; i++) {
      DictEntry *e = &x->entries[i];
      if (e->key == MOLT_NULL) continue;
      int err = 0;
      V other = dict_lookup(b, e->key, e->hash, &err);
      if (err) return -1;
      if (other == MOLT_NULL) return 0;
      int r = eq_bool(e->value, other);
      if (r <= 0) return r;
    }
    return 1;
  }
  case MOLT_TYPE_SET: {
    Set *x = AS(Set, a);
    if (x->used != AS(Set, b)->used) return 0;
    for (int64_t i = 0; i <= x->mask; i++) {
      V k = x->table[i].key;
      if (k == MOLT_NULL || k == MOLT_STOP) continue;
      int r = set_contains(b, k);
      if (r <= 0) return r;
    }
    return 1;
  }
  case MOLT_TYPE_RANGE: {
    Range *x = AS(Range, a), *y = AS(Range, b);
    if (x->len != y->len) return 0;
    if (x->len == 0) return 1;
    if (x->start != y->start) return 0;
    return x->len == 1 || x->step == y->step;
  }
  case MOLT_TYPE_TYPE: return AS(TypeObj, a)->id == AS(TypeObj, b)->id;
  default: return 0;
  }
}

static V cmp_type_error(V a, V b, int op) {
  static const char *ops[] = {"<", "<=", ">", ">="};
  return err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' not supported between instances of '%s' and '%s'", ops[op], tname(a),
                 tname(b));
}
static inline int apply_cmp(int c, int op) {
  switch (op) {
  case 0: return c < 0;
  case 1: return c <= 0;
  case 2: return c > 0;
  default: return c >= 0;
  }
}

static int seq_compare(const V *a, int64_t na, const V *b, int64_t nb, int op) {
  int64_t n = na < nb ? na : nb;
  for (int64_t i = 0; i < n; i++) {
    if (a[i] == b[i] && !molt_is_double(a[i])) continue;
    int e = eq_bool(a[i], b[i]);
    if (e < 0) return -1;
    if (!e) return compare_op(a[i], b[i], op);
  }
  return apply_cmp(na < nb ? -1 : na > nb, op);
}

// op: 0 '<', 1 '<=', 2 '>', 3 '>='
int compare_op(V a, V b, int op) {
  if (molt_is_double(a) && molt_is_double(b)) {
    double x = molt_unbox_double(a), y = molt_unbox_double(b);
    switch (op) {
    case 0: return x < y;
    case 1: return x <= y;
    case 2: return x > y;
    default: return x >= y;
    }
  }
  if (is_intlike(a) && is_intlike(b)) return apply_cmp(int_cmp(a, b), op);
  if (is_intlike(a) && molt_is_double(b)) {
    if (isnan(molt_unbox_double(b))) return 0;
    return apply_cmp(int_cmp_double(a, molt_unbox_double(b)), op);
  }
  if (molt_is_double(a) && is_intlike(b)) {
    if (isnan(molt_unbox_double(a))) return 0;
    return apply_cmp(-int_cmp_double(b, molt_unbox_double(a)), op);
  }
  if (molt_is_ptr(a) && molt_is_ptr(b) && obj_type(a) == obj_type(b)) {
    switch (obj_type(a)) {
    case MOLT_TYPE_STR: return apply_cmp(str_cmp(a, b), op);
    case MOLT_TYPE_BYTES: {
      Bytes *x = AS(Bytes, a), *y = AS(Bytes, b);
      int64_t n = x->n < y->n ? x->n : y->n;
      int c = memcmp(x->data, y->data, (size_t)n);
      if (c == 0) c = x->n < y->n ? -1 : x->n > y->n;
      return apply_cmp(c, op);
    }
    case MOLT_TYPE_LIST: return seq_compare(LIST(a)->items, LIST(a)->len, LIST(b)->items, LIST(b)->len, op);
    case MOLT_TYPE_TUPLE: return seq_compare(TUPLE(a)->items, TUPLE(a)->len, TUPLE(b)->items, TUPLE(b)->len, op);
    case MOLT_TYPE_SET: {
      V r;
      switch (op) {
      case 0: r = eq_bool(a, b) ? MOLT_FALSE : molt_set_issubset(a, b); break;
      case 1: r = molt_set_issubset(a, b); break;
      case 2: r = eq_bool(a, b) ? MOLT_FALSE : molt_set_issuperset(a, b); break;
      default: r = molt_set_issuperset(a, b); break;
      }
      return r == MOLT_NULL ? -1 : r == MOLT_TRUE;
    }
    default: break;
    }
  }
  { // user __lt__: a < b directly, a > b as b < a
    const MoltClassDesc *da = user_desc(a), *db = user_desc(b);
    MoltFnPtr fn = nullptr;
    V x = a, y = b;
    if (op == 0 && da && da->lt_fn) fn = da->lt_fn;
    else if (op == 2 && db && db->lt_fn) { fn = db->lt_fn; x = b; y = a; }
    else if (op == 2 && da && da->lt_fn && db == da) { fn = da->lt_fn; x = b; y = a; }
    if (fn) {
      V r = call_hook(fn, x, y);
      if (r == MOLT_NULL) return -1;
      int t = molt_truthy(r);
      decref(r);
      return t;
    }
  }
  cmp_type_error(a, b, op);
  return -1;
}
int lt_bool(V a, V b) { return compare_op(a, b, 0); }

static inline V bool_or_null(int r) { return r < 0 ? MOLT_NULL : molt_box_bool(r); }
// The `==` operator: a user `__eq__` decides even for an object compared
// with itself (CPython's rich comparison has no identity shortcut; only
// containers' membership and equality take it, which eq_bool does).
static int eq_op(V a, V b) {
  if (a == b && molt_is_ptr(a))
    if (int r = user_eq(a, b); r != kNoUserEq) return r;
  return eq_bool(a, b);
}
extern "C" MoltValue molt_eq(MoltValue a, MoltValue b) { return bool_or_null(eq_op(a, b)); }
extern "C" MoltValue molt_ne(MoltValue a, MoltValue b) {
  int r = eq_op(a, b);
  return r < 0 ? MOLT_NULL : molt_box_bool(!r);
}
extern "C" MoltValue molt_lt(MoltValue a, MoltValue b) { return bool_or_null(compare_op(a, b, 0)); }
extern "C" MoltValue molt_le(MoltValue a, MoltValue b) { return bool_or_null(compare_op(a, b, 1)); }
extern "C" MoltValue molt_gt(MoltValue a, MoltValue b) { return bool_or_null(compare_op(a, b, 2)); }
extern "C" MoltValue molt_ge(MoltValue a, MoltValue b) { return bool_or_null(compare_op(a, b, 3)); }
extern "C" int molt_is(MoltValue a, MoltValue b) { return a == b; }

extern "C" int molt_compare(MoltValue a, MoltValue b, int op) {
  if (molt_is_smallint(a) && molt_is_smallint(b)) { // common case, no calls
    int64_t x = molt_unbox_smallint(a), y = molt_unbox_smallint(b);
    switch (op) {
    case MOLT_CMP_LT: return x < y;
    case MOLT_CMP_LE: return x <= y;
    case MOLT_CMP_GT: return x > y;
    case MOLT_CMP_GE: return x >= y;
    case MOLT_CMP_EQ: return x == y;
    default: return x != y;
    }
  }
  if (op == MOLT_CMP_EQ) return eq_bool(a, b);
  if (op == MOLT_CMP_NE) {
    int r = eq_bool(a, b);
    return r < 0 ? r : !r;
  }
  if (op < 0 || op > 3) {
    err_fmt(MOLT_EXC_VALUE_ERROR, "bad comparison operator %d", op);
    return -1;
  }
  return compare_op(a, b, op);
}

extern "C" int molt_truthy(MoltValue v) {
  if (molt_is_bool(v)) return molt_unbox_bool(v);
  if (molt_is_smallint(v)) return molt_unbox_smallint(v) != 0;
  if (molt_is_double(v)) return molt_unbox_double(v) != 0.0;
  if (v == MOLT_NONE) return 0;
  if (!molt_is_ptr(v)) return 0;
  switch (obj_type(v)) {
  case MOLT_TYPE_INT: return 1;
  case MOLT_TYPE_STR: return STR(v)->nbytes != 0;
  case MOLT_TYPE_BYTES: return AS(Bytes, v)->n != 0;
  case MOLT_TYPE_LIST: return LIST(v)->len != 0;
  case MOLT_TYPE_TUPLE: return TUPLE(v)->len != 0;
  case MOLT_TYPE_DICT: return AS(Dict, v)->used != 0;
  case MOLT_TYPE_SET: return AS(Set, v)->used != 0;
  case MOLT_TYPE_RANGE: return AS(Range, v)->len != 0;
  case MOLT_TYPE_DICT_VIEW: return AS(Dict, AS(DictView, v)->dict)->used != 0;
  default: {
    const MoltClassDesc *d = user_desc(v);
    if (d && (d->bool_fn || d->len_fn)) {
      V r = call_hook(d->bool_fn ? d->bool_fn : d->len_fn, v, MOLT_NULL);
      if (r == MOLT_NULL) return -1;
      int t = molt_truthy(r);
      decref(r);
      return t;
    }
    return 1;
  }
  }
}

// ---- hashing ------------------------------------------------------------------

extern "C" int64_t molt_hash(MoltValue v) {
  if (molt_is_double(v)) return float_hash(molt_unbox_double(v));
  if (is_intlike(v)) return int_hash(v);
  if (v == MOLT_NONE) return 0xFCA86420; // CPython 3.11 uses id(None); any constant is fine
  if (!molt_is_ptr(v)) return 0;
  switch (obj_type(v)) {
  case MOLT_TYPE_STR: return str_hash(v);
  case MOLT_TYPE_BYTES: {
    Bytes *b = AS(Bytes, v);
    uint64_t h = 14695981039346656037ull;
    for (int64_t i = 0; i < b->n; i++) h = (h ^ b->data[i]) * 1099511628211ull;
    int64_t r = (int64_t)(h >> 1);
    return r == -1 ? -2 : r;
  }
  case MOLT_TYPE_TUPLE: { // CPython 3.11 tuplehash (xxHash based)
    const uint64_t P1 = 11400714785074694791ull, P2 = 14029467366897019727ull, P5 = 2870177450012600261ull;
    Tuple *t = TUPLE(v);
    uint64_t acc = P5;
    for (int64_t i = 0; i < t->len; i++) {
      int64_t lane = molt_hash(t->items[i]);
      if (lane == -1) return -1;
      acc += (uint64_t)lane * P2;
      acc = (acc << 31) | (acc >> 33);
      acc *= P1;
    }
    acc += (uint64_t)t->len ^ (P5 ^ 3527539ull);
    if (acc == (uint64_t)-1) return 1546275796;
    return (int64_t)acc;
  }
  case MOLT_TYPE_RANGE: {
    Range *r = AS(Range, v);
    return (r->start * 1000003) ^ (r->len * 31) ^ r->step;
  }
  case MOLT_TYPE_LIST:
  case MOLT_TYPE_DICT:
  case MOLT_TYPE_SET:
  case MOLT_TYPE_DICT_VIEW:
    err_fmt(MOLT_EXC_TYPE_ERROR, "unhashable type: '%s'", tname(v));
    return -1;
  default: { // identity hash, like object.__hash__ (address >> 4)
    if (const MoltClassDesc *d = user_desc(v)) {
      if (d->hash_fn) {
        V r = call_hook(d->hash_fn, v, MOLT_NULL);
        if (r == MOLT_NULL) return -1;
        int64_t h;
        if (!is_intlike(r)) {
          decref(r);
          err_fmt(MOLT_EXC_TYPE_ERROR, "__hash__ method should return an integer");
          return -1;
        }
        h = int_hash(r); // reduce like CPython does for big results
        decref(r);
        return h;
      }
      if (d->eq_fn) {
        err_fmt(MOLT_EXC_TYPE_ERROR, "unhashable type: '%s'", tname(v));
        return -1;
      }
    }
    uint64_t p = (uint64_t)(uintptr_t)OBJ(v);
    return (int64_t)((p >> 4) | (p << 60)) & INT64_MAX;
  }
  }
}

// ---- len / contains -------------------------------------------------------------

extern "C" int64_t molt_len(MoltValue v) {
  if (molt_is_ptr(v)) {
    switch (obj_type(v)) {
    case MOLT_TYPE_STR: return STR(v)->ncp;
    case MOLT_TYPE_BYTES: return AS(Bytes, v)->n;
    case MOLT_TYPE_LIST: return LIST(v)->len;
    case MOLT_TYPE_TUPLE: return TUPLE(v)->len;
    case MOLT_TYPE_DICT: return AS(Dict, v)->used;
    case MOLT_TYPE_SET: return AS(Set, v)->used;
    case MOLT_TYPE_RANGE: return AS(Range, v)->len;
    case MOLT_TYPE_DICT_VIEW: return AS(Dict, AS(DictView, v)->dict)->used;
    default: {
      const MoltClassDesc *d = user_desc(v);
      if (d && d->len_fn) {
        V r = call_hook(d->len_fn, v, MOLT_NULL);
        if (r == MOLT_NULL) return -1;
        int64_t n;
        bool ok = is_intlike(r) && int_fits_i64(r, &n);
        decref(r);
        if (!ok) {
          err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object cannot be interpreted as an integer", "object");
          return -1;
        }
        if (n < 0) {
          err_fmt(MOLT_EXC_VALUE_ERROR, "__len__() should return >= 0");
          return -1;
        }
        return n;
      }
      break;
    }
    }
  }
  err_fmt(MOLT_EXC_TYPE_ERROR, "object of type '%s' has no len()", tname(v));
  return -1;
}
extern "C" MoltValue molt_len_value(MoltValue v) {
  int64_t n = molt_len(v);
  return n < 0 ? MOLT_NULL : int_from_i64(n);
}

static int seq_contains(const V *items, int64_t n, V x) {
  for (int64_t i = 0; i < n; i++) {
    if (items[i] == x && !molt_is_double(x)) return 1;
    int r = eq_bool(items[i], x);
    if (r) return r;
  }
  return 0;
}

extern "C" int molt_contains(MoltValue c, MoltValue x) {
  if (molt_is_ptr(c)) {
    switch (obj_type(c)) {
    case MOLT_TYPE_LIST: return seq_contains(LIST(c)->items, LIST(c)->len, x);
    case MOLT_TYPE_TUPLE: return seq_contains(TUPLE(c)->items, TUPLE(c)->len, x);
    case MOLT_TYPE_STR:
      if (!is_str(x)) {
        err_fmt(MOLT_EXC_TYPE_ERROR, "'in <string>' requires string as left operand, not %s", tname(x));
        return -1;
      }
      return str_contains(c, x);
    case MOLT_TYPE_BYTES: {
      Bytes *b = AS(Bytes, c);
      if (is_intlike(x)) {
        int64_t k;
        if (!int_fits_i64(x, &k) || k < 0 || k > 255) {
          err_fmt(MOLT_EXC_VALUE_ERROR, "byte must be in range(0, 256)");
          return -1;
        }
        return memchr(b->data, (int)k, (size_t)b->n) != nullptr;
      }
      if (is_type(x, MOLT_TYPE_BYTES)) {
        Bytes *s = AS(Bytes, x);
        if (s->n == 0) return 1;
        for (int64_t i = 0; i + s->n <= b->n; i++)
          if (memcmp(b->data + i, s->data, (size_t)s->n) == 0) return 1;
        return 0;
      }
      err_fmt(MOLT_EXC_TYPE_ERROR, "a bytes-like object is required, not '%s'", tname(x));
      return -1;
    }
    case MOLT_TYPE_DICT: {
      int64_t h = molt_hash(x);
      if (h == -1 && molt_err_occurred()) return -1;
      int err = 0;
      V r = dict_lookup(c, x, h, &err);
      return err ? -1 : r != MOLT_NULL;
    }
    case MOLT_TYPE_SET: return set_contains(c, x);
    case MOLT_TYPE_RANGE: {
      Range *r = AS(Range, c);
      int64_t k;
      if (molt_is_double(x)) {
        double d = molt_unbox_double(x);
        if (d != floor(d) || fabs(d) > 9e18) return 0;
        k = (int64_t)d;
      } else if (!is_intlike(x) || !int_fits_i64(x, &k)) {
        return 0;
      }
      if (r->step > 0 ? (k < r->start || k >= r->stop) : (k > r->start || k <= r->stop)) return 0;
      return (k - r->start) % r->step == 0;
    }
    case MOLT_TYPE_DICT_VIEW: {
      DictView *dv = AS(DictView, c);
      if (dv->kind == VIEW_KEYS) return molt_contains(dv->dict, x);
      if (dv->kind == VIEW_VALUES) {
        Dict *d = AS(Dict, dv->dict);
        for (int64_t i = 0; i < d->nentries; i++) {
          if (d->entries[i].key == MOLT_NULL) continue;
          int r = eq_bool(d->entries[i].value, x);
          if (r) return r;
        }
        return 0;
      }
      if (!is_tuple(x) || TUPLE(x)->len != 2) return 0;
      int64_t h = molt_hash(TUPLE(x)->items[0]);
      if (h == -1 && molt_err_occurred()) return -1;
      int err = 0;
      V v = dict_lookup(dv->dict, TUPLE(x)->items[0], h, &err);
      if (err) return -1;
      return v == MOLT_NULL ? 0 : eq_bool(v, TUPLE(x)->items[1]);
    }
    default: break;
    }
  }
  err_fmt(MOLT_EXC_TYPE_ERROR, "argument of type '%s' is not iterable", tname(c));
  return -1;
}

// `x in container` with the operands in source order: compiled code calls
// this so that `x` is evaluated first, as CPython does.
extern "C" int molt_in(MoltValue x, MoltValue c) { return molt_contains(c, x); }

// ---- indexing -----------------------------------------------------------------

int index_arg(V v, int64_t *out) {
  if (!int_fits_i64(v, out)) {
    err_fmt(MOLT_EXC_INDEX_ERROR, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  return 0;
}

static int norm_index(V key, int64_t len, int64_t *out, const char *what, uint32_t errtype) {
  int64_t i;
  if (index_arg(key, &i) < 0) return -1;
  if (i < 0) i += len;
  if (i < 0 || i >= len) {
    err_fmt(errtype, "%s", what);
    return -1;
  }
  *out = i;
  return 0;
}

extern "C" MoltValue molt_getitem(MoltValue v, MoltValue key) {
  if (__builtin_expect(is_list(v) && molt_is_smallint(key), 1)) { // hot path: list[int]
    List *l = LIST(v);
    int64_t i = molt_unbox_smallint(key);
    if (i < 0) i += l->len;
    if ((uint64_t)i < (uint64_t)l->len) return incref(l->items[i]);
    return err_fmt(MOLT_EXC_INDEX_ERROR, "list index out of range");
  }
  if (molt_is_ptr(v)) {
    uint32_t t = obj_type(v);
    if (t == MOLT_TYPE_DICT) return molt_dict_getitem(v, key);
    if (!is_intlike(key)) {
      switch (t) {
      case MOLT_TYPE_LIST:
      case MOLT_TYPE_TUPLE:
      case MOLT_TYPE_RANGE:
      case MOLT_TYPE_BYTES:
        return err_fmt(MOLT_EXC_TYPE_ERROR, "%s indices must be integers or slices, not %s",
                       t == MOLT_TYPE_BYTES ? "byte" : tname(v), tname(key));
      case MOLT_TYPE_STR: return err_fmt(MOLT_EXC_TYPE_ERROR, "string indices must be integers, not '%s'", tname(key));
      default: break;
      }
    }
    int64_t i;
    switch (t) {
    case MOLT_TYPE_LIST:
      if (norm_index(key, LIST(v)->len, &i, "list index out of range", MOLT_EXC_INDEX_ERROR) < 0) return MOLT_NULL;
      return incref(LIST(v)->items[i]);
    case MOLT_TYPE_TUPLE:
      if (norm_index(key, TUPLE(v)->len, &i, "tuple index out of range", MOLT_EXC_INDEX_ERROR) < 0) return MOLT_NULL;
      return incref(TUPLE(v)->items[i]);
    case MOLT_TYPE_STR:
      if (norm_index(key, STR(v)->ncp, &i, "string index out of range", MOLT_EXC_INDEX_ERROR) < 0) return MOLT_NULL;
      return str_getitem(v, i);
    case MOLT_TYPE_BYTES:
      if (norm_index(key, AS(Bytes, v)->n, &i, "index out of range", MOLT_EXC_INDEX_ERROR) < 0) return MOLT_NULL;
      return molt_box_smallint(AS(Bytes, v)->data[i]);
    case MOLT_TYPE_RANGE: {
      Range *r = AS(Range, v);
      if (norm_index(key, r->len, &i, "range object index out of range", MOLT_EXC_INDEX_ERROR) < 0) return MOLT_NULL;
      return int_from_i64(r->start + i * r->step);
    }
    default: break;
    }
  }
  return err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object is not subscriptable", tname(v));
}

extern "C" int molt_setitem(MoltValue v, MoltValue key, MoltValue x) {
  if (is_dict(v)) return molt_dict_set(v, key, x);
  if (is_list(v)) {
    if (!is_intlike(key)) {
      err_fmt(MOLT_EXC_TYPE_ERROR, "list indices must be integers or slices, not %s", tname(key));
      return -1;
    }
    int64_t i;
    if (norm_index(key, LIST(v)->len, &i, "list assignment index out of range", MOLT_EXC_INDEX_ERROR) < 0) return -1;
    V old = LIST(v)->items[i];
    LIST(v)->items[i] = incref(x);
    decref(old);
    return 0;
  }
  err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object does not support item assignment", tname(v));
  return -1;
}

extern "C" int molt_delitem(MoltValue v, MoltValue key) {
  if (is_dict(v)) return molt_dict_del(v, key);
  if (is_list(v)) {
    if (!is_intlike(key)) {
      err_fmt(MOLT_EXC_TYPE_ERROR, "list indices must be integers or slices, not %s", tname(key));
      return -1;
    }
    int64_t i;
    if (norm_index(key, LIST(v)->len, &i, "list assignment index out of range", MOLT_EXC_INDEX_ERROR) < 0) return -1;
    V r = molt_list_pop(v, i);
    decref(r);
    return 0;
  }
  err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object doesn't support item deletion", tname(v));
  return -1;
}

// ---- slicing ----------------------------------------------------------------------

static int slice_part(V v, int64_t *out, int64_t dflt) {
  if (v == MOLT_NONE) {
    *out = dflt;
    return 0;
  }
  if (!is_intlike(v)) {
    err_fmt(MOLT_EXC_TYPE_ERROR, "slice indices must be integers or None or have an __index__ method");
    return -1;
  }
  if (!int_fits_i64(v, out)) *out = int_sign(v) < 0 ? INT64_MIN / 2 : INT64_MAX / 2; // clamp like CPython
  return 0;
}

int slice_indices(V start, V stop, V step, int64_t len, int64_t *s, int64_t *e, int64_t *st, int64_t *slicelen) {
  int64_t stp;
  if (slice_part(step, &stp, 1) < 0) return -1;
  if (stp == 0) {
    err_fmt(MOLT_EXC_VALUE_ERROR, "slice step cannot be zero");
    return -1;
  }
  int64_t a, b;
  if (slice_part(start, &a, stp < 0 ? INT64_MAX / 2 : 0) < 0) return -1;
  if (slice_part(stop, &b, stp < 0 ? INT64_MIN / 2 : INT64_MAX / 2) < 0) return -1;
  // PySlice_AdjustIndices
  if (a < 0) {
    a += len;
    if (a < 0) a = stp < 0 ? -1 : 0;
  } else if (a >= len) {
    a = stp < 0 ? len - 1 : len;
  }
  if (b < 0) {
    b += len;
    if (b < 0) b = stp < 0 ? -1 : 0;
  } else if (b >= len) {
    b = stp < 0 ? len - 1 : len;
  }
  int64_t n = 0;
  if (stp < 0) {
    if (b < a) n = (a - b - 1) / (-stp) + 1;
  } else {
    if (a < b) n = (b - a - 1) / stp + 1;
  }
  *s = a;
  *e = b;
  *st = stp;
  *slicelen = n;
  return 0;
}

extern "C" MoltValue molt_getslice(MoltValue v, MoltValue start, MoltValue stop, MoltValue step) {
  int64_t len = -1;
  if (molt_is_ptr(v)) {
    switch (obj_type(v)) {
    case MOLT_TYPE_LIST: len = LIST(v)->len; break;
    case MOLT_TYPE_TUPLE: len = TUPLE(v)->len; break;
    case MOLT_TYPE_STR: len = STR(v)->ncp; break;
    case MOLT_TYPE_BYTES: len = AS(Bytes, v)->n; break;
    case MOLT_TYPE_RANGE: len = AS(Range, v)->len; break;
    default: break;
    }
  }
  if (len < 0) return err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object is not subscriptable", tname(v));
  int64_t a, b, st, n;
  if (slice_indices(start, stop, step, len, &a, &b, &st, &n) < 0) return MOLT_NULL;
  switch (obj_type(v)) {
  case MOLT_TYPE_LIST: {
    V r = list_new(n);
    for (int64_t i = 0, k = a; i < n; i++, k += st) list_append_steal(r, incref(LIST(v)->items[k]));
    return r;
  }
  case MOLT_TYPE_TUPLE: {
    if (a == 0 && st == 1 && n == len) return incref(v);
    V r = tuple_new(n);
    for (int64_t i = 0, k = a; i < n; i++, k += st) TUPLE(r)->items[i] = incref(TUPLE(v)->items[k]);
    return r;
  }
  case MOLT_TYPE_STR: return str_slice(v, a, b, st, n);
  case MOLT_TYPE_BYTES: {
    uint8_t *tmp = (uint8_t *)molt_xmalloc((size_t)n + 1);
    for (int64_t i = 0, k = a; i < n; i++, k += st) tmp[i] = AS(Bytes, v)->data[k];
    V r = molt_bytes_from(tmp, n);
    free(tmp);
    return r;
  }
  default: { // range
    Range *r = AS(Range, v);
    Range *o = (Range *)molt_alloc_object(sizeof(Range), MOLT_TYPE_RANGE);
    o->start = r->start + a * r->step;
    o->step = r->step * st;
    o->stop = o->start + n * o->step;
    o->len = n;
    return BOX(o);
  }
  }
}

extern "C" int molt_setslice(MoltValue v, MoltValue start, MoltValue stop, MoltValue step, MoltValue x) {
  if (!is_list(v)) {
    err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object does not support item assignment", tname(v));
    return -1;
  }
  V src = seq_to_list(x);
  if (src == MOLT_NULL) {
    if (molt_err_matches(MOLT_EXC_TYPE_ERROR)) {
      molt_err_clear();
      err_fmt(MOLT_EXC_TYPE_ERROR, "must assign iterable to extended slice");
    }
    return -1;
  }
  List *l = LIST(v), *s = LIST(src);
  int64_t a, b, st, n;
  if (slice_indices(start, stop, step, l->len, &a, &b, &st, &n) < 0) {
    decref(src);
    return -1;
  }
  if (st == 1) {
    if (b < a) b = a;
    int64_t newlen = l->len - (b - a) + s->len;
    V *items = (V *)molt_xmalloc(sizeof(V) * (size_t)(newlen > 0 ? newlen : 1));
    for (int64_t i = 0; i < a; i++) items[i] = l->items[i];
    for (int64_t i = 0; i < s->len; i++) items[a + i] = incref(s->items[i]);
    for (int64_t i = b; i < l->len; i++) items[a + s->len + (i - b)] = l->items[i];
    V *old = l->items;
    int64_t oldlen = l->len;
    l->items = items;
    l->len = newlen;
    l->cap = newlen > 0 ? newlen : 1;
    for (int64_t i = a; i < b && i < oldlen; i++) decref(old[i]);
    free(old);
    decref(src);
    return 0;
  }
  if (s->len != n) {
    err_fmt(MOLT_EXC_VALUE_ERROR, "attempt to assign sequence of size %lld to extended slice of size %lld",
            (long long)s->len, (long long)n);
    decref(src);
    return -1;
  }
  for (int64_t i = 0, k = a; i < n; i++, k += st) {
    V old = l->items[k];
    l->items[k] = incref(s->items[i]);
    decref(old);
  }
  decref(src);
  return 0;
}

extern "C" int molt_delslice(MoltValue v, MoltValue start, MoltValue stop, MoltValue step) {
  if (!is_list(v)) {
    err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object doesn't support item deletion", tname(v));
    return -1;
  }
  List *l = LIST(v);
  int64_t a, b, st, n;
  if (slice_indices(start, stop, step, l->len, &a, &b, &st, &n) < 0) return -1;
  if (n == 0) return 0;
  uint8_t *del = (uint8_t *)calloc((size_t)l->len, 1);
  for (int64_t i = 0, k = a; i < n; i++, k += st) del[k] = 1;
  int64_t w = 0;
  V *dead = (V *)molt_xmalloc(sizeof(V) * (size_t)n);
  int64_t nd = 0;
  for (int64_t i = 0; i < l->len; i++) {
    if (del[i])
      dead[nd++] = l->items[i];
    else
      l->items[w++] = l->items[i];
  }
  l->len = w;
  free(del);
  for (int64_t i = 0; i < nd; i++) decref(dead[i]);
  free(dead);
  return 0;
}
