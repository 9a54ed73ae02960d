// gc.cpp - cycle collector for container objects (CPython-style trial
// deletion, single generation).
//
// Reference counting frees everything except reference cycles. Every
// container (list, tuple, dict, set, function, bound method, iterator, dict
// view, exception, struct and boxed instance) is allocated with a hidden
// GcHead in front of its MoltObject header, linking it into one list of
// tracked objects; the object pointer and header layout seen by compiled
// code are unchanged. A collection:
//   1. copies each tracked object's refcount into gc_refs,
//   2. subtracts the references tracked objects hold to each other,
//   3. marks everything reachable from objects with gc_refs > 0 (those are
//      referenced from outside the container graph: locals, globals,
//      runtime temporaries),
//   4. clears the remaining (unreachable) objects' references, which frees
//      them through normal refcounting.
// Collections run when the number of container allocations since the last
// one exceeds max(10000, containers that survived it) - amortised linear
// cost - and on molt_gc_collect().
#include "internal.h"

struct GcHead {
  GcHead *prev, *next;
  int64_t gc_refs; // scratch during a collection; -1 = reachable
};

static GcHead g_list = {&g_list, &g_list, 0};
static int64_t g_tracked = 0, g_allocs_since = 0, g_survivors = 0;
static bool g_enabled = true, g_collecting = false;

static inline GcHead *head_of(MoltObject *o) { return (GcHead *)((char *)o - sizeof(GcHead)); }
static inline MoltObject *obj_of(GcHead *h) { return (MoltObject *)((char *)h + sizeof(GcHead)); }

bool gc_is_container_type(uint32_t type) {
  switch (type) {
  case MOLT_TYPE_LIST:
  case MOLT_TYPE_TUPLE:
  case MOLT_TYPE_DICT:
  case MOLT_TYPE_SET:
  case MOLT_TYPE_FUNCTION:
  case MOLT_TYPE_BOUND_METHOD:
  case MOLT_TYPE_ITERATOR:
  case MOLT_TYPE_DICT_VIEW:
    return true;
  case MOLT_TYPE_INT:
  case MOLT_TYPE_STR:
  case MOLT_TYPE_BYTES:
  case MOLT_TYPE_RANGE:
  case MOLT_TYPE_FILE:
  case MOLT_TYPE_TYPE:
    return false;
  default: {
    TypeInfo *t = molt_typeinfo(type);
    return t && t->kind != TK_BUILTIN && !t->leaf;
  }
  }
}

void molt_gc_collect_if_due();

// List objects (fixed size; the item array is separate) are recycled
// through a free list linked through GcHead::next: copying or building
// lists in a loop then needs no calloc/free for the list header. Sanitizer
// builds do without it so AddressSanitizer still sees use-after-free.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MOLT_GC_NO_FREE_LISTS 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(MOLT_GC_NO_FREE_LISTS)
#define MOLT_GC_NO_FREE_LISTS 1
#endif
#ifndef MOLT_GC_NO_FREE_LISTS
#define MOLT_GC_NO_FREE_LISTS 0
#endif
static GcHead *g_free_lists = nullptr;
static int64_t g_n_free_lists = 0;
static const int64_t kMaxFreeLists = 1024;

void *gc_alloc(size_t size, uint32_t type) {
  GcHead *h;
  if (!MOLT_GC_NO_FREE_LISTS && type == MOLT_TYPE_LIST && size == sizeof(List) && g_free_lists) {
    h = g_free_lists;
    g_free_lists = h->next;
    g_n_free_lists--;
    memset(h, 0, sizeof(GcHead) + size);
  } else {
    h = (GcHead *)calloc(1, sizeof(GcHead) + size);
  }
  if (!h) molt_fatal(__FILE__, __LINE__, "out of memory");
  h->next = &g_list;
  h->prev = g_list.prev;
  g_list.prev->next = h;
  g_list.prev = h;
  g_tracked++;
  static int64_t threshold = -1; // MOLT_GC_STRESS=N: collect every N container allocations (testing)
  if (threshold < 0) {
    const char *stress = getenv("MOLT_GC_STRESS");
    threshold = stress && atoi(stress) > 0 ? atoi(stress) : 0;
  }
  ++g_allocs_since;
  bool due = threshold ? g_allocs_since >= threshold : (g_allocs_since > 10000 && g_allocs_since > g_survivors);
  if (due && g_enabled && !g_collecting) {
    // collect before handing out the new object (it is not yet referenced,
    // so keep it out of the graph by collecting first with it unlinked)
    h->prev->next = h->next;
    h->next->prev = h->prev;
    g_tracked--;
    molt_gc_collect();
    h->next = &g_list;
    h->prev = g_list.prev;
    g_list.prev->next = h;
    g_list.prev = h;
    g_tracked++;
  }
  MoltObject *o = obj_of(h);
  o->rc = 1;
  o->type = type;
  return o;
}

void gc_free(MoltObject *o) {
  GcHead *h = head_of(o);
  h->prev->next = h->next;
  h->next->prev = h->prev;
  g_tracked--;
  if (!MOLT_GC_NO_FREE_LISTS && o->type == MOLT_TYPE_LIST && g_n_free_lists < kMaxFreeLists) {
    h->next = g_free_lists;
    g_free_lists = h;
    g_n_free_lists++;
    return;
  }
  free(h);
}

// ---- traversal ------------------------------------------------------------------

typedef void (*VisitFn)(V child, void *ctx);

static void traverse(MoltObject *o, VisitFn visit, void *ctx) {
  switch (o->type) {
  case MOLT_TYPE_LIST: {
    List *l = (List *)o;
    for (int64_t i = 0; i < l->len; i++) visit(l->items[i], ctx);
    return;
  }
  case MOLT_TYPE_TUPLE: {
    Tuple *t = (Tuple *)o;
    for (int64_t i = 0; i < t->len; i++) visit(t->items[i], ctx);
    return;
  }
  case MOLT_TYPE_DICT: {
    Dict *d = (Dict *)o;
    for (int64_t i = 0; i < d->nentries; i++)
      if (d->entries[i].key != MOLT_NULL) {
        visit(d->entries[i].key, ctx);
        visit(d->entries[i].value, ctx);
      }
    return;
  }
  case MOLT_TYPE_SET: {
    Set *s = (Set *)o;
    for (int64_t i = 0; i <= s->mask; i++)
      if (s->table[i].key != MOLT_NULL && s->table[i].key != MOLT_STOP) visit(s->table[i].key, ctx);
    return;
  }
  case MOLT_TYPE_FUNCTION: {
    Func *f = (Func *)o;
    for (int32_t i = 0; i < f->ncap; i++) visit(f->caps[i], ctx);
    return;
  }
  case MOLT_TYPE_BOUND_METHOD:
    visit(((BoundMethod *)o)->func, ctx);
    visit(((BoundMethod *)o)->self, ctx);
    return;
  case MOLT_TYPE_ITERATOR:
    if (((Iter *)o)->src != MOLT_NULL) visit(((Iter *)o)->src, ctx);
    if (((Iter *)o)->aux != MOLT_NULL) visit(((Iter *)o)->aux, ctx);
    return;
  case MOLT_TYPE_DICT_VIEW:
    visit(((DictView *)o)->dict, ctx);
    return;
  default: {
    TypeInfo *t = molt_typeinfo(o->type);
    if (!t) return;
    if (t->kind == TK_EXCEPTION) {
      Exc *e = (Exc *)o;
      if (e->args != MOLT_NULL) visit(e->args, ctx);
      if (e->context != MOLT_NULL) visit(e->context, ctx);
      if (e->cause != MOLT_NULL) visit(e->cause, ctx);
      if (e->dict != MOLT_NULL) visit(e->dict, ctx);
    } else if (t->kind == TK_BOXED) {
      if (((Boxed *)o)->dict != MOLT_NULL) visit(((Boxed *)o)->dict, ctx);
    } else if (t->kind == TK_STRUCT) {
      V *fields = (V *)((char *)o + MOLT_HEADER_SIZE);
      for (uint32_t i = 0; i < t->desc->nfields; i++)
        if (t->desc->field_kinds[i] == MOLT_FIELD_VALUE) visit(fields[i], ctx);
    }
    return;
  }
  }
}

// Drops o's references to other objects (tp_clear). The object stays valid
// (empty) until its refcount reaches zero.
static void clear(MoltObject *o) {
  V self = BOX(o);
  switch (o->type) {
  case MOLT_TYPE_LIST: molt_list_clear(self); return;
  case MOLT_TYPE_DICT: molt_dict_clear(self); return;
  case MOLT_TYPE_SET: molt_set_clear(self); return;
  case MOLT_TYPE_TUPLE: {
    Tuple *t = (Tuple *)o;
    for (int64_t i = 0; i < t->len; i++) {
      V x = t->items[i];
      t->items[i] = MOLT_NONE;
      decref(x);
    }
    return;
  }
  case MOLT_TYPE_FUNCTION: {
    Func *f = (Func *)o;
    for (int32_t i = 0; i < f->ncap; i++) {
      V x = f->caps[i];
      f->caps[i] = MOLT_NONE;
      decref(x);
    }
    return;
  }
  case MOLT_TYPE_BOUND_METHOD: {
    BoundMethod *m = (BoundMethod *)o;
    V a = m->func, b = m->self;
    m->func = m->self = MOLT_NONE;
    decref(a);
    decref(b);
    return;
  }
  case MOLT_TYPE_ITERATOR: {
    Iter *it = (Iter *)o;
    V a = it->src, b = it->aux;
    it->src = it->aux = MOLT_NULL;
    it->kind = IT_SELF; // exhausted
    xdecref(a);
    xdecref(b);
    return;
  }
  case MOLT_TYPE_DICT_VIEW: return; // the dict it points to is cleared itself
  default: {
    TypeInfo *t = molt_typeinfo(o->type);
    if (!t) return;
    if (t->kind == TK_EXCEPTION) {
      Exc *e = (Exc *)o;
      V a = e->args, c = e->context, k = e->cause, d = e->dict;
      e->args = tuple_new(0);
      e->context = e->cause = e->dict = MOLT_NULL;
      xdecref(a);
      xdecref(c);
      xdecref(k);
      xdecref(d);
    } else if (t->kind == TK_BOXED) {
      V d = ((Boxed *)o)->dict;
      if (d != MOLT_NULL) molt_dict_clear(d);
    } else if (t->kind == TK_STRUCT) {
      V *fields = (V *)((char *)o + MOLT_HEADER_SIZE);
      for (uint32_t i = 0; i < t->desc->nfields; i++)
        if (t->desc->field_kinds[i] == MOLT_FIELD_VALUE) {
          V x = fields[i];
          fields[i] = MOLT_NONE;
          decref(x);
        }
    }
    return;
  }
  }
}

static inline bool tracked(V v) { return molt_is_ptr(v) && gc_is_container_type(OBJ(v)->type); }

static void visit_decrement(V child, void *) {
  if (tracked(child)) head_of(OBJ(child))->gc_refs--;
}

struct Work {
  GcHead **items = nullptr;
  int64_t n = 0, cap = 0;
  void push(GcHead *h) {
    if (n == cap) {
      cap = cap ? cap * 2 : 256;
      items = (GcHead **)molt_xrealloc(items, sizeof(GcHead *) * (size_t)cap);
    }
    items[n++] = h;
  }
};

static void visit_mark(V child, void *ctx) {
  if (!tracked(child)) return;
  GcHead *h = head_of(OBJ(child));
  if (h->gc_refs != -1) {
    h->gc_refs = -1;
    ((Work *)ctx)->push(h);
  }
}

extern "C" int64_t molt_gc_collect(void) {
  if (g_collecting) return 0;
  g_collecting = true;
  g_allocs_since = 0;
  // 1-2: external reference counts
  for (GcHead *h = g_list.next; h != &g_list; h = h->next) {
    uint32_t rc = obj_of(h)->rc;
    h->gc_refs = rc >= MOLT_IMMORTAL_REFCNT ? INT32_MAX : (int64_t)rc;
  }
  for (GcHead *h = g_list.next; h != &g_list; h = h->next) traverse(obj_of(h), visit_decrement, nullptr);
  // 3: mark everything reachable from externally referenced objects
  Work work;
  for (GcHead *h = g_list.next; h != &g_list; h = h->next)
    if (h->gc_refs > 0) {
      h->gc_refs = -1;
      work.push(h);
    }
  while (work.n > 0) {
    GcHead *h = work.items[--work.n];
    traverse(obj_of(h), visit_mark, &work);
  }
  // 4: collect the unreachable ones; hold a reference while clearing
  Work garbage;
  for (GcHead *h = g_list.next; h != &g_list; h = h->next)
    if (h->gc_refs != -1) garbage.push(h);
  for (int64_t i = 0; i < garbage.n; i++) obj_of(garbage.items[i])->rc++;
  for (int64_t i = 0; i < garbage.n; i++) clear(obj_of(garbage.items[i]));
  for (int64_t i = 0; i < garbage.n; i++) decref(BOX(obj_of(garbage.items[i])));
  int64_t n = garbage.n;
  g_survivors = g_tracked;
  free(work.items);
  free(garbage.items);
  g_collecting = false;
  return n;
}

extern "C" void molt_gc_enable(int enabled) { g_enabled = enabled != 0; }
extern "C" int64_t molt_gc_tracked(void) { return g_tracked; }
