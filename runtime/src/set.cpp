// set.cpp - sets with CPython 3.11's table algorithm.
//
// Open addressing with LINEAR_PROBES=9 then the perturbation step, the same
// fill/resize policy (resize when fill*5 >= mask*3, to used*4 or used*2 for
// big sets) and the same re-insertion order on resize, so iterating a set of
// ints (whose hashes equal CPython's) yields CPython's order. Set operations
// build their result by adding elements in the same order CPython does for
// the common cases (documented in docs/spec/runtime.md).
#include "internal.h"

static const int64_t kMinSize = 8;
static const int kLinearProbes = 9;

static SetEntry *new_table(int64_t size) {
  SetEntry *t = (SetEntry *)molt_xmalloc(sizeof(SetEntry) * (size_t)size);
  for (int64_t i = 0; i < size; i++) t[i] = SetEntry{MOLT_NULL, 0};
  return t;
}

extern "C" MoltValue molt_set_new(void) {
  Set *s = (Set *)molt_alloc_object(sizeof(Set), MOLT_TYPE_SET);
  s->mask = kMinSize - 1;
  s->table = new_table(kMinSize);
  return BOX(s);
}

static inline bool live(V k) { return k != MOLT_NULL && k != MOLT_STOP; }

// insert into a table known to not contain key and to have no dummies
static void insert_clean(SetEntry *table, int64_t mask, V key, int64_t hash) {
  uint64_t perturb = (uint64_t)hash;
  int64_t i = hash & mask;
  while (true) {
    SetEntry *e = &table[i];
    if (e->key == MOLT_NULL) goto found;
    if (i + kLinearProbes <= mask) {
      for (int j = 0; j < kLinearProbes; j++) {
        e++;
        if (e->key == MOLT_NULL) goto found;
      }
    }
    perturb >>= 5;
    i = (int64_t)(((uint64_t)i * 5 + 1 + perturb) & (uint64_t)mask);
    continue;
  found:
    e->key = key;
    e->hash = hash;
    return;
  }
}

static void set_resize(Set *s, int64_t minused) {
  int64_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  SetEntry *old = s->table;
  int64_t oldmask = s->mask;
  s->table = new_table(newsize);
  s->mask = newsize - 1;
  for (int64_t i = 0; i <= oldmask; i++)
    if (live(old[i].key)) insert_clean(s->table, s->mask, old[i].key, old[i].hash);
  s->fill = s->used;
  free(old);
}

// returns 1 if added, 0 if present, -1 on error. Steals nothing.
// CPython 3.11 set_add_entry, including reuse of the first dummy slot seen.
static int add_entry(Set *s, V key, int64_t hash) {
  int64_t mask = s->mask;
  int64_t i = hash & mask;
  uint64_t perturb = (uint64_t)hash;
  SetEntry *e, *freeslot = nullptr;
  while (true) {
    e = &s->table[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (e->key == MOLT_NULL) goto found_unused_or_dummy;
      if (e->key == MOLT_STOP) {
        if (!freeslot) freeslot = e;
      } else if (e->hash == hash) {
        if (e->key == key && !molt_is_double(key)) return 0;
        int r = eq_bool(e->key, key); // no user __eq__: cannot mutate the set
        if (r < 0) return -1;
        if (r) return 0;
      }
      e++;
    } while (probes--);
    perturb >>= 5;
    i = (int64_t)(((uint64_t)i * 5 + 1 + perturb) & (uint64_t)mask);
  }
found_unused_or_dummy:
  if (freeslot) {
    s->used++;
    freeslot->key = incref(key);
    freeslot->hash = hash;
    return 1;
  }
  s->fill++;
  s->used++;
  e->key = incref(key);
  e->hash = hash;
  if (s->fill * 5 < mask * 3) return 1;
  set_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
  return 1;
}

static SetEntry *lookup(Set *s, V key, int64_t hash, int *err) {
  int64_t mask = s->mask;
  int64_t i = hash & mask;
  uint64_t perturb = (uint64_t)hash;
  while (true) {
    SetEntry *e = &s->table[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (e->key == MOLT_NULL) return nullptr;
      if (e->hash == hash && e->key != MOLT_STOP) {
        if (e->key == key && !molt_is_double(key)) return e;
        int r = eq_bool(e->key, key);
        if (r < 0) {
          *err = 1;
          return nullptr;
        }
        if (r) return e;
      }
      e++;
    } while (probes--);
    perturb >>= 5;
    i = (int64_t)(((uint64_t)i * 5 + 1 + perturb) & (uint64_t)mask);
  }
}

#define REQUIRE_SET(v, err)                                                                                        \
  if (!is_set(v)) {                                                                                                \
    err_fmt(MOLT_EXC_TYPE_ERROR, "expected set, got '%s'", tname(v));                                              \
    return err;                                                                                                    \
  }

static int hash_key(V key, int64_t *h) {
  *h = molt_hash(key);
  return (*h == -1 && molt_err_occurred()) ? -1 : 0;
}

int set_add_hashed(V s, V key, int64_t hash) { return add_entry(AS(Set, s), key, hash) < 0 ? -1 : 0; }

extern "C" int molt_set_add(MoltValue s, MoltValue x) {
  REQUIRE_SET(s, -1);
  int64_t h;
  if (hash_key(x, &h) < 0) return -1;
  return add_entry(AS(Set, s), x, h) < 0 ? -1 : 0;
}

int set_contains(V s, V key) {
  int64_t h;
  if (hash_key(key, &h) < 0) return -1;
  int err = 0;
  SetEntry *e = lookup(AS(Set, s), key, h, &err);
  return err ? -1 : e != nullptr;
}

static int discard(V s, V x) { // 1 removed, 0 absent, -1 error
  int64_t h;
  if (hash_key(x, &h) < 0) return -1;
  int err = 0;
  SetEntry *e = lookup(AS(Set, s), x, h, &err);
  if (err) return -1;
  if (!e) return 0;
  V old = e->key;
  e->key = MOLT_STOP; // dummy
  e->hash = -1;
  AS(Set, s)->used--;
  decref(old);
  return 1;
}
extern "C" int molt_set_discard(MoltValue s, MoltValue x) {
  REQUIRE_SET(s, -1);
  return discard(s, x) < 0 ? -1 : 0;
}
extern "C" int molt_set_remove(MoltValue s, MoltValue x) {
  REQUIRE_SET(s, -1);
  int r = discard(s, x);
  if (r == 0) {
    err_key(x);
    return -1;
  }
  return r < 0 ? -1 : 0;
}

extern "C" MoltValue molt_set_pop(MoltValue sv) {
  REQUIRE_SET(sv, MOLT_NULL);
  Set *s = AS(Set, sv);
  if (s->used == 0) {
    V msg = molt_str_from_cstr("pop from an empty set");
    err_key(msg);
    decref(msg);
    return MOLT_NULL;
  }
  int64_t i = s->finger & s->mask;
  while (!live(s->table[i].key)) i = i + 1 > s->mask ? 0 : i + 1;
  V k = s->table[i].key;
  s->table[i].key = MOLT_STOP;
  s->table[i].hash = -1;
  s->used--;
  s->finger = i + 1;
  return k;
}

// CPython set_merge: merging a set into a set (same resize and copy paths,
// so set(s) and set literals of constants get CPython's table order).
static int merge_set(V dst, V src) {
  Set *d = AS(Set, dst), *o = AS(Set, src);
  if (o->used == 0) return 0;
  if ((d->fill + o->used) * 5 >= d->mask * 3) set_resize(d, (d->used + o->used) * 2);
  if (d->fill == 0 && d->mask == o->mask && o->fill == o->used) { // copy table layout directly
    for (int64_t i = 0; i <= o->mask; i++)
      if (live(o->table[i].key)) d->table[i] = SetEntry{incref(o->table[i].key), o->table[i].hash};
    d->fill = d->used = o->used;
    return 0;
  }
  if (d->fill == 0) {
    for (int64_t i = 0; i <= o->mask; i++)
      if (live(o->table[i].key)) insert_clean(d->table, d->mask, incref(o->table[i].key), o->table[i].hash);
    d->fill = d->used = o->used;
    return 0;
  }
  for (int64_t i = 0; i <= o->mask; i++)
    if (live(o->table[i].key))
      if (add_entry(d, o->table[i].key, o->table[i].hash) < 0) return -1;
  return 0;
}

extern "C" MoltValue molt_set_from_array(const MoltValue *items, int64_t n, int all_constants) {
  V s = molt_set_new();
  for (int64_t i = 0; i < n; i++)
    if (molt_set_add(s, items[i]) < 0) {
      decref(s);
      return MOLT_NULL;
    }
  if (!all_constants || n < 3) return s;
  // CPython compiles a display of >= 3 constants to BUILD_SET 0 +
  // SET_UPDATE(frozenset constant); the compiler's constant merging rebuilds
  // that frozenset from its own iteration order (merge_consts_recursive).
  // Replay both constructions and the final merge for identical order.
  V again = molt_set_new();
  Set *f1 = AS(Set, s);
  for (int64_t i = 0; i <= f1->mask; i++)
    if (live(f1->table[i].key)) add_entry(AS(Set, again), f1->table[i].key, f1->table[i].hash);
  decref(s);
  V r = molt_set_new();
  merge_set(r, again);
  decref(again);
  return r;
}

extern "C" int molt_set_update(MoltValue s, MoltValue it) {
  REQUIRE_SET(s, -1);
  if (is_set(it)) return merge_set(s, it);
  if (is_dict(it)) {
    Dict *d = AS(Dict, it);
    Set *so = AS(Set, s);
    if ((so->fill + d->used) * 5 >= so->mask * 3) set_resize(so, (so->used + d->used) * 2);
    for (int64_t i = 0; i < d->nentries; i++)
      if (d->entries[i].key != MOLT_NULL)
        if (add_entry(so, d->entries[i].key, d->entries[i].hash) < 0) return -1;
    return 0;
  }
  V iter = molt_iter(it);
  if (iter == MOLT_NULL) return -1;
  while (true) {
    V x = molt_iter_next(iter);
    if (x == MOLT_STOP) break;
    if (x == MOLT_NULL || molt_set_add(s, x) < 0) {
      xdecref(x);
      decref(iter);
      return -1;
    }
    decref(x);
  }
  decref(iter);
  return 0;
}

extern "C" MoltValue molt_set_copy(MoltValue s) {
  REQUIRE_SET(s, MOLT_NULL);
  V r = molt_set_new();
  merge_set(r, s);
  return r;
}

extern "C" int molt_set_clear(MoltValue sv) {
  REQUIRE_SET(sv, -1);
  Set *s = AS(Set, sv);
  SetEntry *old = s->table;
  int64_t mask = s->mask;
  s->table = new_table(kMinSize);
  s->mask = kMinSize - 1;
  s->fill = s->used = 0;
  for (int64_t i = 0; i <= mask; i++)
    if (live(old[i].key)) decref(old[i].key);
  free(old);
  return 0;
}

static V as_set(V x) { // new ref to a set view of x
  if (is_set(x)) return incref(x);
  V s = molt_set_new();
  if (molt_set_update(s, x) < 0) {
    decref(s);
    return MOLT_NULL;
  }
  return s;
}

extern "C" MoltValue molt_set_union(MoltValue a, MoltValue b) {
  V r = molt_set_copy(a);
  if (r == MOLT_NULL) return MOLT_NULL;
  if (molt_set_update(r, b) < 0) {
    decref(r);
    return MOLT_NULL;
  }
  return r;
}

// CPython set_intersection: iterate the smaller set (the argument when the
// sizes are equal) or the iterable, adding common elements in that order.
extern "C" MoltValue molt_set_intersection(MoltValue a, MoltValue b) {
  REQUIRE_SET(a, MOLT_NULL);
  V r = molt_set_new();
  if (is_set(b)) {
    V big = a, small = b;
    if (AS(Set, b)->used > AS(Set, a)->used) {
      big = b;
      small = a;
    }
    Set *s = AS(Set, small);
    for (int64_t i = 0; i <= s->mask; i++) {
      V k = s->table[i].key;
      if (!live(k)) continue;
      int c = set_contains(big, k);
      if (c < 0 || (c && add_entry(AS(Set, r), k, s->table[i].hash) < 0)) {
        decref(r);
        return MOLT_NULL;
      }
    }
    return r;
  }
  V it = molt_iter(b);
  if (it == MOLT_NULL) {
    decref(r);
    return MOLT_NULL;
  }
  while (true) {
    V k = molt_iter_next(it);
    if (k == MOLT_STOP) break;
    int c = k == MOLT_NULL ? -1 : set_contains(a, k);
    if (c < 0 || (c && molt_set_add(r, k) < 0)) {
      xdecref(k);
      decref(it);
      decref(r);
      return MOLT_NULL;
    }
    decref(k);
  }
  decref(it);
  return r;
}

// CPython set_difference: copy-then-discard when `b` is not a set or is
// much smaller, otherwise build a new set from a's elements not in b.
extern "C" MoltValue molt_set_difference(MoltValue a, MoltValue b) {
  REQUIRE_SET(a, MOLT_NULL);
  if (!is_set(b) || (AS(Set, a)->used >> 2) > AS(Set, b)->used) {
    V r = molt_set_copy(a);
    V it = molt_iter(b);
    if (it == MOLT_NULL) {
      decref(r);
      return MOLT_NULL;
    }
    while (true) {
      V k = molt_iter_next(it);
      if (k == MOLT_STOP) break;
      if (k == MOLT_NULL || discard(r, k) < 0) {
        xdecref(k);
        decref(it);
        decref(r);
        return MOLT_NULL;
      }
      decref(k);
    }
    decref(it);
    return r;
  }
  V r = molt_set_new();
  Set *s = AS(Set, a);
  for (int64_t i = 0; i <= s->mask; i++) {
    V k = s->table[i].key;
    if (!live(k)) continue;
    int c = set_contains(b, k);
    if (c < 0 || (!c && add_entry(AS(Set, r), k, s->table[i].hash) < 0)) {
      decref(r);
      return MOLT_NULL;
    }
  }
  return r;
}

// CPython: copy `other` into a new set, then symmetric_difference_update
// with `a` (iterating a's table), which fixes the result's table order.
extern "C" MoltValue molt_set_symmetric_difference(MoltValue a, MoltValue b) {
  REQUIRE_SET(a, MOLT_NULL);
  V r = molt_set_new();
  if (molt_set_update(r, b) < 0 || set_ixor(r, a) < 0) {
    decref(r);
    return MOLT_NULL;
  }
  return r;
}

// ---- in-place operators: CPython's set_ior/isub/iand/ixor (same orders) ----

// s -= t: discard t's elements from s in t's table order.
int set_isub(V a, V b) {
  if (a == b) return molt_set_clear(a);
  Set *o = AS(Set, b);
  for (int64_t i = 0; i <= o->mask; i++) {
    V k = o->table[i].key;
    if (live(k) && discard(a, k) < 0) return -1;
  }
  return 0;
}

// s &= t: the intersection built as for `&`, whose table s then takes over
// (CPython's set_swap_bodies; the pop finger stays s's own).
int set_iand(V a, V b) {
  V r = molt_set_intersection(a, b);
  if (r == MOLT_NULL) return -1;
  Set *x = AS(Set, a), *y = AS(Set, r);
  Set body = *x; // (the runtime has no C++ library on wasm: no std::swap)
  x->fill = y->fill;
  x->used = y->used;
  x->mask = y->mask;
  x->table = y->table;
  y->fill = body.fill;
  y->used = body.used;
  y->mask = body.mask;
  y->table = body.table;
  decref(r);
  return 0;
}

// s ^= t: each element of t leaves s if there, joins it otherwise.
int set_ixor(V a, V b) {
  if (a == b) return molt_set_clear(a);
  Set *o = AS(Set, b);
  for (int64_t i = 0; i <= o->mask; i++) {
    V k = o->table[i].key;
    if (!live(k)) continue;
    int removed = discard(a, k);
    if (removed < 0 || (!removed && add_entry(AS(Set, a), k, o->table[i].hash) < 0)) return -1;
  }
  return 0;
}

extern "C" MoltValue molt_set_issubset(MoltValue a, MoltValue b) {
  REQUIRE_SET(a, MOLT_NULL);
  V other = as_set(b);
  if (other == MOLT_NULL) return MOLT_NULL;
  Set *s = AS(Set, a);
  V result = MOLT_TRUE;
  if (s->used > AS(Set, other)->used) result = MOLT_FALSE;
  for (int64_t i = 0; i <= s->mask && result == MOLT_TRUE; i++) {
    if (!live(s->table[i].key)) continue;
    int c = set_contains(other, s->table[i].key);
    if (c < 0) result = MOLT_NULL;
    else if (!c) result = MOLT_FALSE;
  }
  decref(other);
  return result;
}
extern "C" MoltValue molt_set_issuperset(MoltValue a, MoltValue b) {
  REQUIRE_SET(a, MOLT_NULL);
  V other = as_set(b);
  if (other == MOLT_NULL) return MOLT_NULL;
  V r = molt_set_issubset(other, a);
  decref(other);
  return r;
}
extern "C" MoltValue molt_set_isdisjoint(MoltValue a, MoltValue b) {
  V r = molt_set_intersection(a, b);
  if (r == MOLT_NULL) return MOLT_NULL;
  V res = molt_box_bool(AS(Set, r)->used == 0);
  decref(r);
  return res;
}
