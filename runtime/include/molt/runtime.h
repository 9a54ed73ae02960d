/* runtime.h - the extern "C" API of the Molt runtime.
 *
 * Compiled Molt programs (native or wasm32-wasi) call these functions; the
 * value representation they exchange is defined in value_layout.h. Naming
 * follows tree-sitter: molt_<object>_<verb>.
 *
 * OWNERSHIP (applies to every function unless its comment says otherwise):
 *   - MoltValue arguments are BORROWED: the callee increfs what it keeps.
 *   - A returned MoltValue is a NEW reference the caller must release with
 *     molt_decref (doubles, small ints, bools and None need no release but
 *     molt_decref on them is a cheap no-op).
 *   - "Steals" means the callee takes over the caller's reference.
 *   - "Borrowed result" means the returned value is owned by a container and
 *     stays valid only while that container is alive and unmodified.
 *
 * ERRORS: no C++ exception ever crosses this API. A failing function sets the
 * thread's pending exception and returns MOLT_NULL (MoltValue results) or -1
 * (int results). Compiled code checks and propagates. Iterator `next`
 * functions return MOLT_STOP when exhausted without setting an exception.
 *
 * THREADS: the runtime is single-threaded; see
 * docs/spec/runtime-safety-invariants.md.
 */
#ifndef MOLT_RUNTIME_H
#define MOLT_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#include "molt/value_layout.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MOLT_RUNTIME_ABI_VERSION 1
/** Returns MOLT_RUNTIME_ABI_VERSION of the linked runtime (checked at startup). */
uint32_t molt_runtime_abi_version(void);

/* ===== type ids ==========================================================
 * Stored at offset 4 of every heap object. Ids below MOLT_TYPE_FIRST_USER are
 * fixed; user classes and user exception classes get ids from
 * molt_class_register / molt_exc_type_new. */
enum {
  MOLT_TYPE_INVALID = 0,
  MOLT_TYPE_OBJECT,    /* `object`, root of every hierarchy */
  MOLT_TYPE_NONE,      /* NoneType (only for isinstance / type()) */
  MOLT_TYPE_BOOL,      /* parent: int */
  MOLT_TYPE_INT,       /* heap bigints carry this id */
  MOLT_TYPE_FLOAT,
  MOLT_TYPE_STR,
  MOLT_TYPE_BYTES,
  MOLT_TYPE_LIST,
  MOLT_TYPE_TUPLE,
  MOLT_TYPE_DICT,
  MOLT_TYPE_SET,
  MOLT_TYPE_RANGE,
  MOLT_TYPE_FUNCTION,
  MOLT_TYPE_BOUND_METHOD,
  MOLT_TYPE_ITERATOR,
  MOLT_TYPE_DICT_VIEW,
  MOLT_TYPE_FILE,
  MOLT_TYPE_TYPE,
  /* exceptions */
  MOLT_EXC_BASE_EXCEPTION,
  MOLT_EXC_SYSTEM_EXIT,
  MOLT_EXC_KEYBOARD_INTERRUPT,
  MOLT_EXC_EXCEPTION,
  MOLT_EXC_ARITHMETIC_ERROR,
  MOLT_EXC_ZERO_DIVISION_ERROR,
  MOLT_EXC_OVERFLOW_ERROR,
  MOLT_EXC_LOOKUP_ERROR,
  MOLT_EXC_INDEX_ERROR,
  MOLT_EXC_KEY_ERROR,
  MOLT_EXC_VALUE_ERROR,
  MOLT_EXC_UNICODE_ERROR,
  MOLT_EXC_TYPE_ERROR,
  MOLT_EXC_ATTRIBUTE_ERROR,
  MOLT_EXC_NAME_ERROR,
  MOLT_EXC_RUNTIME_ERROR,
  MOLT_EXC_RECURSION_ERROR,
  MOLT_EXC_NOT_IMPLEMENTED_ERROR,
  MOLT_EXC_STOP_ITERATION,
  MOLT_EXC_ASSERTION_ERROR,
  MOLT_EXC_OS_ERROR,
  MOLT_EXC_FILE_NOT_FOUND_ERROR,
  MOLT_EXC_EOF_ERROR,
  MOLT_EXC_MEMORY_ERROR,
  MOLT_EXC_IS_A_DIRECTORY_ERROR,
  MOLT_TYPE_FIRST_USER = 64
};

/* ===== lifetime ========================================================== */

/** Initialises the runtime (idempotent). Call before anything else. */
void molt_runtime_init(int argc, char **argv);
/** Ends the program: if an exception is pending, prints the traceback
 *  (with its __context__/__cause__ chain) to stderr and yields status 1
 *  (SystemExit(n) yields n); then releases registered globals, runs the
 *  cycle collector and flushes stdout/stderr. Returns the exit status
 *  (0 when nothing is pending). */
int molt_runtime_finish(void);

/** Makes molt_runtime_finish keep the module globals alive (it still prints
 *  a pending exception and flushes): wasm modules with exported functions
 *  call it from a constructor, so the host can call exports after `_start`. */
void molt_runtime_keep_globals(void);
/** 0 before molt_runtime_init, 1 while the program runs, 2 after
 *  molt_runtime_finish. */
int molt_runtime_state(void);

/** sys.argv as a new list of str (from molt_runtime_init's argv). */
MoltValue molt_sys_argv(void);
/** sys.exit(code) / exit(code): raises SystemExit(code); returns MOLT_NULL.
 *  molt_runtime_finish turns it into the exit status (None -> 0, int -> n,
 *  anything else -> printed to stderr, 1). */
MoltValue molt_sys_exit(MoltValue code);

/** Reference counting; no-ops for doubles, small ints, bools, None and
 *  immortal objects. decref frees the object when the count reaches 0. */
void molt_incref(MoltValue v);
void molt_decref(MoltValue v);

/** Registers a module-global slot (owned reference, MOLT_NONE initially).
 *  molt_runtime_finish releases every registered slot in reverse order of
 *  registration, so programs end with no live objects (LeakSanitizer sees
 *  no NaN-boxed pointer as a root). The slot must outlive the program. */
void molt_global_register(MoltValue *slot);

/** Cycle collector (see docs/spec/runtime.md): collects unreachable
 *  reference cycles now; returns the number of container objects freed.
 *  Also runs automatically once the container allocations since the last
 *  collection exceed max(10000, containers that survived it), and in
 *  molt_runtime_finish. */
int64_t molt_gc_collect(void);
/** Enables/disables automatic collections (explicit calls still work). */
void molt_gc_enable(int enabled);
/** Number of live container objects tracked by the collector. */
int64_t molt_gc_tracked(void);

/* ===== exceptions ========================================================= */

/** True (1) if an exception is pending. */
int molt_err_occurred(void);
/** Sets the pending exception to `exc` (an exception instance). Borrows. */
void molt_err_set(MoltValue exc);
/** Creates an exception of type `type_id` with message `msg` (UTF-8, may be
 *  NULL for no args) and makes it pending. Always returns MOLT_NULL. */
MoltValue molt_err_format(uint32_t type_id, const char *msg);
/** Returns the pending exception (new ref) and clears it; MOLT_NONE if none. */
MoltValue molt_err_fetch(void);
/** Makes `exc` pending again (steals; used to re-raise after `finally`). */
void molt_err_restore(MoltValue exc);
void molt_err_clear(void);
/** 1 if the pending exception is an instance of type_id (or a subclass). */
int molt_err_matches(uint32_t type_id);
/** Creates an exception instance; `args` is a tuple (borrowed) or MOLT_NULL
 *  for no args. New reference. */
MoltValue molt_exc_new(uint32_t type_id, MoltValue args);
/** `raise x`: x is an exception instance or a type object. Always returns
 *  MOLT_NULL. Borrows. */
MoltValue molt_raise(MoltValue x);
// Bare `raise` in a handler: the handled exception again, keeping its
// traceback entry for this frame.
void molt_reraise(MoltValue exc);
/** `raise x from cause` (cause: exception, type object or None for
 *  `from None`). Always returns MOLT_NULL. Borrows. */
MoltValue molt_raise_from(MoltValue x, MoltValue cause);
/** Bracket an `except` handler body: enter(e) after molt_err_fetch, leave()
 *  when the handler exits (normally or by raising). Exceptions raised inside
 *  get e as __context__, printed as "During handling of the above exception,
 *  another exception occurred:" like CPython. enter borrows. */
void molt_exc_handler_enter(MoltValue exc);
void molt_exc_handler_leave(void);
/** Returns the args tuple of an exception (new ref). */
MoltValue molt_exc_args(MoltValue exc);
/** `super().__init__(*args)` in a user exception's __init__: replaces the
 *  exception's args (borrowed tuple); 0, or -1 with TypeError. Attributes
 *  such an __init__ sets go through molt_setattr/molt_getattr. */
int molt_exc_set_args(MoltValue exc, MoltValue args);
/** Registers a user exception class `name` (copied) deriving from
 *  `parent_type_id`. Returns the new type id. */
uint32_t molt_exc_type_new(const char *name, uint32_t parent_type_id);
/** Recursion guard: call on function entry/exit. enter returns -1 and raises
 *  RecursionError when the depth exceeds the limit (default 1000). */
int molt_enter_call(void);
void molt_leave_call(void);
void molt_set_recursion_limit(int32_t limit);
/** Prints "Traceback (most recent call last):" and "Type: msg" for the
 *  pending exception to stderr, clears it. */
void molt_err_print(void);
/** Traceback: the program's source path as given to `molt build` (printed in
 *  `File "..."` lines); and, from a compiled function's error exit, one frame
 *  (its Python name, the line that failed) added to the pending exception. */
void molt_tb_set_file(const char *path);
// Adds (func, line) to the pending exception's traceback unless the
// activation `frame` (any address unique to it) already added one.
void molt_tb_add(const char *func, int32_t line, const void *frame);

/* ===== types / classes ==================================================== */

/** type id of any value (small ints -> MOLT_TYPE_INT etc.). */
uint32_t molt_type_id(MoltValue v);
/** Type name, e.g. "int"; static storage. */
const char *molt_type_name(uint32_t type_id);
/** 1 if type `sub` is `base` or derives from it. */
int molt_type_is_subtype(uint32_t sub, uint32_t base);
/** isinstance(v, type_id) -> 0/1. */
int molt_isinstance(MoltValue v, uint32_t type_id);
/** The type object for a type id (immortal; borrowed result is fine too). */
MoltValue molt_type_object(uint32_t type_id);
/** type(v) -> type object (immortal). */
MoltValue molt_type_of(MoltValue v);

/** Native entry point of a compiled function. `self` is the function object
 *  (gives access to captures; MOLT_NONE for class hooks), args are borrowed,
 *  returns a new ref or MOLT_NULL. */
typedef MoltValue (*MoltFnPtr)(MoltValue self, const MoltValue *args, int64_t nargs);

/** Field kinds for struct (fixed-layout) classes. */
enum { MOLT_FIELD_RAW = 0, MOLT_FIELD_VALUE = 1 };
/** Descriptor of a structified class. All pointers must stay valid for the
 *  life of the program (the compiler emits them as constants). */
typedef struct MoltClassDesc {
  const char *name;               /* e.g. "Point" */
  const char *module;             /* e.g. "__main__" */
  uint32_t parent_type_id;        /* MOLT_TYPE_OBJECT or a user class */
  uint32_t nfields;               /* fields are 8 bytes each after header */
  const uint8_t *field_kinds;     /* nfields entries: MOLT_FIELD_* */
  const char *const *field_names; /* nfields names (for errors/debug) */
  uint32_t boxed;                 /* 1: instances carry an attribute dict */
  /* Optional dunder hooks (NULL = object's default), used wherever the
   * runtime itself performs the operation (repr of containers, dict/set
   * keys, sorting, len(), truth tests). Called as fn(MOLT_NONE, args, n):
   *   repr_fn/str_fn(self) -> str     eq_fn/lt_fn(self, other) -> bool
   *   hash_fn(self) -> int            len_fn(self) -> int
   *   bool_fn(self) -> bool
   * As in CPython, a class with eq_fn but no hash_fn is unhashable. */
  MoltFnPtr repr_fn, str_fn, eq_fn, lt_fn, hash_fn, len_fn, bool_fn;
} MoltClassDesc;
/** Registers a class; returns its type id. */
uint32_t molt_class_register(const MoltClassDesc *desc);
/** New zero-initialised struct instance (value fields = None). */
MoltValue molt_struct_new(uint32_t type_id);
/** Borrowed pointer to field i's 8 bytes (bounds-checked; NULL + IndexError
 *  on bad index). Compiled code normally uses MOLT_STRUCT_FIELD_OFFSET. */
void *molt_struct_field_ptr(MoltValue obj, uint32_t i);
/** Reads / writes a VALUE field (get: new ref; set: borrows v). */
MoltValue molt_struct_get(MoltValue obj, uint32_t i);
int molt_struct_set(MoltValue obj, uint32_t i, MoltValue v);
/** Boxed instances: attribute dict. getattr returns new ref or raises
 *  AttributeError "'C' object has no attribute 'x'". */
MoltValue molt_boxed_new(uint32_t type_id);
MoltValue molt_getattr(MoltValue obj, MoltValue name);
int molt_setattr(MoltValue obj, MoltValue name, MoltValue v);

/* ===== functions, closures, bound methods ================================= */

/** New function object with `ncaptures` capture slots (initialised to None).
 *  arity < 0 means "any number of args". `name` is copied. */
MoltValue molt_func_new(MoltFnPtr fn, const char *name, int32_t arity, int32_t ncaptures);
/** Borrowed capture slot i (bounds-checked; MOLT_NULL + IndexError). */
MoltValue molt_func_capture(MoltValue f, int32_t i);
/** Sets capture slot i (borrows v). */
int molt_func_set_capture(MoltValue f, int32_t i, MoltValue v);
/** New bound method (self, func both borrowed). */
MoltValue molt_bound_method_new(MoltValue func, MoltValue self);
/** Calls a function / bound method / type object. Args borrowed. */
MoltValue molt_call(MoltValue f, const MoltValue *args, int64_t nargs);
/** A builtin as a first-class function object (for `map(len, xs)`,
 *  `sorted(xs, key=abs)`): one of len abs repr str int float bool ord chr
 *  sum min max sorted list tuple set dict hash round bin hex oct any all
 *  iter next reversed enumerate. Types (int, str, ...) may equally be passed
 *  as type objects. New reference; NULL + NameError for unknown names. */
MoltValue molt_builtin_function(const char *name);
/** `a, b, c = seq`: stores n new references into out[0..n) or raises
 *  ValueError "not enough values to unpack (expected 3, got 2)" /
 *  "too many values to unpack (expected 2)" / TypeError. Returns 0 / -1. */
int molt_unpack(MoltValue seq, int64_t n, MoltValue *out);
/** Makes v immortal (tuples: recursively, their items too): for constants
 *  the compiler creates once at startup. Borrows; never fails. */
void molt_immortalize(MoltValue v);

/* ===== numbers ============================================================ */

/** Boxes an int64 (promotes to a heap bigint if outside the small range). */
MoltValue molt_int_from_i64(int64_t i);
MoltValue molt_int_from_u64(uint64_t u);
/** Converts an int to int64; sets OverflowError and returns -1 if too large
 *  (check molt_err_occurred when -1 is a valid result). */
int64_t molt_int_as_i64(MoltValue v);
/** int(s, base): base 0 or 2..36; raises ValueError like CPython. */
MoltValue molt_int_from_str(MoltValue s, int64_t base);
/** Parses a decimal literal (compiler constants); never fails on valid input. */
MoltValue molt_int_from_cstr(const char *digits, int base);
/** int.bit_length() -> int. */
MoltValue molt_int_bit_length(MoltValue v);
/** float.is_integer() -> bool. */
MoltValue molt_float_is_integer(MoltValue v);
/** float(x) of an int; OverflowError "int too large to convert to float". */
double molt_int_as_double(MoltValue v);
/** Exact results of int64 arithmetic for codegen's unboxed fast paths when
 *  the machine operation overflowed (promotes to a heap bigint). */
MoltValue molt_int_add_i64(int64_t a, int64_t b);
MoltValue molt_int_sub_i64(int64_t a, int64_t b);
MoltValue molt_int_mul_i64(int64_t a, int64_t b);
/** Generic arithmetic (int, bool, float, str, list, tuple where Python allows). */
MoltValue molt_add(MoltValue a, MoltValue b);
MoltValue molt_sub(MoltValue a, MoltValue b);
MoltValue molt_mul(MoltValue a, MoltValue b);
MoltValue molt_truediv(MoltValue a, MoltValue b);
MoltValue molt_floordiv(MoltValue a, MoltValue b);
MoltValue molt_mod(MoltValue a, MoltValue b);
MoltValue molt_pow(MoltValue a, MoltValue b);
/** pow(a, b, m) for ints. */
MoltValue molt_pow3(MoltValue a, MoltValue b, MoltValue m);
MoltValue molt_lshift(MoltValue a, MoltValue b);
MoltValue molt_rshift(MoltValue a, MoltValue b);
MoltValue molt_and(MoltValue a, MoltValue b);
MoltValue molt_or(MoltValue a, MoltValue b);
MoltValue molt_xor(MoltValue a, MoltValue b);
MoltValue molt_neg(MoltValue a);
MoltValue molt_pos(MoltValue a);
MoltValue molt_invert(MoltValue a);
MoltValue molt_abs(MoltValue a);
MoltValue molt_divmod(MoltValue a, MoltValue b);
/** In-place `+=` etc.: lists extend in place, everything else = binary op. */
MoltValue molt_iadd(MoltValue a, MoltValue b);
/** `x += b` for a variable x: STEALS a (the variable's reference, also on
 *  error) and returns the new value. A uniquely referenced str is extended
 *  in place (amortised O(1) like CPython), a list is extended in place. */
MoltValue molt_iadd_steal(MoltValue a, MoltValue b);
/** `x *= n`, `s |= t`, `s -= t`, `s &= t`, `s ^= t`: a list repeats in place,
 *  sets (and a dict under `|=`) change in place, as CPython's __imul__,
 *  __ior__, __isub__, __iand__, __ixor__ do (other references see the
 *  change); everything else is the binary operator. New reference. */
MoltValue molt_imul(MoltValue a, MoltValue b);
MoltValue molt_ior(MoltValue a, MoltValue b);
MoltValue molt_isub(MoltValue a, MoltValue b);
MoltValue molt_iand(MoltValue a, MoltValue b);
MoltValue molt_ixor(MoltValue a, MoltValue b);

/* ===== comparisons / truth / hash ======================================== */

/** Rich comparisons returning a bool Value (or MOLT_NULL on TypeError). */
MoltValue molt_eq(MoltValue a, MoltValue b);
MoltValue molt_ne(MoltValue a, MoltValue b);
MoltValue molt_lt(MoltValue a, MoltValue b);
MoltValue molt_le(MoltValue a, MoltValue b);
MoltValue molt_gt(MoltValue a, MoltValue b);
MoltValue molt_ge(MoltValue a, MoltValue b);
/** Comparison straight to a C truth value (no boxing), for conditions:
 *  op is one of MOLT_CMP_*; returns 1/0, or -1 with an exception set. */
enum { MOLT_CMP_LT = 0, MOLT_CMP_LE = 1, MOLT_CMP_GT = 2, MOLT_CMP_GE = 3, MOLT_CMP_EQ = 4, MOLT_CMP_NE = 5 };
int molt_compare(MoltValue a, MoltValue b, int op);
/** `a is b`. */
int molt_is(MoltValue a, MoltValue b);
/** bool(v): 1/0, or -1 on error. */
int molt_truthy(MoltValue v);
/** hash(v) like CPython (ints mod 2**61-1, str: fixed-key FNV-1a); -1 on
 *  error (TypeError "unhashable type: 'list'"). */
int64_t molt_hash(MoltValue v);
/** `x in container` -> 1/0/-1. */
int molt_contains(MoltValue container, MoltValue x);
/** The same with the operands in source order (`x in container`). */
int molt_in(MoltValue x, MoltValue container);

/* ===== str ================================================================ */

/** New str from UTF-8 bytes (copied; must be valid UTF-8). */
MoltValue molt_str_from_utf8(const char *s, int64_t nbytes);
MoltValue molt_str_from_cstr(const char *s);
/** Borrowed pointer to the NUL-terminated UTF-8 data and its byte length. */
const char *molt_str_utf8(MoltValue s, int64_t *nbytes);
/** str(v) / repr(v) / ascii(v) -> new str. */
MoltValue molt_str(MoltValue v);
MoltValue molt_repr(MoltValue v);
MoltValue molt_ascii(MoltValue v);
/** Concatenates n str values (used for f-strings). */
MoltValue molt_str_concat_n(const MoltValue *parts, int64_t n);
/** Methods; `args` conventions mirror Python, MOLT_NONE = argument omitted. */
MoltValue molt_str_split(MoltValue s, MoltValue sep, int64_t maxsplit);
MoltValue molt_str_rsplit(MoltValue s, MoltValue sep, int64_t maxsplit);
MoltValue molt_str_join(MoltValue sep, MoltValue iterable);
MoltValue molt_str_strip(MoltValue s, MoltValue chars);
MoltValue molt_str_lstrip(MoltValue s, MoltValue chars);
MoltValue molt_str_rstrip(MoltValue s, MoltValue chars);
MoltValue molt_str_replace(MoltValue s, MoltValue old, MoltValue new_, int64_t count);
MoltValue molt_str_find(MoltValue s, MoltValue sub, MoltValue start, MoltValue end);
MoltValue molt_str_rfind(MoltValue s, MoltValue sub, MoltValue start, MoltValue end);
MoltValue molt_str_index(MoltValue s, MoltValue sub, MoltValue start, MoltValue end);
MoltValue molt_str_rindex(MoltValue s, MoltValue sub, MoltValue start, MoltValue end);
MoltValue molt_str_count(MoltValue s, MoltValue sub, MoltValue start, MoltValue end);
MoltValue molt_str_startswith(MoltValue s, MoltValue prefix, MoltValue start, MoltValue end);
MoltValue molt_str_endswith(MoltValue s, MoltValue suffix, MoltValue start, MoltValue end);
MoltValue molt_str_upper(MoltValue s);
MoltValue molt_str_lower(MoltValue s);
MoltValue molt_str_title(MoltValue s);
MoltValue molt_str_capitalize(MoltValue s);
MoltValue molt_str_swapcase(MoltValue s);
MoltValue molt_str_isdigit(MoltValue s);
MoltValue molt_str_isalpha(MoltValue s);
MoltValue molt_str_isalnum(MoltValue s);
MoltValue molt_str_isspace(MoltValue s);
MoltValue molt_str_isupper(MoltValue s);
MoltValue molt_str_islower(MoltValue s);
MoltValue molt_str_zfill(MoltValue s, int64_t width);
MoltValue molt_str_center(MoltValue s, int64_t width, MoltValue fill);
MoltValue molt_str_ljust(MoltValue s, int64_t width, MoltValue fill);
MoltValue molt_str_rjust(MoltValue s, int64_t width, MoltValue fill);
MoltValue molt_str_partition(MoltValue s, MoltValue sep);
MoltValue molt_str_rpartition(MoltValue s, MoltValue sep);
MoltValue molt_str_splitlines(MoltValue s, int keepends);
MoltValue molt_str_removeprefix(MoltValue s, MoltValue prefix);
MoltValue molt_str_removesuffix(MoltValue s, MoltValue suffix);
MoltValue molt_str_isdecimal(MoltValue s);
MoltValue molt_str_isnumeric(MoltValue s);
/** str.format(*args): positional `{}`/`{0}` fields with format specs and
 *  !r/!s/!a conversions; args borrowed. */
MoltValue molt_str_format(MoltValue fmt, const MoltValue *args, int64_t nargs);
/** str.format(*args, **kwargs): kwargs is a dict of str -> value (borrowed)
 *  or MOLT_NONE. Supports {name}, {0[1]}, {k[key]} and nested {} in specs. */
MoltValue molt_str_format_kw(MoltValue fmt, const MoltValue *args, int64_t nargs, MoltValue kwargs);
MoltValue molt_str_encode(MoltValue s);
MoltValue molt_bytes_decode(MoltValue b);
MoltValue molt_bytes_from(const uint8_t *data, int64_t n);
/** format(v, spec) / f-string `{v:spec}`. */
MoltValue molt_format(MoltValue v, MoltValue spec);
/** `fmt % args` (args: tuple or single value). */
MoltValue molt_str_percent(MoltValue fmt, MoltValue args);

/* ===== containers (generic) ============================================== */

/** len(v) -> >= 0, or -1 with TypeError. */
int64_t molt_len(MoltValue v);
MoltValue molt_len_value(MoltValue v);
/** v[i] for str, bytes, list, tuple, range, dict (any key). */
MoltValue molt_getitem(MoltValue v, MoltValue key);
int molt_setitem(MoltValue v, MoltValue key, MoltValue x);
int molt_delitem(MoltValue v, MoltValue key);
/** v[start:stop:step]; MOLT_NONE for omitted parts. */
MoltValue molt_getslice(MoltValue v, MoltValue start, MoltValue stop, MoltValue step);
int molt_setslice(MoltValue v, MoltValue start, MoltValue stop, MoltValue step, MoltValue x);
int molt_delslice(MoltValue v, MoltValue start, MoltValue stop, MoltValue step);

/* ===== list =============================================================== */

MoltValue molt_list_new(int64_t capacity_hint);
/** v itself (new ref) if it is a list, else TypeError: typing.cast to a list type. */
MoltValue molt_expect_list(MoltValue v);
/** New list holding items[0..n) (borrowed, increfed). */
MoltValue molt_list_from_array(const MoltValue *items, int64_t n);
int molt_list_append(MoltValue list, MoltValue x);
/** Like append but steals x. */
int molt_list_append_steal(MoltValue list, MoltValue x);
int molt_list_extend(MoltValue list, MoltValue iterable);
int molt_list_insert(MoltValue list, int64_t i, MoltValue x);
/** pop(i); i = -1 for the last item. */
MoltValue molt_list_pop(MoltValue list, int64_t i);
int molt_list_remove(MoltValue list, MoltValue x);
MoltValue molt_list_index(MoltValue list, MoltValue x);
MoltValue molt_list_count(MoltValue list, MoltValue x);
/** sort(key=key or None, reverse=reverse); stable. */
int molt_list_sort(MoltValue list, MoltValue key, int reverse);
int molt_list_reverse(MoltValue list);
MoltValue molt_list_copy(MoltValue list);
// `x = src.copy()`: takes over `old` (x's previous value) and may reuse its
// list when nothing else holds it; NULL (old untouched) when src is no list.
MoltValue molt_list_copy_into(MoltValue old, MoltValue src);
int molt_list_clear(MoltValue list);
/** Unchecked fast paths for codegen after its own bounds check: borrowed. */
MoltValue molt_list_get_borrowed(MoltValue list, int64_t i);

/* ===== tuple ============================================================== */

MoltValue molt_tuple_from_array(const MoltValue *items, int64_t n);
/** New tuple of n Nones to be filled with molt_tuple_init_steal. */
MoltValue molt_tuple_new(int64_t n);
/** Stores x (stolen) into slot i of a freshly created tuple. */
void molt_tuple_init_steal(MoltValue t, int64_t i, MoltValue x);
MoltValue molt_tuple_index(MoltValue t, MoltValue x);
MoltValue molt_tuple_count(MoltValue t, MoltValue x);

/* ===== dict =============================================================== */

MoltValue molt_dict_new(void);
/** d[k] = v (both borrowed). */
int molt_dict_set(MoltValue d, MoltValue k, MoltValue v);
/** d[k] -> new ref, KeyError if missing. */
MoltValue molt_dict_getitem(MoltValue d, MoltValue k);
/** d.get(k, default) -> new ref. */
MoltValue molt_dict_get(MoltValue d, MoltValue k, MoltValue dflt);
MoltValue molt_dict_setdefault(MoltValue d, MoltValue k, MoltValue dflt);
/** d.pop(k[, default]); dflt = MOLT_NULL means "no default". */
MoltValue molt_dict_pop(MoltValue d, MoltValue k, MoltValue dflt);
MoltValue molt_dict_popitem(MoltValue d);
int molt_dict_del(MoltValue d, MoltValue k);
MoltValue molt_dict_keys(MoltValue d);
MoltValue molt_dict_values(MoltValue d);
MoltValue molt_dict_items(MoltValue d);
/** d.update(other): dict or iterable of pairs. */
int molt_dict_update(MoltValue d, MoltValue other);
MoltValue molt_dict_copy(MoltValue d);
int molt_dict_clear(MoltValue d);

/* ===== set ================================================================ */

MoltValue molt_set_new(void);
/** Set display {a, b, c}: items borrowed. all_constants=1 for a literal made
 *  only of constants (CPython builds those via a frozenset, which changes
 *  the iteration order); codegen passes what CPython's compiler would see. */
MoltValue molt_set_from_array(const MoltValue *items, int64_t n, int all_constants);
int molt_set_add(MoltValue s, MoltValue x);
int molt_set_discard(MoltValue s, MoltValue x);
/** remove: KeyError if missing. */
int molt_set_remove(MoltValue s, MoltValue x);
MoltValue molt_set_pop(MoltValue s);
MoltValue molt_set_union(MoltValue a, MoltValue b);
MoltValue molt_set_intersection(MoltValue a, MoltValue b);
MoltValue molt_set_difference(MoltValue a, MoltValue b);
MoltValue molt_set_symmetric_difference(MoltValue a, MoltValue b);
MoltValue molt_set_issubset(MoltValue a, MoltValue b);
MoltValue molt_set_issuperset(MoltValue a, MoltValue b);
MoltValue molt_set_isdisjoint(MoltValue a, MoltValue b);
int molt_set_update(MoltValue s, MoltValue iterable);
MoltValue molt_set_copy(MoltValue s);
int molt_set_clear(MoltValue s);

/* ===== range / iteration ================================================== */

MoltValue molt_range_new(MoltValue start, MoltValue stop, MoltValue step);
/** iter(v) -> new iterator. */
MoltValue molt_iter(MoltValue v);
/** Next item (new ref), MOLT_STOP when exhausted, MOLT_NULL on error. */
MoltValue molt_iter_next(MoltValue it);
/** next(it[, default]); dflt MOLT_NULL = raise StopIteration. */
MoltValue molt_next(MoltValue it, MoltValue dflt);
MoltValue molt_enumerate(MoltValue iterable, MoltValue start);
MoltValue molt_zip(const MoltValue *iterables, int64_t n);
MoltValue molt_map(MoltValue f, const MoltValue *iterables, int64_t n);
MoltValue molt_filter(MoltValue f, MoltValue iterable);
MoltValue molt_reversed(MoltValue seq);

/* ===== builtins =========================================================== */

/** print(*args, sep=sep, end=end) - sep/end: str or MOLT_NONE for default;
 *  to_stderr selects file=sys.stderr. Returns None. */
MoltValue molt_print(const MoltValue *args, int64_t n, MoltValue sep, MoltValue end, int to_stderr);
MoltValue molt_input(MoltValue prompt);
MoltValue molt_sorted(MoltValue iterable, MoltValue key, int reverse);
/** min/max over one iterable (n==1) or several args; key/default may be
 *  MOLT_NONE / MOLT_NULL (no default). */
MoltValue molt_min(const MoltValue *args, int64_t n, MoltValue key, MoltValue dflt);
MoltValue molt_max(const MoltValue *args, int64_t n, MoltValue key, MoltValue dflt);
MoltValue molt_sum(MoltValue iterable, MoltValue start);
MoltValue molt_any(MoltValue iterable);
MoltValue molt_all(MoltValue iterable);
/** round(x) (ndigits = MOLT_NONE) or round(x, ndigits). */
MoltValue molt_round(MoltValue x, MoltValue ndigits);
MoltValue molt_ord(MoltValue c);
MoltValue molt_chr(MoltValue i);
MoltValue molt_bin(MoltValue i);
MoltValue molt_hex(MoltValue i);
MoltValue molt_oct(MoltValue i);
/** Constructors: int(x), float(x), bool(x), list(x), tuple(x), set(x),
 *  dict(x); MOLT_NONE -> empty/zero. */
MoltValue molt_int(MoltValue x);
MoltValue molt_float(MoltValue x);
MoltValue molt_bool(MoltValue x);
MoltValue molt_list(MoltValue iterable);
MoltValue molt_tuple(MoltValue iterable);
MoltValue molt_set(MoltValue iterable);
MoltValue molt_dict(MoltValue iterable);
MoltValue molt_hash_value(MoltValue v);

/* ===== files ============================================================== */

/** open(path, mode) text mode ("r", "w", "a", optional "t"/"+"); raises
 *  FileNotFoundError "[Errno 2] No such file or directory: 'p'". */
MoltValue molt_open(MoltValue path, MoltValue mode);
/** sys.stdout (fd 1) / sys.stderr (fd 2) as file objects (immortal). */
MoltValue molt_sys_stdio(int32_t fd);
MoltValue molt_file_read(MoltValue f, int64_t size);
MoltValue molt_file_readline(MoltValue f);
MoltValue molt_file_readlines(MoltValue f);
MoltValue molt_file_write(MoltValue f, MoltValue s);
MoltValue molt_file_close(MoltValue f);

/* ===== math =============================================================== */

/* math.pi, math.e, math.tau (exact CPython values); math.inf / math.nan are
 * molt_box_double(INFINITY) / MOLT_CANONICAL_NAN. */
#define MOLT_MATH_PI 3.141592653589793
#define MOLT_MATH_E 2.718281828459045
#define MOLT_MATH_TAU 6.283185307179586

MoltValue molt_math_sqrt(MoltValue x);
MoltValue molt_math_exp(MoltValue x);
MoltValue molt_math_log(MoltValue x, MoltValue base); /* base MOLT_NONE = e */
MoltValue molt_math_log2(MoltValue x);
MoltValue molt_math_log10(MoltValue x);
MoltValue molt_math_sin(MoltValue x);
MoltValue molt_math_cos(MoltValue x);
MoltValue molt_math_tan(MoltValue x);
MoltValue molt_math_asin(MoltValue x);
MoltValue molt_math_acos(MoltValue x);
MoltValue molt_math_atan(MoltValue x);
MoltValue molt_math_atan2(MoltValue y, MoltValue x);
MoltValue molt_math_hypot(MoltValue x, MoltValue y);
MoltValue molt_math_pow(MoltValue x, MoltValue y);
MoltValue molt_math_fabs(MoltValue x);
MoltValue molt_math_floor(MoltValue x);
MoltValue molt_math_ceil(MoltValue x);
MoltValue molt_math_trunc(MoltValue x);
MoltValue molt_math_copysign(MoltValue x, MoltValue y);
MoltValue molt_math_fmod(MoltValue x, MoltValue y);
MoltValue molt_math_isnan(MoltValue x);
MoltValue molt_math_isinf(MoltValue x);
MoltValue molt_math_isfinite(MoltValue x);
MoltValue molt_math_isclose(MoltValue a, MoltValue b, MoltValue rel_tol, MoltValue abs_tol);
MoltValue molt_math_gcd(MoltValue a, MoltValue b);
MoltValue molt_math_factorial(MoltValue n);
MoltValue molt_math_comb(MoltValue n, MoltValue k);
MoltValue molt_math_perm(MoltValue n, MoltValue k);
MoltValue molt_math_prod(MoltValue iterable, MoltValue start);
MoltValue molt_math_fsum(MoltValue iterable);
MoltValue molt_math_degrees(MoltValue x);
MoltValue molt_math_radians(MoltValue x);

/* ===== wasm exports (canonical ABI glue, runtime/src/wasm_abi.cpp) ==========
 * Used by the wrapper codegen emits for each `@molt.export` function
 * (docs/spec/wasm-targets.md). On wasm32 the module also exports
 * `cabi_realloc`, through which the host allocates argument strings. */

/** Start of an export call: traps (after a message on stderr) unless the
 *  module's `_start` has run, so the module's globals are initialised. */
void molt_abi_enter(void);
/** End of an export call: flushes stdout and stderr. */
void molt_abi_leave(void);
/** A `string` argument: takes ownership of the host's buffer (allocated with
 *  cabi_realloc, freed here); a new str, MOLT_NULL (UnicodeError) if the
 *  bytes are not UTF-8. */
MoltValue molt_abi_str_in(char *ptr, int32_t len);
/** A `string` result: copies `s` (borrowed) into a fresh buffer and returns
 *  the address of the {ptr, len} pair the canonical ABI returns. */
void *molt_abi_str_out(MoltValue s);
/** The `cabi_post_` function of a string result: frees that buffer. */
void molt_abi_str_post(void *retarea);
/** An `s64` result: the int's value; an int beyond 64 bits fails like
 *  molt_abi_fail with OverflowError. */
int64_t molt_abi_s64_out(MoltValue v);
/** An exception escaped an export: prints its traceback to stderr and traps
 *  (the host sees a WebAssembly.RuntimeError). Does not return. */
void molt_abi_fail(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MOLT_RUNTIME_H */
