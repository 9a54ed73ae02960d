// iter.cpp - range objects and the iterator protocol: iter()/next() over
// every builtin container plus enumerate, zip, map, filter and reversed.
//
// All iterators share one object layout (Iter) with a kind tag. Exhaustion
// is signalled with MOLT_STOP (no exception), errors with MOLT_NULL.
#include "internal.h"

// ---- range -----------------------------------------------------------------------

static int range_arg(V v, int64_t *out) {
  if (!is_intlike(v)) {
    err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object cannot be interpreted as an integer", tname(v));
    return -1;
  }
  if (!int_fits_i64(v, out) || *out > ((int64_t)1 << 62) || *out < -((int64_t)1 << 62)) {
    err_fmt(MOLT_EXC_OVERFLOW_ERROR, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return 0;
}

extern "C" MoltValue molt_range_new(MoltValue start, MoltValue stop, MoltValue step) {
  int64_t a = 0, b, s = 1;
  if (stop == MOLT_NONE) { // range(stop)
    if (range_arg(start, &b) < 0) return MOLT_NULL;
  } else {
    if (range_arg(start, &a) < 0 || range_arg(stop, &b) < 0) return MOLT_NULL;
    if (step != MOLT_NONE && range_arg(step, &s) < 0) return MOLT_NULL;
  }
  if (s == 0) return err_fmt(MOLT_EXC_VALUE_ERROR, "range() arg 3 must not be zero");
  Range *r = (Range *)molt_alloc_object(sizeof(Range), MOLT_TYPE_RANGE);
  r->start = a;
  r->stop = b;
  r->step = s;
  if (s > 0)
    r->len = a < b ? (b - a - 1) / s + 1 : 0;
  else
    r->len = a > b ? (a - b - 1) / (-s) + 1 : 0;
  return BOX(r);
}

// ---- iterators -----------------------------------------------------------------------

static V new_iter(uint32_t kind, V src, V aux) {
  Iter *it = (Iter *)molt_alloc_object(sizeof(Iter), MOLT_TYPE_ITERATOR);
  it->kind = kind;
  it->src = src;
  it->aux = aux;
  return BOX(it);
}

extern "C" MoltValue molt_iter(MoltValue v) {
  if (molt_is_ptr(v)) {
    switch (obj_type(v)) {
    case MOLT_TYPE_LIST: return new_iter(IT_LIST, incref(v), MOLT_NULL);
    case MOLT_TYPE_TUPLE: return new_iter(IT_TUPLE, incref(v), MOLT_NULL);
    case MOLT_TYPE_STR: return new_iter(IT_STR, incref(v), MOLT_NULL);
    case MOLT_TYPE_BYTES: return new_iter(IT_BYTES, incref(v), MOLT_NULL);
    case MOLT_TYPE_RANGE: {
      Range *r = AS(Range, v);
      V it = new_iter(IT_RANGE, MOLT_NULL, MOLT_NULL);
      AS(Iter, it)->idx = r->start;
      AS(Iter, it)->end = r->len;
      AS(Iter, it)->step = r->step;
      return it;
    }
    case MOLT_TYPE_DICT: {
      V it = new_iter(IT_DICT_KEYS, incref(v), MOLT_NULL);
      AS(Iter, it)->end = AS(Dict, v)->used;
      AS(Iter, it)->step = AS(Dict, v)->used; // items still expected (CPython's di->len)
      return it;
    }
    case MOLT_TYPE_DICT_VIEW: {
      DictView *dv = AS(DictView, v);
      uint32_t k = dv->kind == VIEW_KEYS ? IT_DICT_KEYS : dv->kind == VIEW_VALUES ? IT_DICT_VALUES : IT_DICT_ITEMS;
      V it = new_iter(k, incref(dv->dict), MOLT_NULL);
      AS(Iter, it)->end = AS(Dict, dv->dict)->used;
      AS(Iter, it)->step = AS(Dict, dv->dict)->used;
      return it;
    }
    case MOLT_TYPE_SET: {
      V it = new_iter(IT_SET, incref(v), MOLT_NULL);
      AS(Iter, it)->end = AS(Set, v)->used;
      return it;
    }
    case MOLT_TYPE_ITERATOR: return incref(v);
    case MOLT_TYPE_FILE: return incref(v);
    default: break;
    }
  }
  return err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object is not iterable", tname(v));
}

extern "C" MoltValue molt_iter_next(MoltValue iv) {
  if (is_type(iv, MOLT_TYPE_FILE)) {
    V line = molt_file_readline(iv);
    if (line == MOLT_NULL) return MOLT_NULL;
    if (STR(line)->nbytes == 0) {
      decref(line);
      return MOLT_STOP;
    }
    return line;
  }
  if (!is_type(iv, MOLT_TYPE_ITERATOR)) return err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object is not an iterator", tname(iv));
  Iter *it = AS(Iter, iv);
  switch (it->kind) {
  case IT_LIST: {
    List *l = LIST(it->src);
    if (it->idx >= l->len) return MOLT_STOP;
    return incref(l->items[it->idx++]);
  }
  case IT_TUPLE: {
    Tuple *t = TUPLE(it->src);
    if (it->idx >= t->len) return MOLT_STOP;
    return incref(t->items[it->idx++]);
  }
  case IT_STR: { // idx is a byte offset
    Str *s = STR(it->src);
    if (it->idx >= s->nbytes) return MOLT_STOP;
    uint32_t cp;
    it->idx = utf8_decode(s->data, s->nbytes, it->idx, &cp);
    return str_from_cp(cp);
  }
  case IT_BYTES: {
    Bytes *b = AS(Bytes, it->src);
    if (it->idx >= b->n) return MOLT_STOP;
    return molt_box_smallint(b->data[it->idx++]);
  }
  case IT_RANGE: {
    if (it->end <= 0) return MOLT_STOP;
    it->end--;
    int64_t v = it->idx;
    it->idx += it->step;
    return int_from_i64(v);
  }
  case IT_DICT_KEYS:
  case IT_DICT_VALUES:
  case IT_DICT_ITEMS: {
    Dict *d = AS(Dict, it->src);
    if (d->used != it->end) {
      it->end = -1; // stay broken, like CPython
      return err_fmt(MOLT_EXC_RUNTIME_ERROR, "dictionary changed size during iteration");
    }
    while (it->idx < d->nentries && d->entries[it->idx].key == MOLT_NULL) it->idx++;
    if (it->idx >= d->nentries) return MOLT_STOP;
    // Same size but another key than expected (a delete and an insert in
    // the loop): CPython finds more entries than the dict had.
    if (it->step == 0) {
      it->end = -1;
      return err_fmt(MOLT_EXC_RUNTIME_ERROR, "dictionary keys changed during iteration");
    }
    it->step--;
    DictEntry *e = &d->entries[it->idx++];
    if (it->kind == IT_DICT_KEYS) return incref(e->key);
    if (it->kind == IT_DICT_VALUES) return incref(e->value);
    return tuple_pack2(e->key, e->value);
  }
  case IT_SET: {
    Set *s = AS(Set, it->src);
    if (s->used != it->end) {
      it->end = -1;
      return err_fmt(MOLT_EXC_RUNTIME_ERROR, "Set changed size during iteration");
    }
    while (it->idx <= s->mask && (s->table[it->idx].key == MOLT_NULL || s->table[it->idx].key == MOLT_STOP)) it->idx++;
    if (it->idx > s->mask) return MOLT_STOP;
    return incref(s->table[it->idx++].key);
  }
  case IT_ENUMERATE: {
    V x = molt_iter_next(it->src);
    if (x == MOLT_STOP || x == MOLT_NULL) return x;
    V idx = it->aux;
    it->aux = molt_add(idx, molt_box_smallint(1));
    V t = tuple_new(2);
    TUPLE(t)->items[0] = idx;
    TUPLE(t)->items[1] = x;
    return t;
  }
  case IT_ZIP: {
    Tuple *its = TUPLE(it->src);
    if (its->len == 0) return MOLT_STOP;
    V t = tuple_new(its->len);
    for (int64_t i = 0; i < its->len; i++) {
      V x = molt_iter_next(its->items[i]);
      if (x == MOLT_STOP || x == MOLT_NULL) {
        decref(t);
        return x;
      }
      TUPLE(t)->items[i] = x;
    }
    return t;
  }
  case IT_MAP: {
    Tuple *its = TUPLE(it->src);
    V args[8];
    V *argv = its->len <= 8 ? args : (V *)molt_xmalloc(sizeof(V) * (size_t)its->len);
    int64_t got = 0;
    V result = MOLT_STOP;
    for (; got < its->len; got++) {
      V x = molt_iter_next(its->items[got]);
      if (x == MOLT_STOP || x == MOLT_NULL) {
        result = x;
        break;
      }
      argv[got] = x;
    }
    if (got == its->len) result = call_fn(it->aux, argv, got);
    for (int64_t i = 0; i < got; i++) decref(argv[i]);
    if (argv != args) free(argv);
    return result;
  }
  case IT_FILTER: {
    while (true) {
      V x = molt_iter_next(it->src);
      if (x == MOLT_STOP || x == MOLT_NULL) return x;
      int t;
      if (it->aux == MOLT_NONE) {
        t = molt_truthy(x);
      } else {
        V r = call_fn(it->aux, &x, 1);
        if (r == MOLT_NULL) {
          decref(x);
          return MOLT_NULL;
        }
        t = molt_truthy(r);
        decref(r);
      }
      if (t < 0) {
        decref(x);
        return MOLT_NULL;
      }
      if (t) return x;
      decref(x);
    }
  }
  case IT_REVERSED_SEQ: {
    if (it->idx < 0) return MOLT_STOP;
    V src = it->src;
    int64_t len = molt_len(src);
    if (it->idx >= len) { // sequence shrank
      it->idx = -1;
      return MOLT_STOP;
    }
    V key = molt_box_smallint(it->idx--);
    return molt_getitem(src, key);
  }
  default: return MOLT_STOP;
  }
}

extern "C" MoltValue molt_next(MoltValue it, MoltValue dflt) {
  V x = molt_iter_next(it);
  if (x == MOLT_STOP) {
    if (dflt != MOLT_NULL) return incref(dflt);
    return molt_err_format(MOLT_EXC_STOP_ITERATION, nullptr);
  }
  return x;
}

extern "C" MoltValue molt_enumerate(MoltValue iterable, MoltValue start) {
  if (start != MOLT_NONE && !is_intlike(start))
    return err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object cannot be interpreted as an integer", tname(start));
  V src = molt_iter(iterable);
  if (src == MOLT_NULL) return MOLT_NULL;
  return new_iter(IT_ENUMERATE, src, start == MOLT_NONE ? molt_box_smallint(0) : incref(norm_bool(start)));
}

static V iter_tuple(const V *iterables, int64_t n, const char *fname) {
  V its = tuple_new(n);
  for (int64_t i = 0; i < n; i++) {
    V it = molt_iter(iterables[i]);
    if (it == MOLT_NULL) {
      molt_err_clear();
      err_fmt(MOLT_EXC_TYPE_ERROR, "%s argument #%lld must support iteration", fname, (long long)i + 1);
      decref(its);
      return MOLT_NULL;
    }
    TUPLE(its)->items[i] = it;
  }
  return its;
}

extern "C" MoltValue molt_zip(const MoltValue *iterables, int64_t n) {
  V its = iter_tuple(iterables, n, "zip()");
  if (its == MOLT_NULL) return MOLT_NULL;
  return new_iter(IT_ZIP, its, MOLT_NULL);
}
extern "C" MoltValue molt_map(MoltValue f, const MoltValue *iterables, int64_t n) {
  if (n < 1) return err_fmt(MOLT_EXC_TYPE_ERROR, "map() must have at least two arguments.");
  V its = tuple_new(n);
  for (int64_t i = 0; i < n; i++) {
    V it = molt_iter(iterables[i]);
    if (it == MOLT_NULL) {
      decref(its);
      return MOLT_NULL;
    }
    TUPLE(its)->items[i] = it;
  }
  return new_iter(IT_MAP, its, incref(f));
}
extern "C" MoltValue molt_filter(MoltValue f, MoltValue iterable) {
  V src = molt_iter(iterable);
  if (src == MOLT_NULL) return MOLT_NULL;
  return new_iter(IT_FILTER, src, incref(f));
}
extern "C" MoltValue molt_reversed(MoltValue seq) {
  if (is_list(seq) || is_tuple(seq) || is_str(seq) || is_type(seq, MOLT_TYPE_RANGE) || is_type(seq, MOLT_TYPE_BYTES)) {
    V it = new_iter(IT_REVERSED_SEQ, incref(seq), MOLT_NULL);
    AS(Iter, it)->idx = molt_len(seq) - 1;
    return it;
  }
  if (is_dict(seq) || is_type(seq, MOLT_TYPE_DICT_VIEW)) {
    // materialise the keys/values/items in reverse
    V l = seq_to_list(seq);
    if (l == MOLT_NULL) return MOLT_NULL;
    molt_list_reverse(l);
    V it = molt_iter(l);
    decref(l);
    return it;
  }
  return err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object is not reversible", tname(seq));
}
