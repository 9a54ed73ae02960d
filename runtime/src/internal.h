// internal.h - object layouts and helpers shared by the runtime's sources.
//
// Private to runtime/src: compiled code only sees value_layout.h and
// runtime.h. The runtime is built without the C++ standard library (wasi-libc
// ships no libc++), so only C headers are used here; no exceptions, no RTTI,
// no static constructors.
#ifndef MOLT_RUNTIME_INTERNAL_H
#define MOLT_RUNTIME_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "molt/runtime.h"

#ifndef NDEBUG
#define MOLT_ASSERT(c, msg)                                                    \
  do {                                                                         \
    if (!(c)) molt_fatal(__FILE__, __LINE__, msg);                             \
  } while (0)
#else
#define MOLT_ASSERT(c, msg) ((void)0)
#endif

typedef MoltValue V;

[[noreturn]] void molt_fatal(const char *file, int line, const char *msg);

struct MoltObject {
  uint32_t rc;
  uint32_t type;
};
static_assert(sizeof(MoltObject) == MOLT_HEADER_SIZE, "header layout is ABI");

struct BigInt { // heap int; magnitude in base 2**32, little-endian limbs
  MoltObject h;
  int32_t size; // sign * number of limbs; never 0-size (zero is a small int)
  uint32_t d[1];
};
struct Str {
  MoltObject h;
  int64_t nbytes;
  int64_t ncp; // code points
  int64_t hash; // -1 = not computed
  int64_t cap;  // data capacity in bytes (>= nbytes; grows for in-place +=)
  uint8_t ascii;
  char data[1]; // nbytes + NUL
};
struct Bytes {
  MoltObject h;
  int64_t n;
  uint8_t data[1];
};
struct List {
  MoltObject h;
  int64_t len, cap;
  V *items;
};
static_assert(offsetof(List, len) == MOLT_LIST_LEN_OFFSET, "list layout is ABI (value_layout.h)");
static_assert(offsetof(List, cap) == MOLT_LIST_CAP_OFFSET, "list layout is ABI (value_layout.h)");
static_assert(offsetof(List, items) == MOLT_LIST_ITEMS_OFFSET, "list layout is ABI (value_layout.h)");
struct Tuple {
  MoltObject h;
  int64_t len;
  V items[1];
};
struct DictEntry {
  int64_t hash;
  V key; // MOLT_NULL = deleted
  V value;
};
struct Dict {
  MoltObject h;
  int64_t used;     // live entries
  int64_t nentries; // entries slots used (incl. deleted)
  int64_t entcap;   // entries capacity
  int64_t mask;     // indices size - 1
  int64_t *indices; // -1 empty, -2 dummy, else entry index
  DictEntry *entries;
  int64_t last;     // entry index of the last key found or inserted: a hint, checked before use (dict.cpp)
  int64_t fill;     // indices that are not -1 (live + dummy): a probe must always meet a -1
};
struct SetEntry {
  V key; // MOLT_NULL = empty, MOLT_STOP = dummy
  int64_t hash;
};
struct Set {
  MoltObject h;
  int64_t fill, used, mask;
  int64_t finger; // set.pop() search start, as in CPython
  SetEntry *table;
};
struct Range {
  MoltObject h;
  int64_t start, stop, step, len;
};
struct Func {
  MoltObject h;
  MoltFnPtr fn;
  V name;
  int32_t arity, ncap;
  V caps[1];
};
struct BoundMethod {
  MoltObject h;
  V func, self;
};
enum IterKind : uint32_t {
  IT_LIST, IT_TUPLE, IT_STR, IT_BYTES, IT_RANGE, IT_DICT_KEYS, IT_DICT_VALUES,
  IT_DICT_ITEMS, IT_SET, IT_ENUMERATE, IT_ZIP, IT_MAP, IT_FILTER,
  IT_REVERSED_SEQ, IT_FILE, IT_SELF
};
struct Iter {
  MoltObject h;
  uint32_t kind;
  // range: next value, items left, step. dict iterators: entry index, the
  // dict's size when iteration began, and (step) items still expected.
  int64_t idx, end, step;
  V src, aux;
};
enum ViewKind : uint32_t { VIEW_KEYS, VIEW_VALUES, VIEW_ITEMS };
struct DictView {
  MoltObject h;
  uint32_t kind;
  V dict;
};
struct File {
  MoltObject h;
  FILE *fp;
  uint8_t readable, writable, closed;
  V name, mode;
};
struct TypeObj {
  MoltObject h;
  uint32_t id;
};
struct TbEntry {
  const char *func; // compiled function's Python name (a constant of the program)
  int32_t line;
};
struct Exc {
  MoltObject h;
  V args;            // tuple
  V context, cause;  // __context__ / __cause__ or MOLT_NULL
  uint32_t suppress; // __suppress_context__ (raise ... from ...)
  V dict;            // attributes set by a user exception's __init__ (dict), or MOLT_NULL
  TbEntry *tb;       // frames the exception left, innermost first (molt_tb_add); malloc'ed
  int32_t ntb, tbcap;
  int64_t tb_dropped; // frames past the cap (deep recursion), counted only
  const void *tb_frame; // the activation that added the last entry (molt_tb_add)
};
struct Boxed {
  MoltObject h;
  V dict;
};

// ---- type table -----------------------------------------------------------
enum TypeKind : uint8_t { TK_BUILTIN, TK_EXCEPTION, TK_STRUCT, TK_BOXED };
struct TypeInfo {
  const char *name;
  uint32_t parent;
  TypeKind kind;
  const MoltClassDesc *desc;
  TypeObj *obj; // immortal type object, created lazily
  // Struct classes whose fields are all raw (float/bool) hold no references:
  // they cannot be part of a cycle, so they are not tracked by the cycle
  // collector, and their freed instances are kept on `free_list` (linked
  // through the header word, at most kMaxFreeStructs) for the next
  // molt_struct_new of the same class.
  bool leaf = false;
  uint32_t n_free = 0;
  void *free_list = nullptr;
};
TypeInfo *molt_typeinfo(uint32_t id); // NULL if out of range
// Class descriptor of a user struct/boxed instance, or NULL.
static inline const MoltClassDesc *user_desc(V v);
uint32_t molt_type_count();

// ---- value helpers --------------------------------------------------------
// memcpy for the short, non-overlapping copies that dominate string work
// (str(i), split pieces, join items): a call into libc's memcpy costs more
// than copying a few bytes with two overlapping loads and stores.
// n in [sizeof(W), 2 * sizeof(W)]: the first and the last W bytes (they may overlap).
template <typename W> static inline void copy_two_words(char *d, const char *s, size_t n) {
  W a, b;
  memcpy(&a, s, sizeof(W));
  memcpy(&b, s + n - sizeof(W), sizeof(W));
  memcpy(d, &a, sizeof(W));
  memcpy(d + n - sizeof(W), &b, sizeof(W));
}
// The same trick for equality of n bytes: short compares without a call.
template <typename W> static inline bool two_words_eq(const char *a, const char *b, size_t n) {
  W a0, a1, b0, b1;
  memcpy(&a0, a, sizeof(W));
  memcpy(&a1, a + n - sizeof(W), sizeof(W));
  memcpy(&b0, b, sizeof(W));
  memcpy(&b1, b + n - sizeof(W), sizeof(W));
  return ((a0 ^ b0) | (a1 ^ b1)) == 0;
}
static inline bool bytes_eq(const char *a, const char *b, size_t n) {
  if (n > 16) return memcmp(a, b, n) == 0;
  if (n >= 8) return two_words_eq<uint64_t>(a, b, n);
  if (n >= 4) return two_words_eq<uint32_t>(a, b, n);
  if (n == 0) return true;
  return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]; // 1..3 bytes
}
static inline void copy_bytes(char *d, const char *s, size_t n) {
  if (n > 16) {
    memcpy(d, s, n);
  } else if (n >= 8) {
    copy_two_words<uint64_t>(d, s, n);
  } else if (n >= 4) {
    copy_two_words<uint32_t>(d, s, n);
  } else if (n > 0) { // 1..3 bytes: first, middle, last
    d[0] = s[0];
    d[n / 2] = s[n / 2];
    d[n - 1] = s[n - 1];
  }
}

static inline MoltObject *OBJ(V v) { return (MoltObject *)molt_unbox_ptr(v); }
static inline uint32_t obj_type(V v) { return OBJ(v)->type; }
static inline bool is_type(V v, uint32_t t) { return molt_is_ptr(v) && OBJ(v)->type == t; }
static inline bool is_str(V v) { return is_type(v, MOLT_TYPE_STR); }
static inline bool is_list(V v) { return is_type(v, MOLT_TYPE_LIST); }
static inline bool is_tuple(V v) { return is_type(v, MOLT_TYPE_TUPLE); }
static inline bool is_dict(V v) { return is_type(v, MOLT_TYPE_DICT); }
static inline bool is_set(V v) { return is_type(v, MOLT_TYPE_SET); }
static inline bool is_bigint(V v) { return is_type(v, MOLT_TYPE_INT); }
static inline bool is_int(V v) { return molt_is_smallint(v) || is_bigint(v); }
// int or bool (bool is a subclass of int)
static inline bool is_intlike(V v) { return molt_is_smallint(v) || molt_is_bool(v) || is_bigint(v); }
static inline bool is_float(V v) { return molt_is_double(v); }
static inline bool is_exc_obj(V v) {
  return molt_is_ptr(v) && molt_type_is_subtype(obj_type(v), MOLT_EXC_BASE_EXCEPTION);
}
static inline V BOX(const void *p) { return molt_box_ptr(p); }
static inline const MoltClassDesc *user_desc(V v) {
  if (!molt_is_ptr(v) || OBJ(v)->type < MOLT_TYPE_FIRST_USER) return nullptr;
  TypeInfo *t = molt_typeinfo(OBJ(v)->type);
  return t ? t->desc : nullptr;
}
// Calls a class hook fn(self[, other]); new ref or MOLT_NULL.
V call_hook(MoltFnPtr fn, V self, V other);
#define AS(T, v) ((T *)molt_unbox_ptr(v))

// Debug-build validation of a boxed heap pointer (NaN-box invariants:
// non-null, 8-byte aligned, live refcount, known type id).
#ifndef NDEBUG
uint32_t molt_type_count();
#define MOLT_CHECK_OBJ(o)                                                                                          \
  do {                                                                                                             \
    MOLT_ASSERT((o) != nullptr && ((uintptr_t)(o) & 7) == 0, "heap pointer is null or misaligned");              \
    MOLT_ASSERT((o)->rc != 0, "use of a freed object (refcount 0)");                                               \
    MOLT_ASSERT((o)->type != 0 && (o)->type < molt_type_count(), "heap object with an invalid type id");           \
  } while (0)
#else
#define MOLT_CHECK_OBJ(o) ((void)0)
#endif

static inline V incref(V v) {
  if (molt_is_ptr(v)) {
    MoltObject *o = OBJ(v);
    MOLT_CHECK_OBJ(o);
    if (o->rc < MOLT_IMMORTAL_REFCNT) o->rc++;
  }
  return v;
}
void molt_dealloc(MoltObject *o);
static inline void decref(V v) {
  if (molt_is_ptr(v)) {
    MoltObject *o = OBJ(v);
    MOLT_CHECK_OBJ(o);
    if (o->rc < MOLT_IMMORTAL_REFCNT) {
      MOLT_ASSERT(o->rc > 0, "decref of a dead object");
      if (--o->rc == 0) molt_dealloc(o);
    }
  }
}
static inline void xdecref(V v) {
  if (v != MOLT_NULL) decref(v);
}

void *molt_alloc_object(size_t size, uint32_t type); // rc = 1, zero-filled

// Free lists hide use-after-free from AddressSanitizer, so sanitizer builds
// do without them.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MOLT_NO_FREE_LISTS 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(MOLT_NO_FREE_LISTS)
#define MOLT_NO_FREE_LISTS 1
#endif
#ifndef MOLT_NO_FREE_LISTS
#define MOLT_NO_FREE_LISTS 0
#endif

// Shortcuts that only duplicate a general path for speed (a frameless
// dict.get, skipping runs of a dying list) are left out of size-optimised
// builds (the -Oz wasm archive behind `molt build --target wasm`): the
// same behaviour in fewer bytes.
#if defined(__OPTIMIZE_SIZE__)
#define MOLT_SPEED_PATHS 0
#else
#define MOLT_SPEED_PATHS 1
#endif

// Small str objects are allocated in 16-byte size classes (str_alloc_size)
// and recycled through one free list per class, linked through the header
// word (object.cpp's str_recycle): building and dropping short strings in a
// loop (str(i), split, join) then costs no malloc/free. The invariant that
// makes reuse safe: every str block of a small size was allocated (or
// reallocated, str_iadd_steal) with
// str_alloc_size(offsetof(Str, data) + cap + 1) bytes.
static const size_t kSmallStrMax = 128;
static const uint32_t kMaxFreeStrs = 4096;
struct StrFreeLists {
  void *head[kSmallStrMax / 16 + 1];
  uint32_t n[kSmallStrMax / 16 + 1];
};
extern StrFreeLists g_str_free;
inline size_t str_alloc_size(size_t size) {
  return size <= kSmallStrMax ? (size + 15) & ~(size_t)15 : size;
}
void *str_alloc_slow(size_t size);
// str objects: rc = 1, type str, NOT zero-filled (may be a recycled block of
// str_alloc_size(size) bytes); grow one with molt_xrealloc(p, str_alloc_size(n)).
// Inline because building strs is most of what string code does: the pop
// is a few instructions, a call around it was a third of them.
inline void *str_alloc(size_t size) {
#if !MOLT_NO_FREE_LISTS
  size = str_alloc_size(size);
  if (size <= kSmallStrMax) {
    size_t k = size / 16;
    if (void *p = g_str_free.head[k]) {
      memcpy(&g_str_free.head[k], p, sizeof(void *));
      g_str_free.n[k]--;
      MoltObject *o = (MoltObject *)p;
      o->rc = 1;
      o->type = MOLT_TYPE_STR;
      return o;
    }
  }
#endif
  return str_alloc_slow(size);
}
// A new str of n bytes whose data (but not the NUL after it) the caller
// fills in. Only for n >= 2: the empty and one-character strings are
// interned by str_new_known.
inline Str *str_new_raw(int64_t n, int64_t ncp, bool ascii) {
  Str *o = (Str *)str_alloc(offsetof(Str, data) + (size_t)n + 1);
  o->nbytes = n;
  o->cap = n;
  o->ncp = ncp;
  o->hash = -1;
  o->ascii = ascii;
  o->data[n] = 0;
  return o;
}
void *molt_xmalloc(size_t n);
void *molt_xrealloc(void *p, size_t n);

// ---- errors ---------------------------------------------------------------
V err_fmt(uint32_t type, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
V err_type_unsupported(const char *op, V a, V b);
V err_no_memory();
// Larger objects are refused with MemoryError before any allocation (1 TiB).
static const int64_t kMaxObjectBytes = (int64_t)1 << 40;
const char *tname(V v); // type name of a value
V err_key(V key); // raises KeyError(key)

// ---- growable byte buffer -------------------------------------------------
struct Buf {
  char *p = nullptr;
  int64_t n = 0, cap = 0;
  void reserve(int64_t extra) {
    if (n + extra + 1 > cap) {
      int64_t nc = cap ? cap * 2 : 64;
      while (nc < n + extra + 1) nc *= 2;
      p = (char *)molt_xrealloc(p, (size_t)nc);
      cap = nc;
    }
  }
  void put(const char *s, int64_t k) {
    reserve(k);
    memcpy(p + n, s, (size_t)k);
    n += k;
  }
  void puts(const char *s) { put(s, (int64_t)strlen(s)); }
  void putc(char c) {
    reserve(1);
    p[n++] = c;
  }
  void putv(V strv); // append a str value's bytes
  void utf8(uint32_t cp);
  void fill(uint32_t cp, int64_t count) {
    for (int64_t i = 0; i < count; i++) utf8(cp);
  }
  V take_str(); // -> new str, frees buffer
  void free_() {
    free(p);
    p = nullptr;
    n = cap = 0;
  }
};

// In-place set operators (set.cpp), for molt_isub/iand/ixor: both are sets.
int set_isub(V a, V b);
int set_iand(V a, V b);
int set_ixor(V a, V b);
int list_inplace_repeat(V l, int64_t k); // list.cpp: `l *= k`
// len items repeated k (> 0) times would not fit: MemoryError, as CPython's.
static inline bool repeat_too_big(int64_t len, int64_t k) {
  return len && (k > INT64_MAX / 16 / len || len * k > kMaxObjectBytes / 8);
}

// ---- str internals --------------------------------------------------------
V str_new_utf8(const char *s, int64_t n);           // computes ncp/ascii
V str_new_known(const char *s, int64_t n, int64_t ncp, bool ascii);
V str_ascii_char(char c); // the interned one-character str of c < 0x80
V str_empty();
static inline Str *STR(V v) { return AS(Str, v); }
int64_t utf8_decode(const char *s, int64_t n, int64_t i, uint32_t *cp); // returns next idx
int64_t utf8_encode(uint32_t cp, char *out);
int64_t str_cp_to_byte(Str *s, int64_t cp);
V str_from_cp(uint32_t cp);
// Equal strs: the same bytes. Inline: a dict lookup of a key equal to, but
// not the same object as, the stored one (a word read from input) ends here.
static inline bool str_eq(V a, V b) {
  Str *x = STR(a), *y = STR(b);
  return x->nbytes == y->nbytes && bytes_eq(x->data, y->data, (size_t)x->nbytes);
}
int str_cmp(V a, V b);
int64_t str_hash(V s);
V str_repr(V s);
V str_getitem(V s, int64_t i);
V str_slice(V s, int64_t start, int64_t stop, int64_t step, int64_t slicelen);
V str_mul(V s, int64_t n);
V str_add(V a, V b);
V str_iadd_steal(V a, V b); // a: owned, refcount 1, mortal, a != b
int str_contains(V s, V sub);
void utf8_ws_trim(const char *s, int64_t n, int64_t *b, int64_t *e); // Unicode whitespace

// ---- ints -----------------------------------------------------------------
V int_from_i64(int64_t i);
V int_add(V a, V b);
V int_sub(V a, V b);
V int_mul(V a, V b);
V int_floordiv(V a, V b);
V int_mod(V a, V b);
V int_divmod(V a, V b);
V int_truediv(V a, V b);
V int_pow(V a, V b);
V int_neg(V a);
V int_invert(V a);
V int_lshift(V a, V b);
V int_rshift(V a, V b);
V int_and(V a, V b);
V int_or(V a, V b);
V int_xor(V a, V b);
int int_cmp(V a, V b); // -1/0/1
int int_sign(V a);
int64_t int_hash(V a);
V int_to_str(V a, int base); // base 10 enforces 4300-digit limit; 2/8/16 plain digits, no prefix
double int_to_double(V a, bool *overflow);
V int_from_double(double d); // exact truncation; caller checks finite
int int_cmp_double(V a, double d); // exact; d not NaN
bool int_fits_i64(V a, int64_t *out);
static inline V norm_bool(V v) { // bool -> small int
  return molt_is_bool(v) ? molt_box_smallint(molt_unbox_bool(v)) : v;
}
int64_t int_bit_length(V a);

// ---- floats ---------------------------------------------------------------
int float_repr_buf(double d, char *out, size_t cap); // returns length
V float_repr(double d);
int64_t float_hash(double d);
bool to_double(V v, double *out); // int/bool/float -> double (sets OverflowError)

// ---- containers -----------------------------------------------------------
// Whether items[0, n) holds a heap object (anything refcounted). No early
// exit: the loop vectorizes, and the lists it is asked about mostly hold none.
static inline bool holds_object(const V *items, int64_t n) {
  bool any = false;
  for (int64_t i = 0; i < n; i++) any |= molt_is_ptr(items[i]);
  return any;
}
V list_new(int64_t cap);
// A dying list's item array (cap slots at least): kept for reuse by
// list_new when short, freed otherwise.
void list_free_items(V *items, int64_t cap);
void list_grow(List *l, int64_t need); // capacity >= need, growing by half
// Appends x, taking over the caller's reference. Inline: split and other
// list builders call it once per item.
inline int list_append_steal(V lv, V x) {
  List *l = (List *)OBJ(lv);
  if (l->len == l->cap) list_grow(l, l->len + 1);
  l->items[l->len++] = x;
  return 0;
}
static inline List *LIST(V v) { return AS(List, v); }
V tuple_new(int64_t n);
static inline Tuple *TUPLE(V v) { return AS(Tuple, v); }
V tuple_pack2(V a, V b); // borrows
V dict_lookup(V d, V key, int64_t hash, int *err); // borrowed or MOLT_NULL
int dict_set_hashed(V d, V key, int64_t hash, V value);
int set_add_hashed(V s, V key, int64_t hash);
int set_contains(V s, V key);
V seq_to_list(V iterable); // new list from any iterable
// Python slice semantics: fills start/stop/step and returns slice length.
int slice_indices(V start, V stop, V step, int64_t len, int64_t *s, int64_t *e, int64_t *st, int64_t *slicelen);
int index_arg(V v, int64_t *out); // int-like -> int64 (IndexError if too big)
int eq_bool(V a, V b); // 1/0/-1
int lt_bool(V a, V b);
int compare_op(V a, V b, int op); // op: 0 lt 1 le 2 gt 3 ge -> 1/0/-1
V molt_str_of(V v);   // str()
V molt_repr_of(V v);  // repr()
int repr_into(Buf *b, V v); // appends repr(v)
int str_into(Buf *b, V v);  // appends str(v)
V exc_str(V exc);
int sort_values(V *items, int64_t n, V key, int reverse);
V call_fn(V f, const V *args, int64_t n);

#endif
