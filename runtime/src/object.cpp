// object.cpp - allocation, reference counting, deallocation and the type
// table (builtin types, exception classes, user classes).
//
// Every heap object is malloc'ed with an 8-byte header {rc, type}. The type
// table maps type ids to names, parents and (for user classes) descriptors;
// it is a growable array because user classes register at startup.
#include "internal.h"
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <stdarg.h>

[[noreturn]] void molt_fatal(const char *file, int line, const char *msg) {
  fflush(stdout);
  fprintf(stderr, "molt runtime: fatal: %s (%s:%d)\n", msg, file, line);
  abort();
}

// A new block of several MiB (a big list's items, `[x] * n`) is filled
// right away: with transparent huge pages offered per region (the common
// "madvise" setting) its first touch costs a fault per 2 MiB instead of one
// per 4 KiB page. Not for a block grown by realloc (a list appended to):
// huge pages there raised the peak memory of a growing list by 70%.
static void advise_huge(void *p, size_t n) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const uintptr_t kHuge = (uintptr_t)2 << 20;
  if (n < 2 * kHuge) return;
  uintptr_t b = ((uintptr_t)p + kHuge - 1) & ~(kHuge - 1), e = ((uintptr_t)p + n) & ~(kHuge - 1);
  if (e > b) madvise((void *)b, e - b, MADV_HUGEPAGE);
#else
  (void)p;
  (void)n;
#endif
}
void *molt_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) molt_fatal(__FILE__, __LINE__, "out of memory");
  advise_huge(p, n);
  return p;
}
void *molt_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) molt_fatal(__FILE__, __LINE__, "out of memory");
  return q;
}
bool gc_is_container_type(uint32_t type);
void *gc_alloc(size_t size, uint32_t type);
void gc_free(MoltObject *o);

void *molt_alloc_object(size_t size, uint32_t type) {
  if (gc_is_container_type(type)) return gc_alloc(size, type); // tracked by the cycle collector
  MoltObject *o = (MoltObject *)calloc(1, size);
  if (!o) molt_fatal(__FILE__, __LINE__, "out of memory");
  o->rc = 1;
  o->type = type;
  return o;
}

extern "C" uint32_t molt_runtime_abi_version(void) { return MOLT_RUNTIME_ABI_VERSION; }

// Public refcount entry points also reject reserved tags in debug builds
// (a sentinel or tag 0/6/7 reaching here means codegen lost track of a
// MOLT_NULL check).
static inline void check_value(V v) {
#ifndef NDEBUG
  if (!molt_is_double(v)) {
    unsigned t = molt_tag(v);
    MOLT_ASSERT(t >= MOLT_TAG_PTR && t <= MOLT_TAG_NONE, "refcount operation on a sentinel or reserved tag");
    if (t == MOLT_TAG_BOOL) MOLT_ASSERT((v & MOLT_PAYLOAD_MASK) <= 1, "bool payload must be 0 or 1");
    if (t == MOLT_TAG_NONE) MOLT_ASSERT(v == MOLT_NONE, "None payload must be 0");
  }
#else
  (void)v;
#endif
}
extern "C" void molt_incref(MoltValue v) {
  check_value(v);
  incref(v);
}
extern "C" void molt_decref(MoltValue v) {
  check_value(v);
  decref(v);
}

// ---- type table -----------------------------------------------------------

static TypeInfo *g_types = nullptr;
static uint32_t g_ntypes = 0, g_captypes = 0;

static void add_type(uint32_t id, const char *name, uint32_t parent, TypeKind kind,
                     const MoltClassDesc *desc) {
  if (id >= g_captypes) {
    uint32_t nc = g_captypes ? g_captypes * 2 : 128;
    while (nc <= id) nc *= 2;
    g_types = (TypeInfo *)molt_xrealloc(g_types, nc * sizeof(TypeInfo));
    memset(g_types + g_captypes, 0, (nc - g_captypes) * sizeof(TypeInfo));
    g_captypes = nc;
  }
  g_types[id] = TypeInfo{name, parent, kind, desc, nullptr};
  if (kind == TK_STRUCT && desc) {
    bool leaf = true;
    for (uint32_t i = 0; i < desc->nfields; i++)
      if (desc->field_kinds[i] != MOLT_FIELD_RAW) leaf = false;
    g_types[id].leaf = leaf;
  }
  if (id >= g_ntypes) g_ntypes = id + 1;
}

// Out of line and cold: molt_typeinfo() runs on every struct allocation and
// free, and with the table builder inlined into it, it was 12% of the
// struct benchmark (points.py).
[[gnu::cold, gnu::noinline]] static void init_types_slow() {
  struct B { uint32_t id; const char *name; uint32_t parent; TypeKind k; };
  static const B builtins[] = {
      {MOLT_TYPE_OBJECT, "object", MOLT_TYPE_INVALID, TK_BUILTIN},
      {MOLT_TYPE_NONE, "NoneType", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_BOOL, "bool", MOLT_TYPE_INT, TK_BUILTIN},
      {MOLT_TYPE_INT, "int", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_FLOAT, "float", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_STR, "str", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_BYTES, "bytes", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_LIST, "list", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_TUPLE, "tuple", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_DICT, "dict", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_SET, "set", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_RANGE, "range", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_FUNCTION, "function", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_BOUND_METHOD, "method", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_ITERATOR, "iterator", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_DICT_VIEW, "dict_view", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_FILE, "TextIOWrapper", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_TYPE_TYPE, "type", MOLT_TYPE_OBJECT, TK_BUILTIN},
      {MOLT_EXC_BASE_EXCEPTION, "BaseException", MOLT_TYPE_OBJECT, TK_EXCEPTION},
      {MOLT_EXC_SYSTEM_EXIT, "SystemExit", MOLT_EXC_BASE_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_KEYBOARD_INTERRUPT, "KeyboardInterrupt", MOLT_EXC_BASE_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_EXCEPTION, "Exception", MOLT_EXC_BASE_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_ARITHMETIC_ERROR, "ArithmeticError", MOLT_EXC_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_ZERO_DIVISION_ERROR, "ZeroDivisionError", MOLT_EXC_ARITHMETIC_ERROR, TK_EXCEPTION},
      {MOLT_EXC_OVERFLOW_ERROR, "OverflowError", MOLT_EXC_ARITHMETIC_ERROR, TK_EXCEPTION},
      {MOLT_EXC_LOOKUP_ERROR, "LookupError", MOLT_EXC_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_INDEX_ERROR, "IndexError", MOLT_EXC_LOOKUP_ERROR, TK_EXCEPTION},
      {MOLT_EXC_KEY_ERROR, "KeyError", MOLT_EXC_LOOKUP_ERROR, TK_EXCEPTION},
      {MOLT_EXC_VALUE_ERROR, "ValueError", MOLT_EXC_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_UNICODE_ERROR, "UnicodeError", MOLT_EXC_VALUE_ERROR, TK_EXCEPTION},
      {MOLT_EXC_TYPE_ERROR, "TypeError", MOLT_EXC_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_ATTRIBUTE_ERROR, "AttributeError", MOLT_EXC_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_NAME_ERROR, "NameError", MOLT_EXC_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_RUNTIME_ERROR, "RuntimeError", MOLT_EXC_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_RECURSION_ERROR, "RecursionError", MOLT_EXC_RUNTIME_ERROR, TK_EXCEPTION},
      {MOLT_EXC_NOT_IMPLEMENTED_ERROR, "NotImplementedError", MOLT_EXC_RUNTIME_ERROR, TK_EXCEPTION},
      {MOLT_EXC_STOP_ITERATION, "StopIteration", MOLT_EXC_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_ASSERTION_ERROR, "AssertionError", MOLT_EXC_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_OS_ERROR, "OSError", MOLT_EXC_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_FILE_NOT_FOUND_ERROR, "FileNotFoundError", MOLT_EXC_OS_ERROR, TK_EXCEPTION},
      {MOLT_EXC_EOF_ERROR, "EOFError", MOLT_EXC_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_MEMORY_ERROR, "MemoryError", MOLT_EXC_EXCEPTION, TK_EXCEPTION},
      {MOLT_EXC_IS_A_DIRECTORY_ERROR, "IsADirectoryError", MOLT_EXC_OS_ERROR, TK_EXCEPTION},
  };
  add_type(MOLT_TYPE_INVALID, "<invalid>", MOLT_TYPE_INVALID, TK_BUILTIN, nullptr);
  for (const B &b : builtins) add_type(b.id, b.name, b.parent, b.k, nullptr);
  g_ntypes = MOLT_TYPE_FIRST_USER;
}

static inline void init_types() {
  if (__builtin_expect(g_ntypes == 0, 0)) init_types_slow();
}

TypeInfo *molt_typeinfo(uint32_t id) {
  init_types();
  if (id >= g_ntypes || !g_types[id].name) return nullptr;
  return &g_types[id];
}
uint32_t molt_type_count() {
  init_types();
  return g_ntypes;
}

static char *dupstr(const char *s) {
  size_t n = strlen(s);
  char *p = (char *)molt_xmalloc(n + 1);
  memcpy(p, s, n + 1);
  return p;
}

extern "C" uint32_t molt_exc_type_new(const char *name, uint32_t parent) {
  init_types();
  uint32_t id = g_ntypes;
  add_type(id, dupstr(name), parent, TK_EXCEPTION, nullptr);
  return id;
}

extern "C" uint32_t molt_class_register(const MoltClassDesc *desc) {
  init_types();
  uint32_t id = g_ntypes;
  add_type(id, desc->name, desc->parent_type_id ? desc->parent_type_id : MOLT_TYPE_OBJECT,
           desc->boxed ? TK_BOXED : TK_STRUCT, desc);
  return id;
}

extern "C" const char *molt_type_name(uint32_t id) {
  TypeInfo *t = molt_typeinfo(id);
  return t ? t->name : "<unknown>";
}

extern "C" int molt_type_is_subtype(uint32_t sub, uint32_t base) {
  init_types();
  if (base == MOLT_TYPE_OBJECT) return 1;
  for (int guard = 0; sub != MOLT_TYPE_INVALID && guard < 1000; guard++) {
    if (sub == base) return 1;
    if (sub >= g_ntypes) return 0;
    sub = g_types[sub].parent;
  }
  return 0;
}

extern "C" uint32_t molt_type_id(MoltValue v) {
  if (molt_is_double(v)) return MOLT_TYPE_FLOAT;
  switch (molt_tag(v)) {
  case MOLT_TAG_PTR: return OBJ(v)->type;
  case MOLT_TAG_INT: return MOLT_TYPE_INT;
  case MOLT_TAG_BOOL: return MOLT_TYPE_BOOL;
  case MOLT_TAG_NONE: return MOLT_TYPE_NONE;
  default: return MOLT_TYPE_INVALID;
  }
}

const char *tname(V v) {
  uint32_t t = molt_type_id(v);
  if (t == MOLT_TYPE_ITERATOR && molt_is_ptr(v)) {
    switch (AS(Iter, v)->kind) {
    case IT_LIST: return "list_iterator";
    case IT_TUPLE: return "tuple_iterator";
    case IT_STR: return "str_ascii_iterator";
    case IT_RANGE: return "range_iterator";
    case IT_DICT_KEYS: return "dict_keyiterator";
    case IT_DICT_VALUES: return "dict_valueiterator";
    case IT_DICT_ITEMS: return "dict_itemiterator";
    case IT_SET: return "set_iterator";
    case IT_ENUMERATE: return "enumerate";
    case IT_ZIP: return "zip";
    case IT_MAP: return "map";
    case IT_FILTER: return "filter";
    case IT_REVERSED_SEQ: return "reversed";
    default: return "iterator";
    }
  }
  if (t == MOLT_TYPE_DICT_VIEW && molt_is_ptr(v)) {
    switch (AS(DictView, v)->kind) {
    case VIEW_KEYS: return "dict_keys";
    case VIEW_VALUES: return "dict_values";
    default: return "dict_items";
    }
  }
  return molt_type_name(t);
}

extern "C" int molt_isinstance(MoltValue v, uint32_t type_id) {
  return molt_type_is_subtype(molt_type_id(v), type_id);
}

extern "C" MoltValue molt_type_object(uint32_t id) {
  TypeInfo *t = molt_typeinfo(id);
  if (!t) return err_fmt(MOLT_EXC_TYPE_ERROR, "unknown type id %u", id);
  if (!t->obj) {
    TypeObj *o = (TypeObj *)molt_alloc_object(sizeof(TypeObj), MOLT_TYPE_TYPE);
    o->h.rc = MOLT_IMMORTAL_REFCNT;
    o->id = id;
    t->obj = o;
  }
  return BOX(t->obj);
}
extern "C" MoltValue molt_type_of(MoltValue v) { return molt_type_object(molt_type_id(v)); }

// ---- deallocation -----------------------------------------------------------

#if !MOLT_NO_FREE_LISTS
static const uint32_t kMaxFreeStructs = 4096;
#endif

#if !MOLT_NO_FREE_LISTS
StrFreeLists g_str_free;
#endif

void *str_alloc_slow(size_t size) { return molt_alloc_object(str_alloc_size(size), MOLT_TYPE_STR); }

static bool str_recycle(MoltObject *o) {
#if !MOLT_NO_FREE_LISTS
  size_t size = str_alloc_size(offsetof(Str, data) + (size_t)((Str *)o)->cap + 1);
  if (size > kSmallStrMax) return false;
  size_t k = size / 16;
  if (g_str_free.n[k] >= kMaxFreeStrs) return false;
  memcpy(o, &g_str_free.head[k], sizeof(void *));
  g_str_free.head[k] = o;
  g_str_free.n[k]++;
  return true;
#else
  (void)o;
  return false;
#endif
}

static void dealloc_one(MoltObject *o);

// Freeing an object releases what it holds, which may free more objects:
// a linked list of 300,000 nodes would recurse 300,000 deep and overflow
// the C stack. Past kMaxDeallocDepth nested frees the object waits in
// g_deferred and the outermost molt_dealloc frees it (CPython's trashcan).
// Nothing between a deferral and the drain allocates, so the cycle
// collector never sees a waiting object.
static const int kMaxDeallocDepth = 256;
static int g_dealloc_depth = 0;
static MoltObject **g_deferred = nullptr;
static size_t g_ndeferred = 0, g_capdeferred = 0;

// Deaths that release nothing else cannot nest: short strs and leaf
// structs go to their free lists without the depth bookkeeping. True when
// `o` was taken care of.
static inline bool dealloc_leaf(MoltObject *o) {
  if (o->type == MOLT_TYPE_STR) return str_recycle(o);
  if (o->type < MOLT_TYPE_FIRST_USER) return false;
  TypeInfo *t = molt_typeinfo(o->type);
  if (!t || !t->leaf) return false;
#if !MOLT_NO_FREE_LISTS
  if (t->desc->nfields > 0 && t->n_free < kMaxFreeStructs) {
    memcpy(o, &t->free_list, sizeof(void *)); // link through the header word
    t->free_list = o;
    t->n_free++;
    return true;
  }
#endif
  free(o);
  return true;
}

void molt_dealloc(MoltObject *o) {
  if (dealloc_leaf(o)) return;
  if (g_dealloc_depth >= kMaxDeallocDepth) {
    if (g_ndeferred == g_capdeferred) {
      g_capdeferred = g_capdeferred ? g_capdeferred * 2 : 256;
      g_deferred = (MoltObject **)molt_xrealloc(g_deferred, sizeof(MoltObject *) * g_capdeferred);
    }
    g_deferred[g_ndeferred++] = o;
    return;
  }
  g_dealloc_depth++;
  dealloc_one(o);
  if (g_dealloc_depth == 1)
    while (g_ndeferred > 0) dealloc_one(g_deferred[--g_ndeferred]);
  g_dealloc_depth--;
}

// An object that dealloc_leaf did not take: release what it holds, free it.
static void dealloc_one(MoltObject *o) {
  switch (o->type) {
  case MOLT_TYPE_STR: // a long str, or the free list is full
  case MOLT_TYPE_INT:
  case MOLT_TYPE_BYTES:
  case MOLT_TYPE_RANGE:
    break;
  case MOLT_TYPE_LIST: {
    List *l = (List *)o;
    int64_t i = 0;
    // Leading runs of 16 items holding no object (a `[False] * n` flag
    // list, a list of numbers) are skipped after one vectorized test each;
    // from the first run holding an object on, items are released one by
    // one in the plain loop below.
    if (MOLT_SPEED_PATHS) {
      while (i + 16 <= l->len && !holds_object(l->items + i, 16)) i += 16;
    }
    for (; i < l->len; i++) {
      V v = l->items[i];
      if (!molt_is_ptr(v)) continue; // ints, floats, bools, None: nothing to release
      MoltObject *x = OBJ(v);
      // A list of short strs dying with it (string building): recycle each
      // without a call.
      if (x->rc == 1 && x->type == MOLT_TYPE_STR && str_recycle(x)) continue;
      decref(v);
    }
    list_free_items(l->items, l->cap);
    break;
  }
  case MOLT_TYPE_TUPLE: {
    Tuple *t = (Tuple *)o;
    for (int64_t i = 0; i < t->len; i++) decref(t->items[i]);
    break;
  }
  case MOLT_TYPE_DICT: {
    Dict *d = (Dict *)o;
    for (int64_t i = 0; i < d->nentries; i++) {
      if (d->entries[i].key != MOLT_NULL) {
        decref(d->entries[i].key);
        decref(d->entries[i].value);
      }
    }
    free(d->entries);
    free(d->indices);
    break;
  }
  case MOLT_TYPE_SET: {
    Set *s = (Set *)o;
    for (int64_t i = 0; i <= s->mask; i++) {
      V k = s->table[i].key;
      if (k != MOLT_NULL && k != MOLT_STOP) decref(k);
    }
    free(s->table);
    break;
  }
  case MOLT_TYPE_FUNCTION: {
    Func *f = (Func *)o;
    decref(f->name);
    for (int32_t i = 0; i < f->ncap; i++) decref(f->caps[i]);
    break;
  }
  case MOLT_TYPE_BOUND_METHOD: {
    BoundMethod *m = (BoundMethod *)o;
    decref(m->func);
    decref(m->self);
    break;
  }
  case MOLT_TYPE_ITERATOR: {
    Iter *it = (Iter *)o;
    xdecref(it->src);
    xdecref(it->aux);
    break;
  }
  case MOLT_TYPE_DICT_VIEW:
    decref(((DictView *)o)->dict);
    break;
  case MOLT_TYPE_FILE: {
    File *f = (File *)o;
    if (f->fp && !f->closed) fclose(f->fp);
    decref(f->name);
    decref(f->mode);
    break;
  }
  case MOLT_TYPE_TYPE:
    return; // immortal, never freed
  default: {
    TypeInfo *t = molt_typeinfo(o->type);
    if (!t) molt_fatal(__FILE__, __LINE__, "dealloc of object with unknown type");
    if (t->kind == TK_EXCEPTION) {
      xdecref(((Exc *)o)->args);
      xdecref(((Exc *)o)->context);
      xdecref(((Exc *)o)->cause);
      xdecref(((Exc *)o)->dict);
      free(((Exc *)o)->tb);
    } else if (t->kind == TK_BOXED) {
      xdecref(((Boxed *)o)->dict);
    } else if (t->kind == TK_STRUCT) {
      const MoltClassDesc *d = t->desc;
      V *fields = (V *)((char *)o + MOLT_HEADER_SIZE);
      for (uint32_t i = 0; i < d->nfields; i++)
        if (d->field_kinds[i] == MOLT_FIELD_VALUE) decref(fields[i]);
    }
    break;
  }
  }
  if (gc_is_container_type(o->type))
    gc_free(o);
  else
    free(o);
}

// ---- struct and boxed instances ---------------------------------------------

extern "C" MoltValue molt_struct_new(uint32_t type_id) {
  TypeInfo *t = molt_typeinfo(type_id);
  if (!t || t->kind != TK_STRUCT) return err_fmt(MOLT_EXC_TYPE_ERROR, "type id %u is not a struct class", type_id);
  uint32_t n = t->desc->nfields;
  if (t->free_list) { // a recycled instance of this (leaf) class, see molt_dealloc
    MoltObject *o = (MoltObject *)t->free_list;
    memcpy(&t->free_list, o, sizeof(void *));
    t->n_free--;
    o->rc = 1;
    o->type = type_id;
    uint64_t *f = (uint64_t *)((char *)o + MOLT_HEADER_SIZE);
    if (n <= 4) { // the usual small struct: a few stores, not a call to memset
      if (n > 0) f[0] = 0;
      if (n > 1) f[1] = 0;
      if (n > 2) f[2] = 0;
      if (n > 3) f[3] = 0;
    } else {
      memset(f, 0, 8 * (size_t)n);
    }
    return BOX(o);
  }
  MoltObject *o = (MoltObject *)molt_alloc_object(MOLT_HEADER_SIZE + 8 * (size_t)n, type_id);
  V *fields = (V *)((char *)o + MOLT_HEADER_SIZE);
  for (uint32_t i = 0; i < n; i++)
    if (t->desc->field_kinds[i] == MOLT_FIELD_VALUE) fields[i] = MOLT_NONE;
  return BOX(o);
}

static TypeInfo *struct_info(V obj) {
  if (!molt_is_ptr(obj)) return nullptr;
  TypeInfo *t = molt_typeinfo(obj_type(obj));
  return t && t->kind == TK_STRUCT ? t : nullptr;
}

extern "C" void *molt_struct_field_ptr(MoltValue obj, uint32_t i) {
  TypeInfo *t = struct_info(obj);
  if (!t || i >= t->desc->nfields) {
    err_fmt(MOLT_EXC_INDEX_ERROR, "struct field index out of range");
    return nullptr;
  }
  return (char *)OBJ(obj) + MOLT_STRUCT_FIELD_OFFSET(i);
}
extern "C" MoltValue molt_struct_get(MoltValue obj, uint32_t i) {
  TypeInfo *t = struct_info(obj);
  if (!t || i >= t->desc->nfields || t->desc->field_kinds[i] != MOLT_FIELD_VALUE)
    return err_fmt(MOLT_EXC_INDEX_ERROR, "struct field index out of range");
  V *f = (V *)((char *)OBJ(obj) + MOLT_STRUCT_FIELD_OFFSET(i));
  return incref(*f);
}
extern "C" int molt_struct_set(MoltValue obj, uint32_t i, MoltValue v) {
  TypeInfo *t = struct_info(obj);
  if (!t || i >= t->desc->nfields || t->desc->field_kinds[i] != MOLT_FIELD_VALUE) {
    err_fmt(MOLT_EXC_INDEX_ERROR, "struct field index out of range");
    return -1;
  }
  V *f = (V *)((char *)OBJ(obj) + MOLT_STRUCT_FIELD_OFFSET(i));
  V old = *f;
  *f = incref(v);
  decref(old);
  return 0;
}

extern "C" MoltValue molt_boxed_new(uint32_t type_id) {
  TypeInfo *t = molt_typeinfo(type_id);
  if (!t || t->kind != TK_BOXED) return err_fmt(MOLT_EXC_TYPE_ERROR, "type id %u is not a boxed class", type_id);
  Boxed *b = (Boxed *)molt_alloc_object(sizeof(Boxed), type_id);
  b->dict = molt_dict_new();
  return BOX(b);
}

static V attr_error(V obj, V name) {
  return err_fmt(MOLT_EXC_ATTRIBUTE_ERROR, "'%s' object has no attribute '%s'", tname(obj),
                 is_str(name) ? STR(name)->data : "?");
}

extern "C" MoltValue molt_getattr(MoltValue obj, MoltValue name) {
  if (molt_is_ptr(obj)) {
    TypeInfo *t = molt_typeinfo(obj_type(obj));
    if (t && t->kind == TK_BOXED) {
      int err = 0;
      V r = dict_lookup(AS(Boxed, obj)->dict, name, str_hash(name), &err);
      if (err) return MOLT_NULL;
      if (r != MOLT_NULL) return incref(r);
    } else if (t && t->kind == TK_STRUCT && is_str(name)) {
      const MoltClassDesc *d = t->desc;
      for (uint32_t i = 0; i < d->nfields; i++) {
        if (d->field_kinds[i] == MOLT_FIELD_VALUE && d->field_names &&
            strcmp(d->field_names[i], STR(name)->data) == 0)
          return molt_struct_get(obj, i);
      }
    } else if (t && t->kind == TK_EXCEPTION && is_str(name) && strcmp(STR(name)->data, "args") == 0) {
      return molt_exc_args(obj);
    } else if (t && t->kind == TK_EXCEPTION && AS(Exc, obj)->dict != MOLT_NULL) {
      int err = 0;
      V r = dict_lookup(AS(Exc, obj)->dict, name, str_hash(name), &err);
      if (err) return MOLT_NULL;
      if (r != MOLT_NULL) return incref(r);
    }
  }
  return attr_error(obj, name);
}

extern "C" int molt_setattr(MoltValue obj, MoltValue name, MoltValue v) {
  if (molt_is_ptr(obj)) {
    TypeInfo *t = molt_typeinfo(obj_type(obj));
    if (t && t->kind == TK_BOXED) return molt_dict_set(AS(Boxed, obj)->dict, name, v);
    if (t && t->kind == TK_EXCEPTION && is_str(name) && strcmp(STR(name)->data, "args") != 0) {
      Exc *e = AS(Exc, obj);
      if (e->dict == MOLT_NULL) {
        e->dict = molt_dict_new();
        if (e->dict == MOLT_NULL) return -1;
      }
      return molt_dict_set(e->dict, name, v);
    }
    if (t && t->kind == TK_STRUCT && is_str(name)) {
      const MoltClassDesc *d = t->desc;
      for (uint32_t i = 0; i < d->nfields; i++)
        if (d->field_kinds[i] == MOLT_FIELD_VALUE && d->field_names &&
            strcmp(d->field_names[i], STR(name)->data) == 0)
          return molt_struct_set(obj, i, v);
    }
  }
  attr_error(obj, name);
  return -1;
}
