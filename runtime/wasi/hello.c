/* hello.c - smallest program against the Molt runtime, used to measure the
 * runtime's size share (native and wasm32-wasi) and as the wasm smoke test.
 * Equivalent Python:  print("hello, world", 2**100, 0.1, f"argc={argc}")
 * With --raise it ends with an uncaught ValueError (exit status 1); with
 * --file it writes and reads back ./molt_hello_io.txt (relative path); with
 * --recurse it recurses until RecursionError (stack size check). */
#include <string.h>

#include "molt/runtime.h"

/* def f(n): return f(n + 1) */
static MoltValue recurse(MoltValue self, const MoltValue *args, int64_t nargs) {
  (void)nargs;
  MoltValue next = molt_add(args[0], molt_box_smallint(1));
  if (next == MOLT_NULL) return MOLT_NULL;
  MoltValue r = molt_call(self, &next, 1);
  molt_decref(next);
  return r;
}

int main(int argc, char **argv) {
  molt_runtime_init(argc, argv);
  MoltValue parts[4];
  parts[0] = molt_str_from_cstr("hello, world");
  parts[1] = molt_pow(molt_int_from_i64(2), molt_int_from_i64(100));
  parts[2] = molt_box_double(0.1);
  MoltValue prefix = molt_str_from_cstr("argc=");
  MoltValue n = molt_str(molt_int_from_i64(argc));
  parts[3] = molt_add(prefix, n);
  molt_print(parts, 4, MOLT_NONE, MOLT_NONE, 0);
  for (int i = 0; i < 4; i++) molt_decref(parts[i]);
  molt_decref(prefix);
  molt_decref(n);
  if (argc > 1 && strcmp(argv[1], "--file") == 0) {
    MoltValue path = molt_str_from_cstr("molt_hello_io.txt");
    MoltValue mode = molt_str_from_cstr("w");
    MoltValue f = molt_open(path, mode);
    if (f == MOLT_NULL) return molt_runtime_finish();
    MoltValue text = molt_str_from_cstr("first\nsecond\n");
    molt_decref(molt_file_write(f, text));
    molt_decref(molt_file_close(f));
    molt_decref(f);
    f = molt_open(path, MOLT_NONE);
    if (f == MOLT_NULL) return molt_runtime_finish();
    MoltValue lines = molt_file_readlines(f);
    molt_print(&lines, 1, MOLT_NONE, MOLT_NONE, 0);
    molt_decref(lines);
    molt_decref(f);
    molt_decref(text);
    molt_decref(mode);
    molt_decref(path);
  }
  if (argc > 1 && strcmp(argv[1], "--recurse") == 0) {
    MoltValue f = molt_func_new(recurse, "f", 1, 0);
    MoltValue zero = molt_box_smallint(0);
    MoltValue r = molt_call(f, &zero, 1);
    molt_decref(f);
    if (r == MOLT_NULL) return molt_runtime_finish();
    molt_decref(r);
  }
  if (argc > 1 && strcmp(argv[1], "--raise") == 0) {
    MoltValue s = molt_str_from_cstr("x");
    MoltValue r = molt_int_from_str(s, 10); /* ValueError: invalid literal ... */
    molt_decref(s);
    if (r == MOLT_NULL) return molt_runtime_finish();
  }
  return molt_runtime_finish();
}
