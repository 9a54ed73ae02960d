// test_dict_set.cpp - insertion-ordered dicts, views, and sets whose
// iteration order matches CPython for int elements.
#include "helpers.h"

TEST_CASE("dict insertion order, deletion, update") {
  Val d = D({{S("b"), I(1)}, {S("a"), I(2)}});
  molt_dict_set(d, S("c"), I(3));
  CHECK(molt_dict_del(d, S("b")) == 0);
  molt_dict_set(d, S("b"), I(4));
  CHECK(repr(d) == "{'a': 2, 'c': 3, 'b': 4}");
  CHECK(repr(molt_dict_keys(d)) == "dict_keys(['a', 'c', 'b'])");
  CHECK(repr(molt_dict_values(d)) == "dict_values([2, 3, 4])");
  CHECK(repr(molt_dict_items(d)) == "dict_items([('a', 2), ('c', 3), ('b', 4)])");
  CHECK(repr(molt_dict_getitem(d, S("zz"))) == "ERR KeyError: 'zz'");
  CHECK(repr(molt_dict_getitem(d, I(3))) == "ERR KeyError: 3");
  CHECK(repr(molt_dict_get(d, S("zz"), I(0))) == "0");
  CHECK(repr(molt_dict_get(d, S("a"), N())) == "2");
  CHECK(repr(molt_dict_setdefault(d, S("n"), L({}))) == "[]");
  CHECK(repr(molt_dict_pop(d, S("n"), MOLT_NULL)) == "[]");
  CHECK(repr(molt_dict_pop(d, S("n"), MOLT_NULL)) == "ERR KeyError: 'n'");
  CHECK(repr(molt_dict_pop(d, S("n"), I(7))) == "7");
  CHECK(repr(molt_dict_popitem(d)) == "('b', 4)");
  CHECK(molt_dict_update(d, L({T({S("x"), I(9)})})) == 0);
  CHECK(repr(d) == "{'a': 2, 'c': 3, 'x': 9}");
  CHECK(rc(molt_dict_update(d, L({I(1)}))) == "ERR TypeError: cannot convert dictionary update sequence element #0 to a sequence");
  Val c = molt_dict_copy(d);
  CHECK(molt_dict_clear(d) == 0);
  CHECK(repr(d) == "{}");
  CHECK(repr(molt_dict_popitem(d)) == "ERR KeyError: 'popitem(): dictionary is empty'");
  CHECK(molt_len(c) == 3);
  CHECK(molt_contains(c, S("x")) == 1);
  CHECK(molt_contains(Val(molt_dict_values(c)), I(9)) == 1);
  CHECK(rc(molt_dict_set(c, L({}), I(1))) == "ERR TypeError: unhashable type: 'list'");
}

TEST_CASE("dict keys: numeric equivalence and many entries") {
  Val d = molt_dict_new();
  molt_dict_set(d, I(1), S("int"));
  molt_dict_set(d, F(1.0), S("float"));
  molt_dict_set(d, B(true), S("bool"));
  CHECK(repr(d) == "{1: 'bool'}");
  molt_dict_set(d, T({I(1), I(2)}), I(3));
  CHECK(repr(molt_dict_getitem(d, T({I(1), I(2)}))) == "3");
  for (int i = 0; i < 10000; i++) molt_dict_set(d, I(i), I(i * 2));
  for (int i = 0; i < 10000; i += 2) molt_dict_del(d, I(i));
  CHECK(molt_len(d) == 5001);
  CHECK(repr(molt_dict_getitem(d, I(9999))) == "19998");
  CHECK(repr(molt_dict_getitem(d, I(0))) == "ERR KeyError: 0");
  Val it = molt_iter(d);
  CHECK(repr(molt_iter_next(it)) == "1");
  CHECK(repr(molt_iter_next(it)) == "(1, 2)");
  molt_dict_set(d, S("new"), I(0));
  CHECK(repr(molt_iter_next(it)) == "ERR RuntimeError: dictionary changed size during iteration");
  CHECK(molt_eq(D({{I(1), I(2)}}), D({{F(1.0), I(2)}})) == MOLT_TRUE);
}

TEST_CASE("set iteration order matches CPython for ints") {
  // s = set(); s.add(x) for each x
  CHECK(repr(SET({I(5), I(3), I(1), I(100), I(64), I(8), I(16)})) == "{64, 1, 3, 100, 5, 8, 16}");
  // the literal {5, 3, 1, 100, 64, 8, 16} (CPython: frozenset constant merged into a new set)
  MoltValue lit[] = {molt_box_smallint(5), molt_box_smallint(3), molt_box_smallint(1), molt_box_smallint(100),
                     molt_box_smallint(64), molt_box_smallint(8), molt_box_smallint(16)};
  CHECK(repr(molt_set_from_array(lit, 7, 1)) == "{64, 1, 16, 3, 100, 5, 8}");
  CHECK(repr(molt_set_from_array(lit, 7, 0)) == "{64, 1, 3, 100, 5, 8, 16}");
  CHECK(repr(SET({I(5), I(3), I(1), I(100), I(64), I(8), I(16), I(1000), I(33), I(-1)})) ==
        "{64, 1, 33, 3, 100, 5, 8, 1000, 16, -1}");
  Val r = molt_set(Val(molt_range_new(I(20), I(0), I(-1))));
  CHECK(repr(r) == "{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}");
  Val big = molt_pow(I(2), I(61));
  Val bigm1 = molt_sub(big, I(1));
  CHECK(repr(SET({I(-1), I(-2), I(-3), big, bigm1})) == "{2305843009213693951, 2305843009213693952, -2, -3, -1}");
  CHECK(repr(SET({T({I(1), I(2)}), T({I(3), I(4)}), T({I(0), I(0)})})) == "{(1, 2), (3, 4), (0, 0)}");
  CHECK(repr(molt_set_new()) == "set()");
}

TEST_CASE("set operations") {
  Val a = SET({I(1), I(2), I(3)});
  CHECK(repr(molt_or(a, SET({I(100), I(5)}))) == "{1, 2, 3, 100, 5}");
  CHECK(repr(molt_and(SET({I(1), I(2), I(3), I(4)}), SET({I(4), I(3), I(9)}))) == "{3, 4}");
  CHECK(repr(molt_sub(a, SET({I(2)}))) == "{1, 3}");
  CHECK(repr(molt_xor(a, SET({I(3), I(4)}))) == "{1, 2, 4}");
  CHECK(molt_set_issubset(SET({I(1)}), a) == MOLT_TRUE);
  CHECK(molt_set_issuperset(a, L({I(1), I(2)})) == MOLT_TRUE);
  CHECK(molt_set_isdisjoint(a, SET({I(7)})) == MOLT_TRUE);
  CHECK(molt_lt(SET({I(1)}), a) == MOLT_TRUE);
  CHECK(molt_contains(a, I(2)) == 1);
  CHECK(molt_contains(a, F(2.0)) == 1);
  CHECK(molt_set_discard(a, I(2)) == 0);
  CHECK(rc(molt_set_remove(a, I(2))) == "ERR KeyError: 2");
  CHECK(repr(molt_set_pop(a)) == "1");
  CHECK(repr(molt_set_pop(a)) == "3");
  CHECK(repr(molt_set_pop(a)) == "ERR KeyError: 'pop from an empty set'");
  CHECK(rc(molt_set_add(a, L({}))) == "ERR TypeError: unhashable type: 'list'");
  CHECK(molt_eq(SET({I(1), I(2)}), SET({I(2), I(1)})) == MOLT_TRUE);
  CHECK(repr(molt_getitem(SET({I(1)}), I(0))) == "ERR TypeError: 'set' object is not subscriptable");
}

TEST_CASE("dict views are set-like") {
  Val d = D({{I(1), I(2)}, {I(3), I(4)}});
  Val e = D({{I(3), I(0)}, {I(5), I(6)}});
  Val dk = molt_dict_keys(d), ek = molt_dict_keys(e);
  CHECK(repr(molt_and(dk, ek)) == "{3}");
  CHECK(repr(molt_or(dk, ek)) == "{1, 3, 5}");
  CHECK(repr(molt_sub(dk, ek)) == "{1}");
  CHECK(repr(molt_xor(dk, ek)) == "{1, 5}");
  CHECK(repr(molt_and(dk, SET({I(3)}))) == "{3}");
  CHECK(repr(molt_and(SET({I(5), I(1)}), dk)) == "{1}");
  CHECK(molt_eq(dk, SET({I(1), I(3)})) == MOLT_TRUE);
  CHECK(molt_eq(dk, ek) == MOLT_FALSE);
  CHECK(repr(molt_and(Val(molt_dict_items(d)), SET({T({I(1), I(2)})}))) == "{(1, 2)}");
  Val dv = molt_dict_values(d);
  CHECK(molt_eq(dv, dv) == MOLT_TRUE);
  CHECK(molt_eq(dv, Val(molt_dict_values(d))) == MOLT_FALSE);
}
