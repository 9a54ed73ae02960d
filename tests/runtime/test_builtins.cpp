// test_builtins.cpp - builtins: len range enumerate zip reversed sorted min
// max sum abs round divmod pow int float str bool ord chr isinstance hash
// list dict set tuple iter next any all map filter print input.
#include <stdio.h>
#include <unistd.h>

#include <string>

#include "helpers.h"

// Runs fn with stdout (or stderr) redirected to a temp file; returns output.
template <class Fn> static std::string capture(int fd, Fn fn) {
  fflush(stdout);
  fflush(stderr);
  char path[] = "/tmp/molt_rt_capture_XXXXXX";
  int tmp = mkstemp(path);
  int saved = dup(fd);
  dup2(tmp, fd);
  fn();
  fflush(stdout);
  fflush(stderr);
  dup2(saved, fd);
  close(saved);
  std::string out;
  lseek(tmp, 0, SEEK_SET);
  char buf[4096];
  ssize_t k;
  while ((k = read(tmp, buf, sizeof buf)) > 0) out.append(buf, (size_t)k);
  close(tmp);
  unlink(path);
  return out;
}

static MoltValue fn_double(MoltValue, const MoltValue *args, int64_t) { return molt_mul(args[0], molt_box_smallint(2)); }
static MoltValue fn_is_odd(MoltValue, const MoltValue *args, int64_t) { return molt_mod(args[0], molt_box_smallint(2)); }
static MoltValue fn_neg(MoltValue, const MoltValue *args, int64_t) { return molt_neg(args[0]); }
static MoltValue fn_len(MoltValue, const MoltValue *args, int64_t) { return molt_len_value(args[0]); }
static MoltValue fn_add(MoltValue, const MoltValue *args, int64_t) { return molt_add(args[0], args[1]); }

static Val list_of(Val it) { return molt_list(it); }

TEST_CASE("print with sep and end") {
  std::string out = capture(1, [] {
    MoltValue args[] = {molt_int_from_i64(1), molt_str_from_cstr("a"), molt_box_double(0.5), MOLT_NONE, MOLT_TRUE};
    molt_print(args, 5, MOLT_NONE, MOLT_NONE, 0);
    Val sep = S("-"), end = S("!\n");
    molt_print(args, 3, sep, end, 0);
    molt_print(args, 0, MOLT_NONE, MOLT_NONE, 0);
    Val l = L({S("x"), F(1e16), T({I(1)})});
    MoltValue one[] = {l.v};
    molt_print(one, 1, MOLT_NONE, MOLT_NONE, 0);
    molt_decref(args[1]);
  });
  CHECK(out == "1 a 0.5 None True\n1-a-0.5!\n\n['x', 1e+16, (1,)]\n");
}

TEST_CASE("range / enumerate / zip / reversed / map / filter") {
  CHECK(repr(molt_range_new(I(5), N(), N())) == "range(0, 5)");
  CHECK(repr(list_of(molt_range_new(I(10), I(0), I(-3)))) == "[10, 7, 4, 1]");
  CHECK(molt_len(Val(molt_range_new(I(0), I(10), I(3)))) == 4);
  CHECK(repr(molt_getitem(Val(molt_range_new(I(0), I(10), I(3))), I(-1))) == "9");
  CHECK(molt_contains(Val(molt_range_new(I(0), I(10), I(3))), I(6)) == 1);
  CHECK(molt_contains(Val(molt_range_new(I(0), I(10), I(3))), I(7)) == 0);
  CHECK(repr(molt_range_new(I(0), I(1), I(0))) == "ERR ValueError: range() arg 3 must not be zero");
  CHECK(repr(list_of(molt_enumerate(L({S("a"), S("b")}), I(1)))) == "[(1, 'a'), (2, 'b')]");
  MoltValue zs[] = {molt_list_from_array(nullptr, 0), molt_str_from_cstr("xyz")};
  molt_list_append(zs[0], molt_box_smallint(1));
  molt_list_append(zs[0], molt_box_smallint(2));
  CHECK(repr(list_of(molt_zip(zs, 2))) == "[(1, 'x'), (2, 'y')]");
  molt_decref(zs[0]);
  molt_decref(zs[1]);
  CHECK(repr(list_of(molt_reversed(L({I(1), I(2), I(3)})))) == "[3, 2, 1]");
  CHECK(repr(list_of(molt_reversed(S("abc")))) == "['c', 'b', 'a']");
  CHECK(repr(list_of(molt_reversed(D({{I(1), I(2)}, {I(3), I(4)}})))) == "[3, 1]");
  CHECK(repr(molt_reversed(SET({I(1)}))) == "ERR TypeError: 'set' object is not reversible");
  Val dbl = molt_func_new(fn_double, "double", 1, 0);
  Val odd = molt_func_new(fn_is_odd, "is_odd", 1, 0);
  Val add = molt_func_new(fn_add, "add", 2, 0);
  MoltValue src[] = {molt_range_new(molt_box_smallint(4), MOLT_NONE, MOLT_NONE)};
  CHECK(repr(list_of(molt_map(dbl, src, 1))) == "[0, 2, 4, 6]");
  MoltValue two[] = {src[0], src[0]};
  CHECK(repr(list_of(molt_map(add, two, 2))) == "[0, 2, 4, 6]");
  CHECK(repr(list_of(molt_filter(odd, src[0]))) == "[1, 3]");
  CHECK(repr(list_of(molt_filter(N(), L({I(0), I(1), S(""), S("a")})))) == "[1, 'a']");
  molt_decref(src[0]);
  Val it = molt_iter(L({I(1)}));
  CHECK(repr(molt_next(it, MOLT_NULL)) == "1");
  CHECK(repr(molt_next(it, MOLT_NULL)) == "ERR StopIteration");
  CHECK(repr(molt_next(it, S("done"))) == "'done'");
  CHECK(repr(molt_iter(I(3))) == "ERR TypeError: 'int' object is not iterable");
  CHECK(repr(list_of(molt_iter(S("h\xc3\xa9")))) == "['h', '\xc3\xa9']");
}

TEST_CASE("sorted / min / max / sum / any / all") {
  Val neg = molt_func_new(fn_neg, "neg", 1, 0);
  Val len = molt_func_new(fn_len, "len", 1, 0);
  CHECK(repr(molt_sorted(L({I(3), I(1), I(2)}), N(), 0)) == "[1, 2, 3]");
  CHECK(repr(molt_sorted(L({I(3), I(1), I(2)}), neg, 0)) == "[3, 2, 1]");
  CHECK(repr(molt_sorted(L({S("bb"), S("a"), S("cc"), S("d")}), len, 1)) == "['bb', 'cc', 'a', 'd']");
  CHECK(repr(molt_sorted(S("bca"), N(), 0)) == "['a', 'b', 'c']");
  MoltValue one[] = {molt_list_from_array(nullptr, 0)};
  CHECK(repr(molt_max(one, 1, MOLT_NONE, MOLT_NULL)) == "ERR ValueError: max() arg is an empty sequence");
  CHECK(repr(molt_min(one, 1, MOLT_NONE, molt_box_smallint(7))) == "7");
  molt_list_append(one[0], molt_box_smallint(4));
  molt_list_append(one[0], molt_box_smallint(-9));
  molt_list_append(one[0], molt_box_smallint(4));
  CHECK(repr(molt_max(one, 1, MOLT_NONE, MOLT_NULL)) == "4");
  CHECK(repr(molt_min(one, 1, MOLT_NONE, MOLT_NULL)) == "-9");
  CHECK(repr(molt_max(one, 1, neg, MOLT_NULL)) == "-9");
  molt_decref(one[0]);
  MoltValue args[] = {molt_box_smallint(3), molt_box_double(3.5), molt_box_smallint(-1)};
  CHECK(repr(molt_max(args, 3, MOLT_NONE, MOLT_NULL)) == "3.5");
  CHECK(repr(molt_min(args, 3, MOLT_NONE, MOLT_NULL)) == "-1");
  MoltValue bad[] = {molt_box_smallint(1)};
  CHECK(repr(molt_min(bad, 1, MOLT_NONE, MOLT_NULL)) == "ERR TypeError: 'int' object is not iterable");
  CHECK(repr(molt_sum(L({I(1), I(2), F(0.5)}), N())) == "3.5");
  CHECK(repr(molt_sum(L({L({I(1)}), L({I(2)})}), Val(L({})))) == "[1, 2]");
  CHECK(repr(molt_sum(L({S("a")}), N())) == "ERR TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  CHECK(repr(molt_any(L({I(0), S(""), I(3)}))) == "True");
  CHECK(repr(molt_all(L({I(1), L({})}))) == "False");
  CHECK(repr(molt_all(L({}))) == "True");
}

TEST_CASE("conversions and misc builtins") {
  CHECK(repr(molt_int(S(" 42 "))) == "42");
  CHECK(repr(molt_int(B(true))) == "1");
  CHECK(repr(molt_int(L({}))) ==
        "ERR TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'");
  CHECK(repr(molt_bool(L({}))) == "False");
  CHECK(repr(molt_bool(S("x"))) == "True");
  CHECK(repr(molt_str(F(2.0))) == "'2.0'");
  CHECK(repr(molt_list(S("ab"))) == "['a', 'b']");
  CHECK(repr(molt_tuple(L({I(1), I(2)}))) == "(1, 2)");
  CHECK(repr(molt_set(L({I(3), I(3), I(1)}))) == "{1, 3}");
  CHECK(repr(molt_dict(L({T({S("a"), I(1)})}))) == "{'a': 1}");
  CHECK(repr(molt_abs(F(-2.5))) == "2.5");
  CHECK(repr(molt_abs(S("a"))) == "ERR TypeError: bad operand type for abs(): 'str'");
  CHECK(repr(molt_divmod(I(7), I(-2))) == "(-4, -1)");
  CHECK(repr(molt_divmod(I(1), I(0))) == "ERR ZeroDivisionError: integer division or modulo by zero");
  CHECK(repr(molt_pow3(I(3), I(200), I(1000007))) == "959082");
  CHECK(repr(molt_pow3(I(2), I(-1), I(0))) == "ERR ValueError: pow() 3rd argument cannot be 0");
  CHECK(repr(molt_bin(I(-5))) == "'-0b101'");
  CHECK(repr(molt_hex(I(255))) == "'0xff'");
  CHECK(repr(molt_oct(I(8))) == "'0o10'");
  CHECK(repr(molt_hash_value(S("a"))) == repr(molt_hash_value(S("a"))));
  CHECK(repr(molt_hash_value(I(-1))) == "-2");
  CHECK(molt_isinstance(B(true), MOLT_TYPE_INT) == 1);
  CHECK(molt_isinstance(I(1), MOLT_TYPE_BOOL) == 0);
  CHECK(molt_isinstance(F(1.0), MOLT_TYPE_FLOAT) == 1);
  CHECK(molt_isinstance(S("x"), MOLT_TYPE_OBJECT) == 1);
  CHECK(repr(molt_type_of(S("x"))) == "<class 'str'>");
  CHECK(repr(molt_type_of(N())) == "<class 'NoneType'>");
  CHECK(repr(molt_len_value(D({{I(1), I(2)}}))) == "1");
}

TEST_CASE("input") {
  char path[] = "/tmp/molt_rt_input_XXXXXX";
  int fd = mkstemp(path);
  CHECK(write(fd, "first line\nsecond", 17) == 17);
  close(fd);
  FILE *saved = stdin;
  stdin = fopen(path, "r");
  std::string out = capture(1, [] {
    CHECK(str(molt_input(S("> "))) == "first line");
    CHECK(str(molt_input(N())) == "second");
    CHECK(str(molt_input(N())) == "ERR EOFError: EOF when reading a line");
  });
  fclose(stdin);
  stdin = saved;
  unlink(path);
  CHECK(out == "> ");
}
