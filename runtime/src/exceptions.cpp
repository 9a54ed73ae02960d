// exceptions.cpp - the pending-exception state, exception objects, the
// recursion guard and uncaught-exception reporting.
//
// Errors never unwind through C++: a failing runtime call stores an
// exception instance in g_pending and returns MOLT_NULL / -1; compiled code
// checks and propagates, and `except` clauses test molt_err_matches.
#include <fcntl.h>
#ifndef __wasi__
#include <signal.h>
#endif
#include <unistd.h>

#include "internal.h"

#include <stdarg.h>

static V g_pending = MOLT_NULL;
// Exceptions currently being handled (innermost last): a new exception
// raised while one is handled gets it as __context__, as in CPython.
static V g_handling[256];
static int g_nhandling = 0;

static void attach_context(V exc) {
  if (g_nhandling == 0 || !is_exc_obj(exc)) return;
  V top = g_handling[g_nhandling - 1];
  Exc *e = AS(Exc, exc);
  if (exc == top || e->context != MOLT_NULL) return;
  // avoid creating a cycle in the chain (CPython breaks those too)
  for (V c = top; c != MOLT_NULL; c = AS(Exc, c)->context)
    if (c == exc) return;
  e->context = incref(top);
}
static int32_t g_depth = 0;
static int32_t g_limit = 1000;

extern "C" int molt_err_occurred(void) { return g_pending != MOLT_NULL; }

extern "C" void molt_err_set(MoltValue exc) {
  attach_context(exc);
  V old = g_pending;
  g_pending = incref(exc);
  xdecref(old);
}
extern "C" void molt_err_restore(MoltValue exc) {
  attach_context(exc);
  V old = g_pending;
  g_pending = exc;
  xdecref(old);
}

extern "C" void molt_exc_handler_enter(MoltValue exc) {
  if (g_nhandling < 256) g_handling[g_nhandling] = incref(exc);
  g_nhandling++;
}
extern "C" void molt_exc_handler_leave(void) {
  if (g_nhandling == 0) return;
  g_nhandling--;
  if (g_nhandling < 256) decref(g_handling[g_nhandling]);
}

extern "C" MoltValue molt_raise_from(MoltValue x, MoltValue cause) {
  V exc = is_type(x, MOLT_TYPE_TYPE) ? molt_exc_new(AS(TypeObj, x)->id, MOLT_NULL) : incref(x);
  if (exc == MOLT_NULL) return MOLT_NULL;
  if (!is_exc_obj(exc)) {
    decref(exc);
    return err_fmt(MOLT_EXC_TYPE_ERROR, "exceptions must derive from BaseException");
  }
  V c = is_type(cause, MOLT_TYPE_TYPE) ? molt_exc_new(AS(TypeObj, cause)->id, MOLT_NULL) : incref(cause);
  if (c == MOLT_NULL) {
    decref(exc);
    return MOLT_NULL;
  }
  if (c != MOLT_NONE && !is_exc_obj(c)) {
    decref(c);
    decref(exc);
    return err_fmt(MOLT_EXC_TYPE_ERROR, "exception causes must derive from BaseException");
  }
  Exc *e = AS(Exc, exc);
  xdecref(e->cause);
  e->cause = c == MOLT_NONE ? MOLT_NULL : c;
  e->suppress = 1;
  molt_err_restore(exc);
  return MOLT_NULL;
}
extern "C" MoltValue molt_err_fetch(void) {
  V e = g_pending;
  g_pending = MOLT_NULL;
  return e == MOLT_NULL ? MOLT_NONE : e;
}
extern "C" void molt_err_clear(void) {
  V e = g_pending;
  g_pending = MOLT_NULL;
  xdecref(e);
}
extern "C" int molt_err_matches(uint32_t type_id) {
  return g_pending != MOLT_NULL && molt_type_is_subtype(obj_type(g_pending), type_id);
}

extern "C" MoltValue molt_exc_new(uint32_t type_id, MoltValue args) {
  if (!molt_type_is_subtype(type_id, MOLT_EXC_BASE_EXCEPTION))
    return err_fmt(MOLT_EXC_TYPE_ERROR, "exceptions must derive from BaseException");
  Exc *e = (Exc *)molt_alloc_object(sizeof(Exc), type_id);
  e->args = args == MOLT_NULL ? tuple_new(0) : incref(args);
  e->context = e->cause = MOLT_NULL;
  e->dict = MOLT_NULL;
  return BOX(e);
}

extern "C" int molt_exc_set_args(MoltValue exc, MoltValue args) {
  if (!is_exc_obj(exc) || !is_type(args, MOLT_TYPE_TUPLE)) {
    err_fmt(MOLT_EXC_TYPE_ERROR, "molt_exc_set_args: not an exception and a tuple");
    return -1;
  }
  Exc *e = AS(Exc, exc);
  V old = e->args;
  e->args = incref(args);
  xdecref(old);
  return 0;
}

extern "C" MoltValue molt_exc_args(MoltValue exc) { return incref(AS(Exc, exc)->args); }

static V make_exc_msg(uint32_t type, const char *msg) {
  V args;
  if (msg) {
    args = tuple_new(1);
    TUPLE(args)->items[0] = molt_str_from_cstr(msg);
  } else {
    args = tuple_new(0);
  }
  V e = molt_exc_new(type, args);
  decref(args);
  return e;
}

extern "C" MoltValue molt_err_format(uint32_t type_id, const char *msg) {
  V e = make_exc_msg(type_id, msg);
  if (e != MOLT_NULL) molt_err_restore(e);
  return MOLT_NULL;
}

V err_fmt(uint32_t type, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return molt_err_format(type, buf);
}

V err_key(V key) {
  V args = tuple_new(1);
  TUPLE(args)->items[0] = incref(key);
  V e = molt_exc_new(MOLT_EXC_KEY_ERROR, args);
  decref(args);
  molt_err_restore(e);
  return MOLT_NULL;
}

// A request too large to satisfy (`"a" * 2**62`): CPython's MemoryError.
// Failing allocations of ordinary sizes still end the program (molt_xmalloc).
V err_no_memory() { return molt_err_format(MOLT_EXC_MEMORY_ERROR, nullptr); }  // no args, as CPython's

V err_type_unsupported(const char *op, V a, V b) {
  return err_fmt(MOLT_EXC_TYPE_ERROR, "unsupported operand type(s) for %s: '%s' and '%s'", op, tname(a),
                 tname(b));
}

extern "C" MoltValue molt_raise(MoltValue x) {
  if (is_type(x, MOLT_TYPE_TYPE)) {
    uint32_t id = AS(TypeObj, x)->id;
    V e = molt_exc_new(id, MOLT_NULL);
    if (e == MOLT_NULL) return MOLT_NULL;
    molt_err_restore(e);
    return MOLT_NULL;
  }
  if (!is_exc_obj(x)) return err_fmt(MOLT_EXC_TYPE_ERROR, "exceptions must derive from BaseException");
  // `raise e` raises anew: the frame it is raised in gets an entry even if
  // the exception passed through it before (CPython lists it twice then).
  AS(Exc, x)->tb_frame = nullptr;
  molt_err_set(x);
  return MOLT_NULL;
}
extern "C" void molt_reraise(MoltValue exc) { molt_err_set(exc); }

// str(exc): '' for no args, str(arg) for one arg, str(args) otherwise;
// KeyError with one arg uses repr(arg), like CPython.
V exc_str(V exc) {
  V args = AS(Exc, exc)->args;
  int64_t n = TUPLE(args)->len;
  if (n == 0) return str_empty();
  if (n == 1) {
    if (molt_type_is_subtype(obj_type(exc), MOLT_EXC_KEY_ERROR)) return molt_repr_of(TUPLE(args)->items[0]);
    return molt_str_of(TUPLE(args)->items[0]);
  }
  return molt_str_of(args);
}

// ---- traceback ------------------------------------------------------------------
// Compiled code calls molt_tb_add from a function's error exit, so the
// pending exception collects one entry per frame it leaves (innermost
// first), like CPython's __traceback__; uncaught, they print outermost first.

static const char *g_source_path = nullptr; // as given to `molt build`
static const int32_t kMaxTb = 4096;

extern "C" void molt_tb_set_file(const char *path) { g_source_path = path; }

extern "C" void molt_tb_add(const char *func, int32_t line, const void *frame) {
  if (line < 0 || g_pending == MOLT_NULL || !molt_is_ptr(g_pending)) return;
  Exc *x = AS(Exc, g_pending);
  if (frame && x->tb_frame == frame) return; // entered this frame once already
  x->tb_frame = frame;
  if (x->ntb == kMaxTb) {
    x->tb_dropped++;
    return;
  }
  if (x->ntb == x->tbcap) {
    x->tbcap = x->tbcap ? (x->tbcap * 2 > kMaxTb ? kMaxTb : x->tbcap * 2) : 8;
    x->tb = (TbEntry *)molt_xrealloc(x->tb, sizeof(TbEntry) * (size_t)x->tbcap);
  }
  x->tb[x->ntb++] = TbEntry{func, line};
}

// The program's source, read once per printed traceback (plain read(2), not
// stdio: this is linked into every program, and wasm modules have a size
// budget). Null when it cannot be read any more.
struct Source {
  char *text = nullptr;
  size_t n = 0;
};
static Source read_source() {
  Source src;
  if (!g_source_path) return src;
  int fd = open(g_source_path, O_RDONLY);
  if (fd < 0) return src;
  size_t cap = 0;
  ssize_t got;
  do {
    if (src.n == cap) {
      cap = cap ? cap * 2 : 16384;
      if (cap > ((size_t)64 << 20)) break; // not a source file worth showing
      src.text = (char *)molt_xrealloc(src.text, cap);
    }
    got = read(fd, src.text + src.n, cap - src.n);
    if (got > 0) src.n += (size_t)got;
  } while (got > 0);
  close(fd);
  return src;
}

// Line `line` of the source, stripped, into buf; false if there is none.
static bool source_line(const Source &src, int32_t line, char *buf, size_t n) {
  if (!src.text || line <= 0) return false;
  size_t i = 0;
  for (int32_t at = 1; at < line; at++) {
    const char *nl = (const char *)memchr(src.text + i, '\n', src.n - i);
    if (!nl) return false;
    i = (size_t)(nl - src.text) + 1;
  }
  const char *b = src.text + i, *e = (const char *)memchr(b, '\n', src.n - i);
  if (!e) e = src.text + src.n;
  while (b < e && (*b == ' ' || *b == '\t')) b++;
  while (e > b && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t')) e--;
  size_t len = (size_t)(e - b) < n - 1 ? (size_t)(e - b) : n - 1;
  memcpy(buf, b, len);
  buf[len] = 0;
  return len > 0;
}

static void print_frame(const Source &src, const TbEntry &t) {
  fprintf(stderr, "  File \"%s\", line %d, in %s\n", g_source_path ? g_source_path : "<unknown>", (int)t.line, t.func);
  char buf[1024];
  if (source_line(src, t.line, buf, sizeof buf)) fprintf(stderr, "    %s\n", buf);
}

static void print_tb(const Exc *x) {
  Source src = read_source();
  // CPython prints a frame repeated more than 3 times in a row only 3 times.
  const int kCutoff = 3;
  int32_t repeat = 0;
  const TbEntry *last = nullptr;
  auto flush = [&]() {
    if (repeat > kCutoff)
      fprintf(stderr, "  [Previous line repeated %d more time%s]\n", repeat - kCutoff, repeat - kCutoff == 1 ? "" : "s");
  };
  for (int32_t i = x->ntb - 1; i >= 0; i--) {
    const TbEntry &t = x->tb[i];
    if (last && last->line == t.line && strcmp(last->func, t.func) == 0) {
      if (++repeat <= kCutoff) print_frame(src, t);
      continue;
    }
    flush();
    repeat = 1;
    last = &t;
    print_frame(src, t);
  }
  flush();
  if (x->tb_dropped > 0) fprintf(stderr, "  [%lld more frames not recorded]\n", (long long)x->tb_dropped);
  free(src.text);
}

static void print_one(V e) {
  V s = exc_str(e);
  const char *name = molt_type_name(obj_type(e));
  fputs("Traceback (most recent call last):\n", stderr);
  print_tb(AS(Exc, e));
  if (s == MOLT_NULL) {
    molt_err_clear();
    fprintf(stderr, "%s: <exception str() failed>\n", name);
  } else if (STR(s)->nbytes == 0) {
    fprintf(stderr, "%s\n", name);
  } else {
    fprintf(stderr, "%s: %s\n", name, STR(s)->data);
  }
  xdecref(s);
}

// CPython's chained report: causes/contexts first, innermost last.
static void print_chain(V e, int depth) {
  Exc *x = AS(Exc, e);
  if (depth < 64) {
    if (x->cause != MOLT_NULL) {
      print_chain(x->cause, depth + 1);
      fputs("\nThe above exception was the direct cause of the following exception:\n\n", stderr);
    } else if (x->context != MOLT_NULL && !x->suppress) {
      print_chain(x->context, depth + 1);
      fputs("\nDuring handling of the above exception, another exception occurred:\n\n", stderr);
    }
  }
  print_one(e);
}

extern "C" void molt_err_print(void) {
  V e = molt_err_fetch();
  if (e == MOLT_NONE) return;
  fflush(stdout);
  print_chain(e, 0);
  fflush(stderr);
  decref(e);
}

// ---- recursion guard ---------------------------------------------------------

extern "C" int molt_enter_call(void) {
  if (++g_depth > g_limit) {
    --g_depth;
    err_fmt(MOLT_EXC_RECURSION_ERROR, "maximum recursion depth exceeded");
    return -1;
  }
  return 0;
}
extern "C" void molt_leave_call(void) { --g_depth; }
extern "C" void molt_set_recursion_limit(int32_t limit) { g_limit = limit; }

// ---- lifetime --------------------------------------------------------------

static MoltValue **g_globals = nullptr;
static int64_t g_nglobals = 0, g_capglobals = 0;

extern "C" void molt_global_register(MoltValue *slot) {
  if (g_nglobals == g_capglobals) {
    g_capglobals = g_capglobals ? g_capglobals * 2 : 64;
    g_globals = (MoltValue **)molt_xrealloc(g_globals, sizeof(MoltValue *) * (size_t)g_capglobals);
  }
  g_globals[g_nglobals++] = slot;
}

static void release_globals() {
  while (g_nglobals > 0) {
    MoltValue *slot = g_globals[--g_nglobals];
    V v = *slot;
    *slot = MOLT_NONE;
    decref(v);
  }
  free(g_globals);
  g_globals = nullptr;
  g_capglobals = 0;
}

#ifdef __wasi__
#include <unistd.h>
#endif

static int g_argc = 0;
static char **g_argv = nullptr;

extern "C" MoltValue molt_sys_argv(void) {
  V l = list_new(g_argc);
  for (int i = 0; i < g_argc; i++) list_append_steal(l, molt_str_from_cstr(g_argv[i]));
  return l;
}

extern "C" MoltValue molt_sys_exit(MoltValue code) {
  V args = tuple_new(1);
  TUPLE(args)->items[0] = incref(code);
  V e = molt_exc_new(MOLT_EXC_SYSTEM_EXIT, args);
  decref(args);
  molt_err_restore(e);
  return MOLT_NULL;
}

// Set by modules with @molt.export functions: the host calls them after
// `_start` returns, so the module's globals must outlive main.
static bool g_keep_globals = false;
static int g_state = 0;  // 0 before molt_runtime_init, 1 running, 2 finished

extern "C" void molt_runtime_init(int argc, char **argv) {
  (void)molt_type_count();
  g_state = 1;
  g_argc = argc;
  g_argv = argv;
#ifdef __wasi__
  // wasi-libc starts in "/"; the runner (runtime/wasi/run.mjs) passes the
  // host working directory in PWD so relative paths behave as on the host.
  const char *pwd = getenv("PWD");
  if (pwd && *pwd) chdir(pwd);
#endif
}

extern "C" void molt_runtime_keep_globals(void) { g_keep_globals = true; }

extern "C" int molt_runtime_state(void) { return g_state; }

extern "C" int molt_runtime_finish(void) {
  g_state = 2;
  int status = 0;
  bool interrupted = false;
  if (g_pending != MOLT_NULL) {
    if (obj_type(g_pending) == MOLT_EXC_SYSTEM_EXIT) {
      V args = AS(Exc, g_pending)->args;
      status = 0;
      if (TUPLE(args)->len == 1) {
        V a = TUPLE(args)->items[0];
        if (molt_is_smallint(a)) {
          status = (int)molt_unbox_smallint(a);
        } else if (molt_is_bool(a)) { // sys.exit(True): bool is an int
          status = molt_unbox_bool(a) ? 1 : 0;
        } else if (a != MOLT_NONE) {
          fflush(stdout);
          V s = molt_str_of(a);
          if (s != MOLT_NULL) {
            fprintf(stderr, "%s\n", STR(s)->data);
            decref(s);
          }
          status = 1;
        }
      }
      molt_err_clear();
    } else {
      interrupted = obj_type(g_pending) == MOLT_EXC_KEYBOARD_INTERRUPT;
      molt_err_print();
      status = 1;
    }
  }
  while (g_nhandling > 0) molt_exc_handler_leave();
  if (!g_keep_globals) {
    release_globals();
    molt_gc_collect(); // free unreachable cycles (keeps leak checkers quiet)
  }
  fflush(stdout);
  fflush(stderr);
#ifndef __wasi__
  // An uncaught KeyboardInterrupt ends CPython by SIGINT (the shell sees 130).
  if (interrupted) {
    signal(SIGINT, SIG_DFL);
    raise(SIGINT);
  }
#endif
  return interrupted ? 130 : status;
}
