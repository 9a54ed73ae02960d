// test_list_tuple.cpp - list and tuple methods, slicing with steps,
// bounds checks and sorting.
#include "helpers.h"

static Val range_list(int n) {
  Val l = molt_list_new(0);
  for (int i = 0; i < n; i++) molt_list_append(l, I(i));
  return l;
}

TEST_CASE("list basics and errors") {
  Val l = L({I(1), S("a"), F(2.5), N(), B(true)});
  CHECK(repr(l) == "[1, 'a', 2.5, None, True]");
  CHECK(molt_len(l) == 5);
  CHECK(repr(molt_getitem(l, I(-1))) == "True");
  CHECK(repr(molt_getitem(l, I(5))) == "ERR IndexError: list index out of range");
  CHECK(repr(molt_getitem(l, I(-6))) == "ERR IndexError: list index out of range");
  CHECK(repr(molt_getitem(l, F(0.0))) == "ERR TypeError: list indices must be integers or slices, not float");
  CHECK(rc(molt_setitem(l, I(9), I(0))) == "ERR IndexError: list assignment index out of range");
  CHECK(rc(molt_setitem(l, I(0), S("z"))) == "0");
  CHECK(repr(molt_getitem(l, I(0))) == "'z'");
  Val empty = molt_list_new(0);
  CHECK(repr(molt_list_pop(empty, -1)) == "ERR IndexError: pop from empty list");
  CHECK(repr(molt_list_pop(l, 10)) == "ERR IndexError: pop index out of range");
  CHECK(repr(molt_getitem(T({}), I(0))) == "ERR IndexError: tuple index out of range");
  CHECK(rc(molt_setitem(T({I(1)}), I(0), I(2))) == "ERR TypeError: 'tuple' object does not support item assignment");
  CHECK(repr(molt_getitem(I(5), I(0))) == "ERR TypeError: 'int' object is not subscriptable");
  CHECK(rc(molt_len(I(5))) == "ERR TypeError: object of type 'int' has no len()");
}

TEST_CASE("list methods") {
  Val l = range_list(5);
  CHECK(molt_list_append(l, I(5)) == 0);
  CHECK(molt_list_extend(l, T({I(6), I(7)})) == 0);
  CHECK(molt_list_insert(l, 0, I(-1)) == 0);
  CHECK(molt_list_insert(l, 100, I(99)) == 0);
  CHECK(molt_list_insert(l, -1, I(98)) == 0);
  CHECK(repr(l) == "[-1, 0, 1, 2, 3, 4, 5, 6, 7, 98, 99]");
  CHECK(repr(molt_list_pop(l, -1)) == "99");
  CHECK(repr(molt_list_pop(l, 0)) == "-1");
  CHECK(molt_list_remove(l, I(98)) == 0);
  CHECK(rc(molt_list_remove(l, I(42))) == "ERR ValueError: list.remove(x): x not in list");
  CHECK(repr(molt_list_index(l, I(3))) == "3");
  CHECK(repr(molt_list_index(l, S("q"))) == "ERR ValueError: 'q' is not in list");
  CHECK(repr(molt_list_count(L({I(1), F(1.0), B(true), I(2)}), I(1))) == "3");
  CHECK(molt_list_reverse(l) == 0);
  CHECK(repr(l) == "[7, 6, 5, 4, 3, 2, 1, 0]");
  Val c = molt_list_copy(l);
  CHECK(molt_list_clear(l) == 0);
  CHECK(repr(l) == "[]");
  CHECK(repr(c) == "[7, 6, 5, 4, 3, 2, 1, 0]");
  CHECK(repr(molt_add(L({I(1)}), L({I(2)}))) == "[1, 2]");
  CHECK(repr(molt_add(L({I(1)}), T({I(2)}))) == "ERR TypeError: can only concatenate list (not \"tuple\") to list");
  CHECK(repr(molt_mul(L({I(0), I(1)}), I(3))) == "[0, 1, 0, 1, 0, 1]");
  Val same = molt_iadd(c, L({I(9)}));
  CHECK(same.v == c.v);
  CHECK(molt_len(c) == 9);
}

TEST_CASE("slicing with steps everywhere") {
  Val l = range_list(10);
  CHECK(repr(molt_getslice(l, I(2), I(8), I(2))) == "[2, 4, 6]");
  CHECK(repr(molt_getslice(l, N(), N(), I(-3))) == "[9, 6, 3, 0]");
  CHECK(repr(molt_getslice(l, I(-3), N(), N())) == "[7, 8, 9]");
  CHECK(repr(molt_getslice(l, I(100), N(), N())) == "[]");
  CHECK(repr(molt_getslice(l, I(8), I(2), I(-2))) == "[8, 6, 4]");
  CHECK(repr(molt_getslice(T({I(1), I(2), I(3)}), N(), N(), I(-1))) == "(3, 2, 1)");
  CHECK(repr(molt_getslice(Val(molt_range_new(I(0), I(20), I(3))), I(1), N(), I(2))) == "range(3, 21, 6)");
  CHECK(molt_setslice(l, I(0), I(3), N(), L({S("a")})) == 0);
  CHECK(repr(l) == "['a', 3, 4, 5, 6, 7, 8, 9]");
  CHECK(molt_setslice(l, N(), N(), I(2), L({I(0), I(0), I(0), I(0)})) == 0);
  CHECK(repr(l) == "[0, 3, 0, 5, 0, 7, 0, 9]");
  CHECK(rc(molt_setslice(l, N(), N(), I(2), L({I(1)}))) ==
        "ERR ValueError: attempt to assign sequence of size 1 to extended slice of size 4");
  CHECK(molt_delslice(l, N(), N(), I(2)) == 0);
  CHECK(repr(l) == "[3, 5, 7, 9]");
  CHECK(molt_delitem(l, I(-1)) == 0);
  CHECK(repr(l) == "[3, 5, 7]");
}

TEST_CASE("sort: stable, key, reverse, errors") {
  Val l = L({I(3), I(1), I(2), F(1.5), B(false)});
  CHECK(molt_list_sort(l, N(), 0) == 0);
  CHECK(repr(l) == "[False, 1, 1.5, 2, 3]");
  Val words = L({S("bb"), S("a"), S("ccc"), S("dd"), S("e")});
  Val lenf = molt_type_object(MOLT_TYPE_STR); // str() as key keeps order: use len via tuple below
  Val sorted = molt_sorted(words, N(), 1);
  CHECK(repr(sorted) == "['e', 'dd', 'ccc', 'bb', 'a']");
  Val pairs = L({T({I(1), S("b")}), T({I(0), S("z")}), T({I(1), S("a")})});
  CHECK(repr(Val(molt_sorted(pairs, N(), 0))) == "[(0, 'z'), (1, 'a'), (1, 'b')]");
  Val mixed = L({I(1), S("a")});
  CHECK(rc(molt_list_sort(mixed, N(), 0)) == "ERR TypeError: '<' not supported between instances of 'str' and 'int'");
  CHECK(repr(mixed) == "[1, 'a']");
  Val big = molt_list_new(0);
  for (int i = 0; i < 1000; i++) molt_list_append(big, I((i * 7919) % 1000));
  CHECK(molt_list_sort(big, N(), 0) == 0);
  bool ordered = true;
  for (int i = 0; i < 1000; i++) ordered = ordered && molt_unbox_smallint(molt_list_get_borrowed(big, i)) == i;
  CHECK(ordered);
}

TEST_CASE("tuple") {
  CHECK(repr(T({})) == "()");
  CHECK(repr(T({I(1)})) == "(1,)");
  CHECK(repr(T({I(1), T({S("x"), L({})})})) == "(1, ('x', []))");
  CHECK(repr(molt_tuple_index(T({I(1), I(2)}), I(2))) == "1");
  CHECK(repr(molt_tuple_index(T({I(1), I(2)}), I(5))) == "ERR ValueError: tuple.index(x): x not in tuple");
  CHECK(repr(molt_tuple_count(T({I(1), I(1)}), I(1))) == "2");
  CHECK(repr(molt_add(T({I(1)}), T({I(2)}))) == "(1, 2)");
  CHECK(molt_lt(T({I(1), I(2)}), T({I(1), I(3)})) == MOLT_TRUE);
  CHECK(molt_eq(T({I(1), S("a")}), T({I(1), S("a")})) == MOLT_TRUE);
  CHECK(molt_hash(T({I(1), I(2)})) == -3550055125485641917LL);
  CHECK(molt_hash(L({})) == -1);
  CHECK(err() == "TypeError: unhashable type: 'list'");
}

TEST_CASE("self-referential list repr") {
  Val l = L({I(1)});
  molt_list_append(l, l);
  CHECK(repr(l) == "[1, [...]]");
  molt_list_clear(l); // break the cycle (cycles are not collected)
}

// A dying list skips runs of 16 items holding no object after one test
// (object.cpp): an object at any position around those runs, in lists of
// any length, is still released exactly once.
TEST_CASE("a dying list releases objects at every position around its 16-item runs") {
  auto rc = [](MoltValue v) { return *(const uint32_t *)molt_unbox_ptr(v); };
  for (int64_t len : {1, 15, 16, 17, 31, 32, 33, 48, 50}) {
    for (int64_t at : {0, 1, 14, 15, 16, 17, 31, 32, 33, 47, 49}) {
      if (at >= len) continue;
      Val held = S("held by the list");
      uint32_t before = rc(held);
      {
        Val l = molt_list_new(0);
        for (int64_t i = 0; i < len; i++) CHECK(molt_list_append(l, i == at ? held.v : I(i).v) == 0);
        CHECK(rc(held) == before + 1);
      }
      CHECK(rc(held) == before);
    }
  }
  // [False] * n and its death: the fill and the skip.
  Val flags = molt_mul(L({B(false)}), I(1000));
  CHECK(molt_len(flags) == 1000);
  CHECK(repr(molt_getitem(flags, I(999))) == "False");
}

// Lists of every small capacity, grown past it, copied and dropped. This
// suite runs under the sanitizers, which have no free lists
// (MOLT_NO_FREE_LISTS): it pins the sizes asked of list_new and growth by
// realloc; tests/diff/list_array_reuse.py runs the same shapes in a
// compiled program, where dying lists' arrays are recycled.
TEST_CASE("short lists: every capacity, growth past it, copies") {
  for (int round = 0; round < 3; round++) {
    for (int64_t cap = 0; cap <= 20; cap++) {
      for (int64_t len : {cap, cap + 1, 2 * cap + 3}) {
        Val l = molt_list_new(cap);
        for (int64_t i = 0; i < len; i++) CHECK(molt_list_append(l, I(i * 7 + round)) == 0);
        CHECK(molt_len(l) == len);
        for (int64_t i = 0; i < len; i++) CHECK(repr(molt_getitem(l, I(i))) == std::to_string(i * 7 + round));
        Val c = molt_list_copy(l);
        CHECK(repr(c) == repr(l));
      }
    }
  }
}
