/* value_layout.h - the single definition of Molt's NaN-boxed Value.
 *
 * Every Molt value is one 64-bit word. This header is THE place where the bit
 * layout is defined; the runtime (runtime/src) and the LLVM code generator
 * (codegen/) both include it, so it must stay dependency-free, C-compatible
 * (C99 or C++20) and free of any runtime symbol. Everything here is a
 * constant, a macro or a `static inline` helper.
 *
 * Bit layout (bit 63 is the most significant bit):
 *
 *   Doubles: any IEEE-754 binary64 bit pattern that is NOT in the tagged
 *   range below. NaNs are canonicalised to MOLT_CANONICAL_NAN
 *   (0x7FF8000000000000, positive quiet NaN) before boxing, so the negative
 *   quiet-NaN space is free for tags.
 *
 *   Tagged values: bits 63..51 are all ones (sign=1, exponent=0x7FF,
 *   quiet bit=1), i.e. (v & MOLT_TAG_MASK_HI) == MOLT_TAGGED_PREFIX.
 *
 *     63      51 50  48 47                                              0
 *     +---------+------+------------------------------------------------+
 *     |1111111111111| tag  |                 payload (48 bits)               |
 *     +---------+------+------------------------------------------------+
 *
 *     tag 0  (0xFFF8...)  reserved, never produced (it is the x86 "default"
 *                         negative NaN, which we canonicalise away)
 *     tag 1  (0xFFF9...)  heap pointer: payload = address of a MoltObject
 *                         (non-null, 8-byte aligned, fits in 48 bits; on
 *                         wasm32 the upper 16 payload bits are zero)
 *     tag 2  (0xFFFA...)  small int: payload = 48-bit two's complement
 *                         integer, range [MOLT_SMALLINT_MIN, MOLT_SMALLINT_MAX]
 *     tag 3  (0xFFFB...)  bool: payload 0 (False) or 1 (True)
 *     tag 4  (0xFFFC...)  None: payload 0
 *     tag 5  (0xFFFD...)  runtime sentinels, never visible to Python code:
 *                         payload 0 = MOLT_NULL (an exception is pending),
 *                         payload 1 = MOLT_STOP (iterator exhausted, no
 *                         exception pending)
 *     tag 6,7             reserved
 *
 * Integers: an int whose value fits in 48-bit two's complement is ALWAYS a
 * small int (never a heap bigint); heap bigints always hold values outside
 * that range. So equality of two ints that are both small is bit equality.
 */
#ifndef MOLT_VALUE_LAYOUT_H
#define MOLT_VALUE_LAYOUT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A NaN-boxed Python value. Plain integer so the ABI is `i64` everywhere. */
typedef uint64_t MoltValue;

#define MOLT_TAG_MASK_HI      UINT64_C(0xFFF8000000000000) /* bits 63..51 */
#define MOLT_TAGGED_PREFIX    UINT64_C(0xFFF8000000000000)
#define MOLT_TAG_SHIFT        48
#define MOLT_TAG_BITS         UINT64_C(0x7)                /* bits 50..48 */
#define MOLT_PAYLOAD_MASK     UINT64_C(0x0000FFFFFFFFFFFF) /* bits 47..0 */
#define MOLT_HI16_MASK        UINT64_C(0xFFFF000000000000) /* prefix + tag */

#define MOLT_TAG_PTR    1u
#define MOLT_TAG_INT    2u
#define MOLT_TAG_BOOL   3u
#define MOLT_TAG_NONE   4u
#define MOLT_TAG_SENTINEL 5u

#define MOLT_PREFIX_OF(tag) (MOLT_TAGGED_PREFIX | ((uint64_t)(tag) << MOLT_TAG_SHIFT))
#define MOLT_PREFIX_PTR   MOLT_PREFIX_OF(MOLT_TAG_PTR)   /* 0xFFF9000000000000 */
#define MOLT_PREFIX_INT   MOLT_PREFIX_OF(MOLT_TAG_INT)   /* 0xFFFA000000000000 */
#define MOLT_PREFIX_BOOL  MOLT_PREFIX_OF(MOLT_TAG_BOOL)  /* 0xFFFB000000000000 */
#define MOLT_PREFIX_NONE  MOLT_PREFIX_OF(MOLT_TAG_NONE)  /* 0xFFFC000000000000 */
#define MOLT_PREFIX_SENTINEL MOLT_PREFIX_OF(MOLT_TAG_SENTINEL)

#define MOLT_CANONICAL_NAN UINT64_C(0x7FF8000000000000)
#define MOLT_NONE   (MOLT_PREFIX_NONE)
#define MOLT_FALSE  (MOLT_PREFIX_BOOL | 0u)
#define MOLT_TRUE   (MOLT_PREFIX_BOOL | 1u)
#define MOLT_NULL   (MOLT_PREFIX_SENTINEL | 0u) /* error: exception pending */
#define MOLT_STOP   (MOLT_PREFIX_SENTINEL | 1u) /* iterator exhausted */

#define MOLT_SMALLINT_BITS 48
#define MOLT_SMALLINT_MAX  ((int64_t)((UINT64_C(1) << 47) - 1))  /*  140737488355327 */
#define MOLT_SMALLINT_MIN  (-(int64_t)(UINT64_C(1) << 47))       /* -140737488355328 */

/* ---- classification ---------------------------------------------------- */

static inline int molt_is_double(MoltValue v) {
  return (v & MOLT_TAG_MASK_HI) != MOLT_TAGGED_PREFIX;
}
static inline unsigned molt_tag(MoltValue v) { /* only meaningful if tagged */
  return (unsigned)((v >> MOLT_TAG_SHIFT) & MOLT_TAG_BITS);
}
static inline int molt_is_ptr(MoltValue v) { return (v & MOLT_HI16_MASK) == MOLT_PREFIX_PTR; }
static inline int molt_is_smallint(MoltValue v) { return (v & MOLT_HI16_MASK) == MOLT_PREFIX_INT; }
static inline int molt_is_bool(MoltValue v) { return (v & MOLT_HI16_MASK) == MOLT_PREFIX_BOOL; }
static inline int molt_is_none(MoltValue v) { return v == MOLT_NONE; }
static inline int molt_is_null(MoltValue v) { return v == MOLT_NULL; }
static inline int molt_is_stop(MoltValue v) { return v == MOLT_STOP; }

/* ---- doubles ----------------------------------------------------------- */

static inline MoltValue molt_box_double(double d) {
  MoltValue v;
  __builtin_memcpy(&v, &d, sizeof v);
  if (d != d) v = MOLT_CANONICAL_NAN; /* canonicalise every NaN */
  return v;
}
static inline double molt_unbox_double(MoltValue v) {
  double d;
  __builtin_memcpy(&d, &v, sizeof d);
  return d;
}

/* ---- small ints -------------------------------------------------------- */

static inline int molt_fits_smallint(int64_t i) {
  return i >= MOLT_SMALLINT_MIN && i <= MOLT_SMALLINT_MAX;
}
/* Precondition: molt_fits_smallint(i). */
static inline MoltValue molt_box_smallint(int64_t i) {
  return MOLT_PREFIX_INT | ((uint64_t)i & MOLT_PAYLOAD_MASK);
}
/* Sign-extends the 48-bit payload. */
static inline int64_t molt_unbox_smallint(MoltValue v) {
  return (int64_t)(v << 16) >> 16;
}

/* ---- bools / pointers -------------------------------------------------- */

static inline MoltValue molt_box_bool(int b) { return b ? MOLT_TRUE : MOLT_FALSE; }
static inline int molt_unbox_bool(MoltValue v) { return (int)(v & 1u); }

static inline MoltValue molt_box_ptr(const void *p) {
  return MOLT_PREFIX_PTR | ((uint64_t)(uintptr_t)p & MOLT_PAYLOAD_MASK);
}
static inline void *molt_unbox_ptr(MoltValue v) {
  return (void *)(uintptr_t)(v & MOLT_PAYLOAD_MASK);
}

/* ---- heap object header (layout shared with codegen) --------------------
 * Every heap object starts with this 8-byte header. Offsets are ABI:
 *   offset 0: uint32_t refcount  (>= MOLT_IMMORTAL_REFCNT means immortal)
 *   offset 4: uint32_t type_id   (see MOLT_TYPE_* in runtime.h)
 * Struct-instance fields follow the header: field i lives at offset
 * MOLT_STRUCT_FIELD_OFFSET(i) and is 8 bytes (a MoltValue, int64 or double).
 */
#define MOLT_HEADER_SIZE 8
#define MOLT_IMMORTAL_REFCNT UINT32_C(0x80000000)
#define MOLT_STRUCT_FIELD_OFFSET(i) (MOLT_HEADER_SIZE + 8 * (i))

/* ---- list object layout (shared with codegen) ----------------------------
 * A list (type id MOLT_TYPE_LIST) is the header followed by:
 *   offset 8:  int64_t len     (number of items)
 *   offset 16: int64_t cap     (capacity of the item array, >= len)
 *   offset 24: MoltValue *items (separately allocated array of `cap` slots;
 *                                a pointer: 8 bytes native, 4 on wasm32)
 * Compiled code reads and writes these directly for `l[i]`, `l[i] = x`,
 * `len(l)` and `l.append(x)` when there is room; growing and every error go
 * through the runtime. runtime/src/internal.h static_asserts the offsets.
 */
#define MOLT_LIST_LEN_OFFSET   8
#define MOLT_LIST_CAP_OFFSET   16
#define MOLT_LIST_ITEMS_OFFSET 24

#if defined(__cplusplus)
static_assert(sizeof(MoltValue) == 8, "MoltValue is 64 bits");
static_assert(sizeof(double) == 8, "binary64 doubles required");
static_assert(MOLT_PREFIX_PTR == UINT64_C(0xFFF9000000000000), "ptr prefix");
static_assert(MOLT_PREFIX_INT == UINT64_C(0xFFFA000000000000), "int prefix");
static_assert(MOLT_PREFIX_BOOL == UINT64_C(0xFFFB000000000000), "bool prefix");
static_assert(MOLT_PREFIX_NONE == UINT64_C(0xFFFC000000000000), "none prefix");
static_assert((MOLT_CANONICAL_NAN & MOLT_TAG_MASK_HI) != MOLT_TAGGED_PREFIX,
              "canonical NaN must classify as a double");
static_assert(sizeof(void *) <= 8, "pointers must fit the payload");
static_assert(MOLT_SMALLINT_MAX == 140737488355327LL, "48-bit small ints");
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
_Static_assert(sizeof(MoltValue) == 8, "MoltValue is 64 bits");
_Static_assert(MOLT_PREFIX_PTR == UINT64_C(0xFFF9000000000000), "ptr prefix");
#endif

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MOLT_VALUE_LAYOUT_H */
