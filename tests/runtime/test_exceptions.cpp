// test_exceptions.cpp - pending-exception state, hierarchy matching, user
// exception classes, str/repr of exceptions, recursion limit, uncaught
// exception reporting.
#include <stdio.h>
#include <unistd.h>

#include <string>

#include "helpers.h"

template <class Fn> static std::string capture_stderr(Fn fn) {
  fflush(stderr);
  char path[] = "/tmp/molt_rt_err_XXXXXX";
  int tmp = mkstemp(path);
  int saved = dup(2);
  dup2(tmp, 2);
  fn();
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  std::string out;
  lseek(tmp, 0, SEEK_SET);
  char buf[1024];
  ssize_t k;
  while ((k = read(tmp, buf, sizeof buf)) > 0) out.append(buf, (size_t)k);
  close(tmp);
  unlink(path);
  return out;
}

TEST_CASE("hierarchy matching") {
  molt_getitem(Val(L({})), I(0));
  CHECK(molt_err_occurred());
  CHECK(molt_err_matches(MOLT_EXC_INDEX_ERROR));
  CHECK(molt_err_matches(MOLT_EXC_LOOKUP_ERROR));
  CHECK(molt_err_matches(MOLT_EXC_EXCEPTION));
  CHECK(molt_err_matches(MOLT_EXC_BASE_EXCEPTION));
  CHECK(!molt_err_matches(MOLT_EXC_KEY_ERROR));
  CHECK(!molt_err_matches(MOLT_EXC_VALUE_ERROR));
  molt_err_clear();
  CHECK(!molt_err_occurred());
  CHECK(molt_type_is_subtype(MOLT_EXC_ZERO_DIVISION_ERROR, MOLT_EXC_ARITHMETIC_ERROR));
  CHECK(molt_type_is_subtype(MOLT_EXC_RECURSION_ERROR, MOLT_EXC_RUNTIME_ERROR));
  CHECK(molt_type_is_subtype(MOLT_EXC_FILE_NOT_FOUND_ERROR, MOLT_EXC_OS_ERROR));
  CHECK(molt_type_is_subtype(MOLT_EXC_UNICODE_ERROR, MOLT_EXC_VALUE_ERROR));
  CHECK(!molt_type_is_subtype(MOLT_EXC_SYSTEM_EXIT, MOLT_EXC_EXCEPTION));
}

TEST_CASE("user exception classes, raise, fetch/restore (finally)") {
  uint32_t app = molt_exc_type_new("AppError", MOLT_EXC_VALUE_ERROR);
  uint32_t sub = molt_exc_type_new("SubError", app);
  Val args = T({S("bad thing")});
  Val e = molt_exc_new(sub, args);
  CHECK(repr(e) == "SubError('bad thing')");
  CHECK(str(e) == "bad thing");
  CHECK(molt_raise(e) == MOLT_NULL);
  CHECK(molt_err_matches(app));
  CHECK(molt_err_matches(MOLT_EXC_VALUE_ERROR));
  MoltValue saved = molt_err_fetch(); // finally: stash, run body, re-raise
  CHECK(!molt_err_occurred());
  molt_err_restore(saved);
  CHECK(err() == "SubError: bad thing");
  // raise by class: `raise KeyError`
  molt_raise(Val(molt_type_object(MOLT_EXC_KEY_ERROR)));
  CHECK(err() == "KeyError");
  CHECK(molt_raise(I(3)) == MOLT_NULL);
  CHECK(err() == "TypeError: exceptions must derive from BaseException");
  Val two = molt_exc_new(MOLT_EXC_VALUE_ERROR, Val(T({S("a"), I(1)})));
  CHECK(str(two) == "('a', 1)");
  CHECK(repr(two) == "ValueError('a', 1)");
  Val none = molt_exc_new(MOLT_EXC_RUNTIME_ERROR, MOLT_NULL);
  CHECK(repr(none) == "RuntimeError()");
  Val ke = molt_exc_new(MOLT_EXC_KEY_ERROR, Val(T({S("k")})));
  CHECK(str(ke) == "'k'");
  // calling an exception type object constructs an instance
  Val ty = molt_type_object(MOLT_EXC_INDEX_ERROR);
  MoltValue a[] = {molt_str_from_cstr("oops")};
  CHECK(repr(molt_call(ty, a, 1)) == "IndexError('oops')");
  molt_decref(a[0]);
  CHECK(repr(molt_getattr(ke, Val(S("args")))) == "('k',)");
}

static MoltValue recurse(MoltValue self, const MoltValue *args, int64_t) {
  MoltValue n = molt_add(args[0], molt_box_smallint(1));
  MoltValue r = molt_call(self, &n, 1);
  molt_decref(n);
  return r;
}

TEST_CASE("recursion limit") {
  Val f = molt_func_new(recurse, "f", 1, 0);
  MoltValue zero[] = {molt_box_smallint(0)};
  CHECK(repr(molt_call(f, zero, 1)) == "ERR RecursionError: maximum recursion depth exceeded");
  CHECK(molt_enter_call() == 0); // depth restored after unwinding
  molt_leave_call();
}

TEST_CASE("uncaught exception report and exit status") {
  std::string out = capture_stderr([] {
    molt_int_from_str(Val(S("x")), 10);
    CHECK(molt_runtime_finish() == 1);
  });
  CHECK(out == "Traceback (most recent call last):\nValueError: invalid literal for int() with base 10: 'x'\n");
  out = capture_stderr([] {
    molt_raise(Val(molt_type_object(MOLT_EXC_STOP_ITERATION)));
    CHECK(molt_runtime_finish() == 1);
  });
  CHECK(out == "Traceback (most recent call last):\nStopIteration\n");
  out = capture_stderr([] {
    molt_raise(Val(molt_exc_new(MOLT_EXC_SYSTEM_EXIT, Val(T({I(3)})))));
    CHECK(molt_runtime_finish() == 3);
  });
  CHECK(out == "");
  CHECK(molt_runtime_finish() == 0);
}

TEST_CASE("exception chaining: context and cause in the report") {
  // try: 1/0
  // except ZeroDivisionError: int("x")
  std::string out = capture_stderr([] {
    molt_truediv(Val(I(1)), Val(I(0)));
    MoltValue e = molt_err_fetch();
    molt_exc_handler_enter(e);
    molt_int_from_str(Val(S("x")), 10);
    molt_exc_handler_leave();
    molt_decref(e);
    CHECK(molt_runtime_finish() == 1);
  });
  CHECK(out ==
        "Traceback (most recent call last):\nZeroDivisionError: division by zero\n\n"
        "During handling of the above exception, another exception occurred:\n\n"
        "Traceback (most recent call last):\nValueError: invalid literal for int() with base 10: 'x'\n");
  // raise RuntimeError("wrap") from KeyError("k")
  out = capture_stderr([] {
    Val cause = molt_exc_new(MOLT_EXC_KEY_ERROR, Val(T({S("k")})));
    Val exc = molt_exc_new(MOLT_EXC_RUNTIME_ERROR, Val(T({S("wrap")})));
    molt_raise_from(exc, cause);
    CHECK(molt_runtime_finish() == 1);
  });
  CHECK(out ==
        "Traceback (most recent call last):\nKeyError: 'k'\n\n"
        "The above exception was the direct cause of the following exception:\n\n"
        "Traceback (most recent call last):\nRuntimeError: wrap\n");
  // raise ... from None inside a handler suppresses the context
  out = capture_stderr([] {
    molt_getitem(Val(L({})), I(0));
    MoltValue e = molt_err_fetch();
    molt_exc_handler_enter(e);
    molt_raise_from(Val(molt_exc_new(MOLT_EXC_VALUE_ERROR, Val(T({S("clean")})))), N());
    molt_exc_handler_leave();
    molt_decref(e);
    CHECK(molt_runtime_finish() == 1);
  });
  CHECK(out == "Traceback (most recent call last):\nValueError: clean\n");
  // bare `raise` of the handled exception: no self-context
  out = capture_stderr([] {
    molt_getitem(Val(L({})), I(0));
    MoltValue e = molt_err_fetch();
    molt_exc_handler_enter(e);
    molt_raise(e);
    molt_exc_handler_leave();
    molt_decref(e);
    CHECK(molt_runtime_finish() == 1);
  });
  CHECK(out == "Traceback (most recent call last):\nIndexError: list index out of range\n");
}

static MoltValue g_global_a = MOLT_NONE, g_global_b = MOLT_NONE;

TEST_CASE("module globals are released by molt_runtime_finish") {
  molt_global_register(&g_global_a);
  molt_global_register(&g_global_b);
  g_global_a = molt_list_new(0);
  molt_list_append(g_global_a, Val(S("kept until exit")));
  g_global_b = molt_dict_new();
  molt_dict_set(g_global_b, Val(S("a")), g_global_a);
  CHECK(molt_runtime_finish() == 0);
  CHECK(g_global_a == MOLT_NONE);
  CHECK(g_global_b == MOLT_NONE);
}

TEST_CASE("sys.argv and sys.exit") {
  char a0[] = "prog", a1[] = "x y";
  char *argv[] = {a0, a1, nullptr};
  molt_runtime_init(2, argv);
  CHECK(repr(molt_sys_argv()) == "['prog', 'x y']");
  CHECK(molt_sys_exit(I(4)) == MOLT_NULL);
  CHECK(molt_runtime_finish() == 4);
  molt_sys_exit(N());
  CHECK(molt_runtime_finish() == 0);
  std::string out = capture_stderr([] {
    molt_sys_exit(Val(S("fatal: bad input")));
    CHECK(molt_runtime_finish() == 1);
  });
  CHECK(out == "fatal: bad input\n");
}
