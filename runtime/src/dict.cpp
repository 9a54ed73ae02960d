// dict.cpp - insertion-ordered dicts (CPython's compact dict layout).
//
// A sparse index table (open addressing with CPython's perturbation probe)
// points into a dense entries array kept in insertion order, so iteration
// order is insertion order exactly as in CPython. Deleted entries leave a
// hole (key = MOLT_NULL) until the next resize compacts the array.
#include "internal.h"

static const int64_t kMinSize = 8;
static inline int64_t usable(int64_t size) { return (size << 1) / 3; }

extern "C" MoltValue molt_dict_new(void) {
  Dict *d = (Dict *)molt_alloc_object(sizeof(Dict), MOLT_TYPE_DICT);
  d->mask = kMinSize - 1;
  d->indices = (int64_t *)molt_xmalloc(sizeof(int64_t) * kMinSize);
  for (int64_t i = 0; i < kMinSize; i++) d->indices[i] = -1;
  d->entcap = usable(kMinSize);
  d->entries = (DictEntry *)molt_xmalloc(sizeof(DictEntry) * (size_t)d->entcap);
  return BOX(d);
}

#define REQUIRE_DICT(v, name, err)                                                                                 \
  if (!is_dict(v)) {                                                                                               \
    err_fmt(MOLT_EXC_TYPE_ERROR, "descriptor '%s' for 'dict' objects doesn't apply to a '%s' object", name, tname(v)); \
    return err;                                                                                                    \
  }

// Returns the slot in indices holding the key, or -1 if absent (then
// *empty_slot is where it would go). Sets *err on comparison error.
[[gnu::always_inline]] static inline int64_t find_slot(Dict *d, V key, int64_t hash, int64_t *empty_slot, int *err) {
  uint64_t perturb = (uint64_t)hash;
  int64_t i = hash & d->mask;
  int64_t first_dummy = -1;
  while (true) {
    int64_t ix = d->indices[i];
    if (ix == -1) {
      if (empty_slot) *empty_slot = first_dummy >= 0 ? first_dummy : i;
      return -1;
    }
    if (ix == -2) {
      if (first_dummy < 0) first_dummy = i;
    } else {
      DictEntry *e = &d->entries[ix];
      if (e->key == key && !molt_is_double(key)) {
        d->last = ix;
        return i;
      }
      if (e->hash == hash) {
        // (eq_bool compares two strs the same way, but behind a call and
        // its float and identity tests: equal, distinct str keys are the
        // common case of a lookup.)
        int r = is_str(key) && is_str(e->key) ? str_eq(e->key, key) : eq_bool(e->key, key);
        if (r < 0) {
          *err = 1;
          return -1;
        }
        if (r) {
          d->last = ix;
          return i;
        }
      }
    }
    perturb >>= 5;
    i = (int64_t)(((uint64_t)i * 5 + perturb + 1) & (uint64_t)d->mask);
  }
}

static void dict_resize(Dict *d, int64_t minused) {
  int64_t size = kMinSize;
  while (size < minused * 3 / 2 + 1 || usable(size) <= minused) size <<= 1;
  free(d->indices);
  d->indices = (int64_t *)molt_xmalloc(sizeof(int64_t) * (size_t)size);
  for (int64_t i = 0; i < size; i++) d->indices[i] = -1;
  d->mask = size - 1;
  // compact entries
  int64_t w = 0;
  for (int64_t r = 0; r < d->nentries; r++)
    if (d->entries[r].key != MOLT_NULL) d->entries[w++] = d->entries[r];
  d->nentries = w;
  d->entcap = usable(size);
  d->entries = (DictEntry *)molt_xrealloc(d->entries, sizeof(DictEntry) * (size_t)d->entcap);
  d->fill = w;
  for (int64_t k = 0; k < w; k++) {
    uint64_t perturb = (uint64_t)d->entries[k].hash;
    int64_t i = d->entries[k].hash & d->mask;
    while (d->indices[i] != -1) {
      perturb >>= 5;
      i = (int64_t)(((uint64_t)i * 5 + perturb + 1) & (uint64_t)d->mask);
    }
    d->indices[i] = k;
  }
}

// `d[k] = d.get(k, 0) + 1` and `d[k] += 1` look the same key up twice in a
// row. The second lookup is answered from d->last when that entry holds the
// very same key object: a key is in a dict once, so identity finds its entry
// (CPython's lookup also tries identity first). Only for keys whose hash runs
// no user code (ints, strs, bools, None), so skipping the hash changes
// nothing observable. The hint is never invalidated: a stale one (after a
// delete, a resize or a clear) fails the bounds or identity check.
static inline DictEntry *memo_hit(Dict *d, V key) {
  int64_t ix = d->last;
  if ((uint64_t)ix >= (uint64_t)d->nentries) return nullptr;
  DictEntry *e = &d->entries[ix];
  if (e->key != key || molt_is_double(key) || (molt_is_ptr(key) && !is_str(key))) return nullptr;
  return e;
}

// The value stored under key (borrowed), MOLT_NULL if absent. Inlined into
// the lookups below: a call here costs a tenth of word_count.
[[gnu::always_inline]] static inline V lookup(V dv, V key, int64_t hash, int *err) {
  Dict *d = AS(Dict, dv);
  int64_t slot = find_slot(d, key, hash, nullptr, err);
  if (slot < 0) return MOLT_NULL;
  return d->entries[d->indices[slot]].value;
}
V dict_lookup(V dv, V key, int64_t hash, int *err) { return lookup(dv, key, hash, err); }

// Stores value in an existing entry, releasing the value it replaces.
static inline int replace_value(DictEntry *e, V value) {
  V old = e->value;
  e->value = incref(value);
  decref(old);
  return 0;
}

int dict_set_hashed(V dv, V key, int64_t hash, V value) {
  Dict *d = AS(Dict, dv);
  int err = 0;
  int64_t empty;
  int64_t slot = find_slot(d, key, hash, &empty, &err);
  if (err) return -1;
  if (slot >= 0) return replace_value(&d->entries[d->indices[slot]], value);
  // Deleting leaves a dummy index and frees trailing entries for reuse, so
  // inserting and deleting new keys in turn never fills the entries; the
  // dummies would fill the indices until a probe for an absent key found
  // no empty slot and never ended. Counting them (fill) resizes first, as
  // CPython's usable count does.
  if (d->nentries >= d->entcap || d->fill >= d->entcap) {
    dict_resize(d, d->used + 1);
    find_slot(d, key, hash, &empty, &err);
  }
  if (d->indices[empty] == -1) d->fill++;
  d->indices[empty] = d->nentries;
  d->last = d->nentries;
  d->entries[d->nentries++] = DictEntry{hash, incref(key), incref(value)};
  d->used++;
  return 0;
}

static inline int hash_key(V key, int64_t *h) {
  if (molt_is_smallint(key)) { // |x| < 2**61-1: hash(x) == x (except -1)
    int64_t x = molt_unbox_smallint(key);
    *h = x == -1 ? -2 : x;
    return 0;
  }
  if (is_str(key) && STR(key)->hash != -1) {
    *h = STR(key)->hash;
    return 0;
  }
  *h = molt_hash(key);
  return (*h == -1 && molt_err_occurred()) ? -1 : 0;
}

__attribute__((noinline)) static int dict_set_general(V d, V k, V v);
__attribute__((noinline)) static int release_then_ok(V old) {
  decref(old);
  return 0;
}

// d[k] = v right after a lookup of the same key object (the memo): a store
// in a function with no frame; releasing an old object is a tail call.
extern "C" int molt_dict_set(MoltValue d, MoltValue k, MoltValue v) {
  if (MOLT_SPEED_PATHS && is_dict(d)) {
    if (DictEntry *e = memo_hit(AS(Dict, d), k)) {
      V old = e->value;
      e->value = incref(v);
      return molt_is_ptr(old) ? release_then_ok(old) : 0;
    }
  }
  return dict_set_general(d, k, v);
}

static int dict_set_general(V d, V k, V v) {
  REQUIRE_DICT(d, "__setitem__", -1);
  int64_t h;
  if (hash_key(k, &h) < 0) return -1;
  // The memo's entry may hold a str equal to k but another object (a word
  // split out of a line again): the entry is found without a probe.
  Dict *dd = AS(Dict, d);
  if (is_str(k) && (uint64_t)dd->last < (uint64_t)dd->nentries) {
    DictEntry *e = &dd->entries[dd->last];
    if (e->hash == h && is_str(e->key) && str_eq(e->key, k)) return replace_value(e, v);
  }
  return dict_set_hashed(d, k, h, v);
}

extern "C" MoltValue molt_dict_getitem(MoltValue d, MoltValue k) {
  REQUIRE_DICT(d, "__getitem__", MOLT_NULL);
  if (DictEntry *e = memo_hit(AS(Dict, d), k)) return incref(e->value);
  int64_t h;
  if (hash_key(k, &h) < 0) return MOLT_NULL;
  int err = 0;
  V r = lookup(d, k, h, &err);
  if (err) return MOLT_NULL;
  if (r == MOLT_NULL) return err_key(k);
  return incref(r);
}

__attribute__((noinline)) static V dict_get_general(V d, V k, V dflt);

// d.get(k, dflt) where k is a str with its hash computed, found at its
// first probe as the very object stored: a word count's lookup, in a
// function with no frame to set up (a probe loop or a str comparison here
// needs one, which costs what it saves). Everything else, collisions and
// equal strs that are other objects included, takes dict_get_general.
extern "C" MoltValue molt_dict_get(MoltValue d, MoltValue k, MoltValue dflt) {
  if (MOLT_SPEED_PATHS && molt_is_ptr(d) && molt_is_ptr(k) && OBJ(d)->type == MOLT_TYPE_DICT && OBJ(k)->type == MOLT_TYPE_STR) {
    Dict *dd = AS(Dict, d);
    int64_t h = STR(k)->hash;
    if (h != -1) {
      int64_t ix = dd->indices[h & dd->mask];
      if (ix >= 0 && dd->entries[ix].key == k) {
        dd->last = ix;
        return incref(dd->entries[ix].value);
      }
    }
  }
  return dict_get_general(d, k, dflt);
}

static V dict_get_general(V d, V k, V dflt) {
  REQUIRE_DICT(d, "get", MOLT_NULL);
  if (DictEntry *e = memo_hit(AS(Dict, d), k)) return incref(e->value);
  int64_t h;
  if (hash_key(k, &h) < 0) return MOLT_NULL;
  int err = 0;
  V r = lookup(d, k, h, &err);
  if (err) return MOLT_NULL;
  return incref(r == MOLT_NULL ? dflt : r);
}

extern "C" MoltValue molt_dict_setdefault(MoltValue d, MoltValue k, MoltValue dflt) {
  REQUIRE_DICT(d, "setdefault", MOLT_NULL);
  int64_t h;
  if (hash_key(k, &h) < 0) return MOLT_NULL;
  int err = 0;
  V r = lookup(d, k, h, &err);
  if (err) return MOLT_NULL;
  if (r != MOLT_NULL) return incref(r);
  if (dict_set_hashed(d, k, h, dflt) < 0) return MOLT_NULL;
  return incref(dflt);
}

static void delete_slot(Dict *d, int64_t slot, V *key_out, V *val_out) {
  int64_t ix = d->indices[slot];
  DictEntry *e = &d->entries[ix];
  *key_out = e->key;
  *val_out = e->value;
  e->key = MOLT_NULL;
  e->value = MOLT_NONE;
  d->indices[slot] = -2;
  d->used--;
  // trailing holes can be reused immediately (keeps popitem O(1))
  while (d->nentries > 0 && d->entries[d->nentries - 1].key == MOLT_NULL) d->nentries--;
  if (d->used == 0) {
    for (int64_t i = 0; i <= d->mask; i++) d->indices[i] = -1;
    d->nentries = 0;
    d->fill = 0;
  }
}

extern "C" MoltValue molt_dict_pop(MoltValue dv, MoltValue k, MoltValue dflt) {
  REQUIRE_DICT(dv, "pop", MOLT_NULL);
  int64_t h;
  if (hash_key(k, &h) < 0) return MOLT_NULL;
  Dict *d = AS(Dict, dv);
  int err = 0;
  int64_t slot = find_slot(d, k, h, nullptr, &err);
  if (err) return MOLT_NULL;
  if (slot < 0) {
    if (dflt == MOLT_NULL) return err_key(k);
    return incref(dflt);
  }
  V key, val;
  delete_slot(d, slot, &key, &val);
  decref(key);
  return val;
}

extern "C" int molt_dict_del(MoltValue dv, MoltValue k) {
  V r = molt_dict_pop(dv, k, MOLT_NULL);
  if (r == MOLT_NULL) return -1;
  decref(r);
  return 0;
}

extern "C" MoltValue molt_dict_popitem(MoltValue dv) {
  REQUIRE_DICT(dv, "popitem", MOLT_NULL);
  Dict *d = AS(Dict, dv);
  if (d->used == 0) {
    V msg = molt_str_from_cstr("popitem(): dictionary is empty");
    err_key(msg);
    decref(msg);
    return MOLT_NULL;
  }
  int64_t ix = d->nentries - 1;
  while (d->entries[ix].key == MOLT_NULL) ix--;
  int err = 0;
  int64_t slot = find_slot(d, d->entries[ix].key, d->entries[ix].hash, nullptr, &err);
  V key, val;
  delete_slot(d, slot, &key, &val);
  V t = tuple_new(2);
  TUPLE(t)->items[0] = key;
  TUPLE(t)->items[1] = val;
  return t;
}

static V make_view(V d, uint32_t kind) {
  DictView *v = (DictView *)molt_alloc_object(sizeof(DictView), MOLT_TYPE_DICT_VIEW);
  v->kind = kind;
  v->dict = incref(d);
  return BOX(v);
}
extern "C" MoltValue molt_dict_keys(MoltValue d) {
  REQUIRE_DICT(d, "keys", MOLT_NULL);
  return make_view(d, VIEW_KEYS);
}
extern "C" MoltValue molt_dict_values(MoltValue d) {
  REQUIRE_DICT(d, "values", MOLT_NULL);
  return make_view(d, VIEW_VALUES);
}
extern "C" MoltValue molt_dict_items(MoltValue d) {
  REQUIRE_DICT(d, "items", MOLT_NULL);
  return make_view(d, VIEW_ITEMS);
}

extern "C" int molt_dict_update(MoltValue dv, MoltValue other) {
  REQUIRE_DICT(dv, "update", -1);
  if (is_dict(other)) {
    Dict *o = AS(Dict, other);
    for (int64_t i = 0; i < o->nentries; i++) {
      DictEntry e = o->entries[i];
      if (e.key == MOLT_NULL) continue;
      if (dict_set_hashed(dv, e.key, e.hash, e.value) < 0) return -1;
    }
    return 0;
  }
  V it = molt_iter(other);
  if (it == MOLT_NULL) return -1;
  for (int64_t n = 0;; n++) {
    V item = molt_iter_next(it);
    if (item == MOLT_STOP) break;
    if (item == MOLT_NULL) {
      decref(it);
      return -1;
    }
    V pair = seq_to_list(item);
    decref(item);
    if (pair == MOLT_NULL) {
      molt_err_clear();
      err_fmt(MOLT_EXC_TYPE_ERROR, "cannot convert dictionary update sequence element #%lld to a sequence",
              (long long)n);
      decref(it);
      return -1;
    }
    if (LIST(pair)->len != 2) {
      err_fmt(MOLT_EXC_VALUE_ERROR, "dictionary update sequence element #%lld has length %lld; 2 is required",
              (long long)n, (long long)LIST(pair)->len);
      decref(pair);
      decref(it);
      return -1;
    }
    int rc = molt_dict_set(dv, LIST(pair)->items[0], LIST(pair)->items[1]);
    decref(pair);
    if (rc < 0) {
      decref(it);
      return -1;
    }
  }
  decref(it);
  return 0;
}

extern "C" MoltValue molt_dict_copy(MoltValue d) {
  REQUIRE_DICT(d, "copy", MOLT_NULL);
  V r = molt_dict_new();
  molt_dict_update(r, d);
  return r;
}

extern "C" int molt_dict_clear(MoltValue dv) {
  REQUIRE_DICT(dv, "clear", -1);
  Dict *d = AS(Dict, dv);
  DictEntry *old = d->entries;
  int64_t n = d->nentries;
  free(d->indices);
  d->mask = kMinSize - 1;
  d->indices = (int64_t *)molt_xmalloc(sizeof(int64_t) * kMinSize);
  for (int64_t i = 0; i < kMinSize; i++) d->indices[i] = -1;
  d->entcap = usable(kMinSize);
  d->entries = (DictEntry *)molt_xmalloc(sizeof(DictEntry) * (size_t)d->entcap);
  d->used = d->nentries = d->fill = 0;
  for (int64_t i = 0; i < n; i++)
    if (old[i].key != MOLT_NULL) {
      decref(old[i].key);
      decref(old[i].value);
    }
  free(old);
  return 0;
}
