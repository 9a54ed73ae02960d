// list.cpp - list and tuple objects, their methods, and the stable sort
// used by list.sort() and sorted().
//
// Lists are a header plus a separately allocated item array that grows by
// ~1.5x (CPython-like over-allocation). Tuples store items inline.
#include "internal.h"

// ---- list -----------------------------------------------------------------------

// Item arrays of 4, 8 and 16 slots are recycled through one free list per
// size, fed by dying lists (list_free_items): a loop that copies a short
// list and drops it (fannkuch's perm1.copy()) then costs no malloc/free. A
// short list gets the smallest of those sizes that holds cap; cap never
// exceeds the slots its array has, so a dying list's array can serve any
// size up to its cap. (Not in size-optimised builds: MOLT_SPEED_PATHS.)
#if !MOLT_NO_FREE_LISTS && MOLT_SPEED_PATHS
static const int64_t kItemSizes[3] = {4, 8, 16};
static const uint32_t kMaxFreeItems = 1024;
static V *g_free_items[3];
static uint32_t g_n_free_items[3];
#endif

V list_new(int64_t cap) {
  List *l = (List *)molt_alloc_object(sizeof(List), MOLT_TYPE_LIST);
#if !MOLT_NO_FREE_LISTS && MOLT_SPEED_PATHS
  if (cap <= 16) {
    int k = cap <= 4 ? 0 : cap <= 8 ? 1 : 2;
    l->cap = kItemSizes[k];
    if (V *p = g_free_items[k]) {
      memcpy(&g_free_items[k], p, sizeof(V *)); // linked through the first slot
      g_n_free_items[k]--;
      l->items = p;
    } else {
      l->items = (V *)molt_xmalloc(sizeof(V) * (size_t)l->cap);
    }
    return BOX(l);
  }
#endif
  l->cap = cap > 4 ? cap : 4;
  l->items = (V *)molt_xmalloc(sizeof(V) * (size_t)l->cap);
  return BOX(l);
}

void list_free_items(V *items, int64_t cap) {
#if !MOLT_NO_FREE_LISTS && MOLT_SPEED_PATHS
  if (cap >= 4 && cap <= 31) {
    int k = cap >= 16 ? 2 : cap >= 8 ? 1 : 0;
    if (g_n_free_items[k] < kMaxFreeItems) {
      memcpy(items, &g_free_items[k], sizeof(V *));
      g_free_items[k] = items;
      g_n_free_items[k]++;
      return;
    }
  }
#endif
  free(items);
}
extern "C" MoltValue molt_list_new(int64_t cap) { return list_new(cap); }

// typing.cast(list[...], v) in compiled code: code typed `list` reads lists
// inline without a type test, so the cast checks once (CPython's cast checks
// nothing; a program whose cast lies fails here instead of later).
extern "C" MoltValue molt_expect_list(MoltValue v) {
  if (is_list(v)) return incref(v);
  return err_fmt(MOLT_EXC_TYPE_ERROR, "cast to a list type given a '%s' object (Molt checks casts to list)", tname(v));
}

void list_grow(List *l, int64_t need) {
  if (need <= l->cap) return;
  int64_t nc = l->cap + (l->cap >> 1) + 4;
  if (nc < need) nc = need;
  l->items = (V *)molt_xrealloc(l->items, sizeof(V) * (size_t)nc);
  l->cap = nc;
}

// `l *= k` (CPython's list_inplace_repeat): k <= 0 empties it, otherwise
// the items repeat k times in the same list.
int list_inplace_repeat(V lv, int64_t k) {
  List *l = LIST(lv);
  int64_t len = l->len;
  if (k <= 0) return molt_list_clear(lv) < 0 ? -1 : 0;
  if (k == 1 || len == 0) return 0;
  if (repeat_too_big(len, k)) {
    err_no_memory();
    return -1;
  }
  list_grow(l, len * k);
  for (int64_t j = 1; j < k; j++)
    for (int64_t i = 0; i < len; i++) l->items[j * len + i] = incref(l->items[i]);
  l->len = len * k;
  return 0;
}


#define REQUIRE_LIST(v, name, err)                                                                                 \
  if (!is_list(v)) {                                                                                               \
    err_fmt(MOLT_EXC_TYPE_ERROR, "descriptor '%s' for 'list' objects doesn't apply to a '%s' object", name, tname(v)); \
    return err;                                                                                                    \
  }

extern "C" MoltValue molt_list_from_array(const MoltValue *items, int64_t n) {
  V l = list_new(n);
  for (int64_t i = 0; i < n; i++) LIST(l)->items[i] = incref(items[i]);
  LIST(l)->len = n;
  return l;
}
extern "C" int molt_list_append(MoltValue l, MoltValue x) {
  REQUIRE_LIST(l, "append", -1);
  return list_append_steal(l, incref(x));
}
extern "C" int molt_list_append_steal(MoltValue l, MoltValue x) {
  REQUIRE_LIST(l, "append", -1);
  return list_append_steal(l, x);
}
extern "C" MoltValue molt_list_get_borrowed(MoltValue l, int64_t i) {
  MOLT_ASSERT(is_list(l) && i >= 0 && i < LIST(l)->len, "molt_list_get_borrowed: index out of range");
  return LIST(l)->items[i];
}

extern "C" int molt_list_extend(MoltValue l, MoltValue it) {
  REQUIRE_LIST(l, "extend", -1);
  if (is_list(it) || is_tuple(it)) {
    int64_t n = is_list(it) ? LIST(it)->len : TUPLE(it)->len;
    list_grow(LIST(l), LIST(l)->len + n);
    // The source's items are read after growing: `a.extend(a)` (and
    // `a += a`) grows the very array it copies from, which realloc may move.
    V *src = is_list(it) ? LIST(it)->items : TUPLE(it)->items;
    for (int64_t i = 0; i < n; i++) LIST(l)->items[LIST(l)->len + i] = incref(src[i]);
    LIST(l)->len += n;
    return 0;
  }
  V iter = molt_iter(it);
  if (iter == MOLT_NULL) return -1;
  while (true) {
    V x = molt_iter_next(iter);
    if (x == MOLT_STOP) break;
    if (x == MOLT_NULL) {
      decref(iter);
      return -1;
    }
    list_append_steal(l, x);
  }
  decref(iter);
  return 0;
}

V seq_to_list(V it) {
  if (is_list(it)) return molt_list_copy(it);
  V l = list_new(0);
  if (molt_list_extend(l, it) < 0) {
    decref(l);
    return MOLT_NULL;
  }
  return l;
}

extern "C" int molt_list_insert(MoltValue lv, int64_t i, MoltValue x) {
  REQUIRE_LIST(lv, "insert", -1);
  List *l = LIST(lv);
  if (i < 0) {
    i += l->len;
    if (i < 0) i = 0;
  }
  if (i > l->len) i = l->len;
  list_grow(l, l->len + 1);
  memmove(l->items + i + 1, l->items + i, sizeof(V) * (size_t)(l->len - i));
  l->items[i] = incref(x);
  l->len++;
  return 0;
}

extern "C" MoltValue molt_list_pop(MoltValue lv, int64_t i) {
  REQUIRE_LIST(lv, "pop", MOLT_NULL);
  List *l = LIST(lv);
  if (l->len == 0) return err_fmt(MOLT_EXC_INDEX_ERROR, "pop from empty list");
  if (i < 0) i += l->len;
  if (i < 0 || i >= l->len) return err_fmt(MOLT_EXC_INDEX_ERROR, "pop index out of range");
  V x = l->items[i];
  memmove(l->items + i, l->items + i + 1, sizeof(V) * (size_t)(l->len - i - 1));
  l->len--;
  return x;
}

static int64_t find_in(const V *items, int64_t n, V x) {
  for (int64_t i = 0; i < n; i++) {
    if (items[i] == x && !molt_is_double(x)) return i;
    int r = eq_bool(items[i], x);
    if (r < 0) return -2;
    if (r) return i;
  }
  return -1;
}

extern "C" int molt_list_remove(MoltValue lv, MoltValue x) {
  REQUIRE_LIST(lv, "remove", -1);
  int64_t i = find_in(LIST(lv)->items, LIST(lv)->len, x);
  if (i == -2) return -1;
  if (i < 0) {
    err_fmt(MOLT_EXC_VALUE_ERROR, "list.remove(x): x not in list");
    return -1;
  }
  decref(molt_list_pop(lv, i));
  return 0;
}

extern "C" MoltValue molt_list_index(MoltValue lv, MoltValue x) {
  REQUIRE_LIST(lv, "index", MOLT_NULL);
  int64_t i = find_in(LIST(lv)->items, LIST(lv)->len, x);
  if (i == -2) return MOLT_NULL;
  if (i < 0) {
    V r = molt_repr_of(x);
    if (r == MOLT_NULL) return MOLT_NULL;
    err_fmt(MOLT_EXC_VALUE_ERROR, "%s is not in list", STR(r)->data);
    decref(r);
    return MOLT_NULL;
  }
  return int_from_i64(i);
}

static V count_in(const V *items, int64_t n, V x) {
  int64_t c = 0;
  for (int64_t i = 0; i < n; i++) {
    if (items[i] == x && !molt_is_double(x)) {
      c++;
      continue;
    }
    int r = eq_bool(items[i], x);
    if (r < 0) return MOLT_NULL;
    c += r;
  }
  return int_from_i64(c);
}
extern "C" MoltValue molt_list_count(MoltValue lv, MoltValue x) {
  REQUIRE_LIST(lv, "count", MOLT_NULL);
  return count_in(LIST(lv)->items, LIST(lv)->len, x);
}

extern "C" int molt_list_reverse(MoltValue lv) {
  REQUIRE_LIST(lv, "reverse", -1);
  List *l = LIST(lv);
  for (int64_t i = 0, j = l->len - 1; i < j; i++, j--) {
    V t = l->items[i];
    l->items[i] = l->items[j];
    l->items[j] = t;
  }
  return 0;
}
extern "C" MoltValue molt_list_copy(MoltValue lv) {
  REQUIRE_LIST(lv, "copy", MOLT_NULL);
  return molt_list_from_array(LIST(lv)->items, LIST(lv)->len);
}

// `x = src.copy()` where x is the only reference to its old list, which
// holds no objects (ints, floats, bools: a permutation copied again and
// again): the copy goes into the old list's array and x keeps the same
// list, with no allocation and no free. Nothing can observe the reuse: the
// old list was about to die. Otherwise an ordinary copy. Takes over the
// reference to `old` on success (the caller stores the result in x without
// releasing the old value); on failure `old` is untouched.
extern "C" MoltValue molt_list_copy_into(MoltValue old, MoltValue src) {
  REQUIRE_LIST(src, "copy", MOLT_NULL);
  List *s = LIST(src);
  if (is_list(old) && old != src && OBJ(old)->rc == 1 && LIST(old)->cap >= s->len) {
    List *o = LIST(old);
    if (!holds_object(o->items, o->len)) {
      for (int64_t i = 0; i < s->len; i++) o->items[i] = incref(s->items[i]);
      o->len = s->len;
      return old;
    }
  }
  V r = molt_list_from_array(s->items, s->len);
  decref(old);
  return r;
}
extern "C" int molt_list_clear(MoltValue lv) {
  REQUIRE_LIST(lv, "clear", -1);
  List *l = LIST(lv);
  int64_t n = l->len;
  V *old = l->items;
  l->items = (V *)molt_xmalloc(sizeof(V) * 4);
  l->cap = 4;
  l->len = 0;
  for (int64_t i = 0; i < n; i++) decref(old[i]);
  free(old);
  return 0;
}

// ---- sorting ----------------------------------------------------------------------

// Stable merge sort on keys[] carrying a permutation; compares with `<`
// (reverse: `b < a`, which keeps equal elements in original order like
// CPython's reverse=True).
static int msort(V *keys, int64_t *idx, int64_t *tmpi, V *tmpk, int64_t n, int reverse) {
  if (n < 2) return 0;
  if (n <= 8) { // insertion sort
    for (int64_t i = 1; i < n; i++) {
      V k = keys[i];
      int64_t ix = idx[i];
      int64_t j = i;
      while (j > 0) {
        int lt = reverse ? lt_bool(keys[j - 1], k) : lt_bool(k, keys[j - 1]);
        if (lt < 0) return -1;
        if (!lt) break;
        keys[j] = keys[j - 1];
        idx[j] = idx[j - 1];
        j--;
      }
      keys[j] = k;
      idx[j] = ix;
    }
    return 0;
  }
  int64_t m = n / 2;
  if (msort(keys, idx, tmpi, tmpk, m, reverse) < 0) return -1;
  if (msort(keys + m, idx + m, tmpi, tmpk, n - m, reverse) < 0) return -1;
  memcpy(tmpk, keys, sizeof(V) * (size_t)m);
  memcpy(tmpi, idx, sizeof(int64_t) * (size_t)m);
  int64_t i = 0, j = m, k = 0;
  while (i < m && j < n) {
    int take_right = reverse ? lt_bool(tmpk[i], keys[j]) : lt_bool(keys[j], tmpk[i]);
    if (take_right < 0) {
      // restore a consistent state: copy the rest back
      while (i < m) {
        keys[k] = tmpk[i];
        idx[k++] = tmpi[i++];
      }
      return -1;
    }
    if (take_right) {
      keys[k] = keys[j];
      idx[k++] = idx[j++];
    } else {
      keys[k] = tmpk[i];
      idx[k++] = tmpi[i++];
    }
  }
  while (i < m) {
    keys[k] = tmpk[i];
    idx[k++] = tmpi[i++];
  }
  return 0;
}

int sort_values(V *items, int64_t n, V key, int reverse) {
  if (n < 2) return 0;
  V *keys = (V *)molt_xmalloc(sizeof(V) * (size_t)n);
  int64_t nkeys = 0;
  int rc = 0;
  if (key != MOLT_NONE) {
    for (; nkeys < n; nkeys++) {
      V k = call_fn(key, &items[nkeys], 1);
      if (k == MOLT_NULL) {
        rc = -1;
        break;
      }
      keys[nkeys] = k;
    }
  } else {
    memcpy(keys, items, sizeof(V) * (size_t)n);
  }
  if (rc == 0) {
    int64_t *idx = (int64_t *)molt_xmalloc(sizeof(int64_t) * (size_t)n);
    int64_t *tmpi = (int64_t *)molt_xmalloc(sizeof(int64_t) * (size_t)(n / 2 + 1));
    V *tmpk = (V *)molt_xmalloc(sizeof(V) * (size_t)(n / 2 + 1));
    for (int64_t i = 0; i < n; i++) idx[i] = i;
    V *saved = (V *)molt_xmalloc(sizeof(V) * (size_t)n);
    memcpy(saved, items, sizeof(V) * (size_t)n);
    rc = msort(keys, idx, tmpi, tmpk, n, reverse);
    if (rc == 0)
      for (int64_t i = 0; i < n; i++) items[i] = saved[idx[i]];
    free(saved);
    free(idx);
    free(tmpi);
    free(tmpk);
  }
  if (key != MOLT_NONE)
    for (int64_t i = 0; i < nkeys; i++) decref(keys[i]);
  free(keys);
  return rc;
}

extern "C" int molt_list_sort(MoltValue lv, MoltValue key, int reverse) {
  REQUIRE_LIST(lv, "sort", -1);
  List *l = LIST(lv);
  // CPython empties the list during the sort; we sort a snapshot so that a
  // key function mutating the list cannot corrupt memory.
  int64_t n = l->len;
  V *items = l->items;
  l->items = (V *)molt_xmalloc(sizeof(V) * 4);
  l->len = 0;
  l->cap = 4;
  int rc = sort_values(items, n, key, reverse);
  bool modified = l->len != 0;
  V *junk = l->items;
  int64_t njunk = l->len;
  l->items = items;
  l->len = n;
  l->cap = n > 0 ? n : 1;
  for (int64_t i = 0; i < njunk; i++) decref(junk[i]);
  free(junk);
  if (rc == 0 && modified) {
    err_fmt(MOLT_EXC_VALUE_ERROR, "list modified during sort");
    return -1;
  }
  return rc;
}

// ---- tuple --------------------------------------------------------------------------

V tuple_new(int64_t n) {
  Tuple *t = (Tuple *)molt_alloc_object(offsetof(Tuple, items) + sizeof(V) * (size_t)(n > 0 ? n : 1), MOLT_TYPE_TUPLE);
  t->len = n;
  for (int64_t i = 0; i < n; i++) t->items[i] = MOLT_NONE;
  return BOX(t);
}
extern "C" MoltValue molt_tuple_new(int64_t n) { return tuple_new(n); }
extern "C" void molt_tuple_init_steal(MoltValue t, int64_t i, MoltValue x) {
  MOLT_ASSERT(is_tuple(t) && i >= 0 && i < TUPLE(t)->len, "molt_tuple_init_steal: index out of range");
  V old = TUPLE(t)->items[i];
  TUPLE(t)->items[i] = x;
  decref(old);
}
extern "C" MoltValue molt_tuple_from_array(const MoltValue *items, int64_t n) {
  V t = tuple_new(n);
  for (int64_t i = 0; i < n; i++) TUPLE(t)->items[i] = incref(items[i]);
  return t;
}
V tuple_pack2(V a, V b) {
  V t = tuple_new(2);
  TUPLE(t)->items[0] = incref(a);
  TUPLE(t)->items[1] = incref(b);
  return t;
}
extern "C" MoltValue molt_tuple_index(MoltValue t, MoltValue x) {
  if (!is_tuple(t)) return err_fmt(MOLT_EXC_TYPE_ERROR, "expected tuple");
  int64_t i = find_in(TUPLE(t)->items, TUPLE(t)->len, x);
  if (i == -2) return MOLT_NULL;
  if (i < 0) return err_fmt(MOLT_EXC_VALUE_ERROR, "tuple.index(x): x not in tuple");
  return int_from_i64(i);
}
extern "C" MoltValue molt_tuple_count(MoltValue t, MoltValue x) {
  if (!is_tuple(t)) return err_fmt(MOLT_EXC_TYPE_ERROR, "expected tuple");
  return count_in(TUPLE(t)->items, TUPLE(t)->len, x);
}
