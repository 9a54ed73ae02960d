// wasm_abi.cpp - the canonical-ABI glue behind `@molt.export`.
//
// codegen wraps each exported function in a core-wasm function whose
// signature is the component model's canonical ABI lowering of its WIT type
// (wit/molt.wit, docs/spec/wasm-targets.md): s64 -> i64, f64 -> f64,
// bool -> i32, string -> (ptr, len) in linear memory. The wrapper calls the
// helpers below to turn those into Values and back. They are ordinary
// runtime functions, so an archive member is linked only into modules that
// export something.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

namespace {
// The {ptr, len} pair a string result returns the address of. One call at a
// time (the runtime is single-threaded); the host reads it before the next.
struct StrRet {
  char *ptr;
  int32_t len;
};
StrRet g_str_ret;
}  // namespace

#ifdef __wasm__
// The host allocates argument strings here (canonical ABI `cabi_realloc`).
extern "C" __attribute__((export_name("cabi_realloc"))) void *cabi_realloc(void *old, size_t old_size, size_t align,
                                                                            size_t new_size) {
  (void)old_size;
  (void)align;  // malloc's alignment (16) covers every canonical-ABI alignment
  if (new_size == 0) return (void *)align;  // a valid, never-dereferenced address
  void *p = realloc(old, new_size);
  if (!p) __builtin_trap();
  return p;
}
#endif

extern "C" void molt_abi_enter(void) {
  if (molt_runtime_state() == 0) {
    fputs("molt: an exported function was called before the module's _start ran; call _start (WASI start) first\n",
          stderr);
    fflush(stderr);
    __builtin_trap();
  }
}

extern "C" void molt_abi_leave(void) {
  fflush(stdout);
  fflush(stderr);
}

extern "C" MoltValue molt_abi_str_in(char *ptr, int32_t len) {
  V b = molt_bytes_from((const uint8_t *)ptr, len < 0 ? 0 : len);
  if (len > 0) free(ptr);
  if (b == MOLT_NULL) return MOLT_NULL;
  V s = molt_bytes_decode(b);
  molt_decref(b);
  return s;
}

extern "C" void *molt_abi_str_out(MoltValue s) {
  int64_t n = 0;
  const char *data = molt_str_utf8(s, &n);
  if (!data) molt_abi_fail();
  char *copy = (char *)malloc(n > 0 ? (size_t)n : 1);
  if (!copy) __builtin_trap();
  memcpy(copy, data, (size_t)n);
  g_str_ret.ptr = copy;
  g_str_ret.len = (int32_t)n;
  return &g_str_ret;
}

extern "C" void molt_abi_str_post(void *retarea) {
  StrRet *r = (StrRet *)retarea;
  free(r->ptr);
  r->ptr = nullptr;
  r->len = 0;
}

extern "C" int64_t molt_abi_s64_out(MoltValue v) {
  int64_t i = molt_int_as_i64(v);
  if (i == -1 && molt_err_occurred()) molt_abi_fail();
  return i;
}

extern "C" void molt_abi_fail(void) {
  fflush(stdout);
  molt_err_print();
  fflush(stderr);
  __builtin_trap();
}
