// test_objects.cpp - functions/closures, bound methods, struct (fixed
// layout) and boxed instances, files.
#include <stdio.h>
#include <unistd.h>

#include <string>

#include "helpers.h"

static MoltValue adder(MoltValue self, const MoltValue *args, int64_t) {
  // closure: returns args[0] + capture 0
  return molt_add(args[0], molt_func_capture(self, 0));
}
static MoltValue method_get_x(MoltValue, const MoltValue *args, int64_t) { return molt_struct_get(args[0], 0); }

TEST_CASE("closures and bound methods") {
  Val f = molt_func_new(adder, "adder", 1, 1);
  CHECK(molt_func_set_capture(f, 0, Val(S("!"))) == 0);
  MoltValue a[] = {molt_str_from_cstr("hi")};
  CHECK(repr(molt_call(f, a, 1)) == "'hi!'");
  CHECK(repr(molt_call(f, a, 0)) == "ERR TypeError: adder() takes 1 positional argument but 0 were given");
  molt_decref(a[0]);
  CHECK(rc(molt_func_set_capture(f, 5, N())) == "ERR IndexError: closure capture index out of range");
  CHECK(repr(molt_call(I(1), nullptr, 0)) == "ERR TypeError: 'int' object is not callable");
  CHECK(repr(molt_call(Val(molt_type_object(MOLT_TYPE_INT)), a, 0)) == "0");
}

TEST_CASE("struct instances: fixed layout, value fields refcounted") {
  static const uint8_t kinds[] = {MOLT_FIELD_VALUE, MOLT_FIELD_RAW, MOLT_FIELD_VALUE};
  static const char *const names[] = {"x", "count", "label"};
  static const MoltClassDesc desc = {"Point", "__main__", MOLT_TYPE_OBJECT, 3, kinds, names, 0};
  uint32_t tid = molt_class_register(&desc);
  Val p = molt_struct_new(tid);
  CHECK(molt_type_id(p) == tid);
  CHECK(repr(molt_struct_get(p, 0)) == "None");
  CHECK(molt_struct_set(p, 0, Val(L({I(1)}))) == 0);
  CHECK(molt_struct_set(p, 2, Val(S("lbl"))) == 0);
  int64_t *raw = (int64_t *)molt_struct_field_ptr(p, 1);
  *raw = 42; // raw field at a fixed offset
  CHECK(*(int64_t *)((char *)molt_unbox_ptr(p) + MOLT_STRUCT_FIELD_OFFSET(1)) == 42);
  CHECK(repr(molt_struct_get(p, 0)) == "[1]");
  CHECK(repr(molt_getattr(p, Val(S("label")))) == "'lbl'");
  CHECK(repr(molt_getattr(p, Val(S("nope")))) == "ERR AttributeError: 'Point' object has no attribute 'nope'");
  CHECK(repr(molt_struct_get(p, 7)) == "ERR IndexError: struct field index out of range");
  CHECK(molt_isinstance(p, tid) == 1);
  CHECK(str(Val(molt_type_of(p))) == "<class '__main__.Point'>");
  Val getx = molt_func_new(method_get_x, "get_x", 1, 0);
  Val bm = molt_bound_method_new(getx, p);
  CHECK(repr(molt_call(bm, nullptr, 0)) == "[1]");
}

TEST_CASE("boxed instances: attribute dict") {
  static const MoltClassDesc desc = {"Bag", "__main__", MOLT_TYPE_OBJECT, 0, nullptr, nullptr, 1};
  uint32_t tid = molt_class_register(&desc);
  Val b = molt_boxed_new(tid);
  CHECK(molt_setattr(b, Val(S("a")), Val(I(5))) == 0);
  CHECK(repr(molt_getattr(b, Val(S("a")))) == "5");
  CHECK(repr(molt_getattr(b, Val(S("b")))) == "ERR AttributeError: 'Bag' object has no attribute 'b'");
  CHECK(rc(molt_setattr(I(1), Val(S("a")), N())) == "ERR AttributeError: 'int' object has no attribute 'a'");
}

TEST_CASE("files: write, read, readline, iterate, errors") {
  char path[] = "/tmp/molt_rt_file_XXXXXX";
  close(mkstemp(path));
  Val p = S(path);
  {
    Val f = molt_open(p, Val(S("w")));
    CHECK(repr(molt_file_write(f, Val(S("line 1\nl\xc3\xa9ne 2\n")))) == "14");
    CHECK(repr(molt_file_read(f, -1)) == "ERR OSError: not readable");
    CHECK(repr(molt_file_close(f)) == "None");
    CHECK(repr(molt_file_write(f, Val(S("x")))) == "ERR ValueError: I/O operation on closed file.");
  }
  {
    Val f = molt_open(p, N());
    CHECK(repr(molt_file_readline(f)) == "'line 1\\n'");
    CHECK(repr(molt_file_read(f, 2)) == "'l\xc3\xa9'");
    CHECK(repr(molt_file_read(f, -1)) == "'ne 2\\n'");
    CHECK(repr(molt_file_readline(f)) == "''");
  }
  {
    Val f = molt_open(p, Val(S("r")));
    CHECK(repr(molt_list(f)) == "['line 1\\n', 'l\xc3\xa9ne 2\\n']");
  }
  {
    Val f = molt_open(p, Val(S("a")));
    molt_file_write(f, Val(S("3")));
  }
  {
    Val f = molt_open(p, N());
    CHECK(repr(molt_file_readlines(f)) == "['line 1\\n', 'l\xc3\xa9ne 2\\n', '3']");
  }
  unlink(path);
  CHECK(repr(molt_open(Val(S("/nonexistent/x")), N())) ==
        "ERR FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/x'");
}

TEST_CASE("builtin function objects, unpacking, immortal constants") {
  Val len = molt_builtin_function("len");
  MoltValue src[] = {molt_list_from_array(nullptr, 0)};
  molt_list_append(src[0], Val(S("bb")));
  molt_list_append(src[0], Val(S("a")));
  CHECK(repr(molt_list(Val(molt_map(len, src, 1)))) == "[2, 1]");
  CHECK(repr(molt_sorted(src[0], len, 0)) == "['a', 'bb']");
  Val strt = molt_builtin_function("str");
  MoltValue nums[] = {molt_list_from_array(nullptr, 0)};
  molt_list_append(nums[0], molt_box_smallint(7));
  CHECK(repr(molt_list(Val(molt_map(strt, nums, 1)))) == "['7']");
  CHECK(repr(molt_builtin_function("nope")) == "ERR NameError: name 'nope' is not defined");
  MoltValue out[3];
  CHECK(molt_unpack(src[0], 2, out) == 0);
  CHECK(repr(out[0]) == "'bb'");
  CHECK(repr(out[1]) == "'a'");
  CHECK(rc(molt_unpack(src[0], 3, out)) == "ERR ValueError: not enough values to unpack (expected 3, got 2)");
  CHECK(rc(molt_unpack(src[0], 1, out)) == "ERR ValueError: too many values to unpack (expected 1)");
  CHECK(rc(molt_unpack(I(5), 2, out)) == "ERR TypeError: cannot unpack non-iterable int object");
  CHECK(molt_unpack(Val(S("xy")), 2, out) == 0);
  CHECK(str(out[0]) + str(out[1]) == "xy");
  molt_decref(src[0]);
  molt_decref(nums[0]);
  MoltValue k = molt_str_from_cstr("constant string");
  molt_immortalize(k);
  molt_decref(k);
  molt_decref(k);
  CHECK(repr(Val(molt_str(k))) == "'constant string'");
}

TEST_CASE("cycle collector frees unreachable cycles, keeps reachable ones") {
  molt_gc_collect();
  int64_t base = molt_gc_tracked();
  {
    Val a = L({I(1)});
    Val b = D({{S("a"), a}});
    molt_list_append(a, b); // a -> b -> a
    molt_list_append(a, a); // a -> a
    CHECK(molt_gc_tracked() == base + 2);
    CHECK(molt_gc_collect() == 0); // still referenced from here
  }
  CHECK(molt_gc_tracked() == base + 2); // cycle survives refcounting
  CHECK(molt_gc_collect() == 2);
  CHECK(molt_gc_tracked() == base);
  // a closure capturing itself, and a struct instance pointing to itself
  static const uint8_t kinds[] = {MOLT_FIELD_VALUE};
  static const char *const names[] = {"next"};
  static const MoltClassDesc desc = {"Node", "__main__", MOLT_TYPE_OBJECT, 1, kinds, names, 0};
  uint32_t node = molt_class_register(&desc);
  {
    Val f = molt_func_new(adder, "self_ref", 1, 1);
    molt_func_set_capture(f, 0, f);
    Val n1 = molt_struct_new(node), n2 = molt_struct_new(node);
    molt_struct_set(n1, 0, n2);
    molt_struct_set(n2, 0, n1);
    Val keep = molt_list_new(0); // acyclic: freed by refcounting alone
    molt_list_append(keep, n1);
  }
  CHECK(molt_gc_collect() == 3); // f, n1, n2
  CHECK(molt_gc_tracked() == base);
}

TEST_CASE("automatic collections keep live data and bound garbage") {
  molt_gc_collect();
  int64_t base = molt_gc_tracked();
  Val live = molt_list_new(0);
  for (int i = 0; i < 1000; i++) { // live cyclic structure
    Val node = L({I(i)});
    molt_list_append(node, live); // node -> live -> node
    molt_list_append(live, node);
  }
  for (int i = 0; i < 60000; i++) { // garbage cycles trigger collections
    Val a = L({I(i)});
    molt_list_append(a, a);
  }
  CHECK(molt_gc_tracked() < base + 1000 + 30000);
  CHECK(molt_len(live) == 1000);
  CHECK(repr(molt_getitem(Val(molt_getitem(live, I(999))), I(0))) == "999");
  CHECK(molt_gc_collect() < 20000); // the garbage made since the last automatic run
  CHECK(molt_len(live) == 1000);
  molt_list_clear(live); // break the live cycles: refcounting frees the nodes
  CHECK(molt_gc_collect() == 0);
  CHECK(molt_gc_tracked() == base + 1);
}

// class Money: amount (value field 0) with __repr__, __str__, __eq__,
// __hash__, __lt__ and __len__ hooks.
static MoltValue money_repr(MoltValue, const MoltValue *a, int64_t) {
  Val amt = molt_struct_get(a[0], 0);
  Val s = molt_repr(amt);
  Val pre = S("Money(");
  Val close = S(")");
  MoltValue parts[] = {pre, s, close};
  return molt_str_concat_n(parts, 3);
}
static MoltValue money_str(MoltValue, const MoltValue *a, int64_t) {
  Val amt = molt_struct_get(a[0], 0);
  Val s = molt_str(amt);
  Val pre = S("$");
  MoltValue parts[] = {pre, s};
  return molt_str_concat_n(parts, 2);
}
static MoltValue money_eq(MoltValue, const MoltValue *a, int64_t) {
  if (molt_type_id(a[1]) != molt_type_id(a[0])) return MOLT_FALSE;
  Val x = molt_struct_get(a[0], 0), y = molt_struct_get(a[1], 0);
  return molt_eq(x, y);
}
static MoltValue money_lt(MoltValue, const MoltValue *a, int64_t) {
  Val x = molt_struct_get(a[0], 0), y = molt_struct_get(a[1], 0);
  return molt_lt(x, y);
}
static MoltValue money_hash(MoltValue, const MoltValue *a, int64_t) {
  Val x = molt_struct_get(a[0], 0);
  return molt_hash_value(x);
}
static MoltValue money_len(MoltValue, const MoltValue *a, int64_t) { return molt_struct_get(a[0], 0); }

TEST_CASE("user class hooks: repr/str in containers, dict keys, sorting, len/bool") {
  static const uint8_t kinds[] = {MOLT_FIELD_VALUE};
  static const char *const names[] = {"amount"};
  static const MoltClassDesc desc = {"Money", "__main__", MOLT_TYPE_OBJECT, 1, kinds, names, 0,
                                     money_repr, money_str, money_eq, money_lt, money_hash, money_len, nullptr};
  uint32_t tid = molt_class_register(&desc);
  auto money = [&](int64_t v) {
    Val m = molt_struct_new(tid);
    molt_struct_set(m, 0, Val(I(v)));
    return m;
  };
  Val a = money(5), b = money(2), c = money(5), z = money(0);
  CHECK(repr(L({a, b})) == "[Money(5), Money(2)]");
  CHECK(str(a) == "$5");
  CHECK(str(L({a})) == "[Money(5)]");
  CHECK(molt_eq(a, c) == MOLT_TRUE);
  CHECK(molt_eq(a, b) == MOLT_FALSE);
  CHECK(molt_eq(a, I(5)) == MOLT_FALSE);
  Val d = molt_dict_new();
  molt_dict_set(d, a, Val(S("five")));
  CHECK(repr(molt_dict_getitem(d, c)) == "'five'");
  CHECK(repr(molt_sorted(L({a, b, z}), N(), 0)) == "[Money(0), Money(2), Money(5)]");
  MoltValue args[] = {a.v, b.v, z.v};
  CHECK(repr(molt_max(args, 3, MOLT_NONE, MOLT_NULL)) == "Money(5)");
  CHECK(molt_len(a) == 5);
  CHECK(molt_truthy(z) == 0);
  CHECK(molt_truthy(b) == 1);
  CHECK(repr(molt_le(a, b)) == "ERR TypeError: '<=' not supported between instances of 'Money' and 'Money'");
}

TEST_CASE("files read with universal newlines") {
  char path[] = "/tmp/molt_rt_nl_XXXXXX";
  int fd = mkstemp(path);
  CHECK(write(fd, "a\r\nb\rc\n\r\nd", 10) == 10);
  close(fd);
  Val p = S(path);
  {
    Val f = molt_open(p, N());
    CHECK(repr(molt_file_readlines(f)) == "['a\\n', 'b\\n', 'c\\n', '\\n', 'd']");
  }
  {
    Val f = molt_open(p, N());
    CHECK(repr(molt_file_read(f, -1)) == "'a\\nb\\nc\\n\\nd'");
  }
  unlink(path);
}
