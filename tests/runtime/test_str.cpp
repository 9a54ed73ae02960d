// test_str.cpp - str storage (UTF-8, code-point semantics), repr, slicing
// and every str method the issue lists.
#include "helpers.h"

static Val split(const char *s, Val sep, int64_t maxsplit = -1) { return molt_str_split(S(s), sep, maxsplit); }

TEST_CASE("str repr picks quotes and escapes like CPython") {
  CHECK(repr(S("abc")) == "'abc'");
  CHECK(repr(S("it's")) == "\"it's\"");
  CHECK(repr(S("a\"b'c")) == "'a\"b\\'c'");
  CHECK(repr(S("tab\there\n")) == "'tab\\there\\n'");
  CHECK(repr(S("\x01\x7f")) == "'\\x01\\x7f'");
  CHECK(repr(S("caf\xc3\xa9")) == "'caf\xc3\xa9'");
  CHECK(repr(S("\xc2\xa0")) == "'\\xa0'");
  CHECK(repr(S("back\\slash")) == "'back\\\\slash'");
  CHECK(str(molt_ascii(S("caf\xc3\xa9"))) == "'caf\\xe9'");
}

TEST_CASE("code point indexing and slicing") {
  Val s = S("h\xc3\xa9llo w\xc3\xb6rld"); // héllo wörld
  CHECK(molt_len(s) == 11);
  CHECK(str(molt_getitem(s, I(1))) == "\xc3\xa9");
  CHECK(str(molt_getitem(s, I(-4))) == "\xc3\xb6");
  CHECK(repr(molt_getitem(s, I(11))) == "ERR IndexError: string index out of range");
  CHECK(str(molt_getslice(s, I(1), I(4), N())) == "\xc3\xa9ll");
  CHECK(str(molt_getslice(s, N(), N(), I(-1))) == "dlr\xc3\xb6w oll\xc3\xa9h");
  CHECK(str(molt_getslice(S("abcdef"), N(), N(), I(2))) == "ace");
  CHECK(str(molt_getslice(S("abcdef"), I(-2), N(), N())) == "ef");
  CHECK(str(molt_getslice(S("abcdef"), I(4), I(1), I(-1))) == "edc");
  CHECK(repr(molt_getslice(S("abc"), N(), N(), I(0))) == "ERR ValueError: slice step cannot be zero");
  CHECK(repr(molt_getitem(S("abc"), F(1.0))) == "ERR TypeError: string indices must be integers, not 'float'");
  CHECK(molt_contains(s, S("w\xc3\xb6")) == 1);
  CHECK(repr(molt_str_find(s, S("w\xc3\xb6"), N(), N())) == "6");
}

TEST_CASE("str operators") {
  CHECK(str(molt_add(S("ab"), S("cd"))) == "abcd");
  CHECK(str(molt_mul(S("ab"), I(3))) == "ababab");
  CHECK(str(molt_mul(I(2), S("x"))) == "xx");
  CHECK(str(molt_mul(S("ab"), I(-1))) == "");
  CHECK(repr(molt_add(S("a"), I(1))) == "ERR TypeError: can only concatenate str (not \"int\") to str");
  CHECK(repr(molt_mul(S("a"), S("b"))) == "ERR TypeError: can't multiply sequence by non-int of type 'str'");
  CHECK(molt_lt(S("abc"), S("abd")) == MOLT_TRUE);
  CHECK(molt_lt(S("ab"), S("abc")) == MOLT_TRUE);
  CHECK(molt_eq(S("x"), S("x")) == MOLT_TRUE);
  CHECK(molt_hash(S("abc")) == molt_hash(S("abc")));
  CHECK(molt_contains(S("abc"), I(1)) == -1);
  CHECK(err() == "TypeError: 'in <string>' requires string as left operand, not int");
}

TEST_CASE("split / rsplit / join / splitlines") {
  CHECK(repr(split("  a b\tc  ", N())) == "['a', 'b', 'c']");
  CHECK(repr(split("a,b,,c", S(","))) == "['a', 'b', '', 'c']");
  CHECK(repr(split("a,b,c", S(","), 1)) == "['a', 'b,c']");
  CHECK(repr(split("  a b c  ", N(), 1)) == "['a', 'b c  ']");
  CHECK(repr(split("", N())) == "[]");
  CHECK(repr(split("", S(","))) == "['']");
  CHECK(repr(split("a", S(""))) == "ERR ValueError: empty separator");
  CHECK(repr(molt_str_rsplit(S("a,b,c"), S(","), 1)) == "['a,b', 'c']");
  CHECK(repr(molt_str_rsplit(S("  a b c  "), N(), 1)) == "['  a b', 'c']");
  CHECK(str(molt_str_join(S(", "), L({S("a"), S("b"), S("c")}))) == "a, b, c");
  CHECK(repr(molt_str_join(S(""), L({S("a"), I(1)}))) == "ERR TypeError: sequence item 1: expected str instance, int found");
  CHECK(repr(molt_str_splitlines(S("a\nb\r\nc\rd\n"), 0)) == "['a', 'b', 'c', 'd']");
  CHECK(repr(molt_str_splitlines(S("a\nb\r\n"), 1)) == "['a\\n', 'b\\r\\n']");
}

TEST_CASE("strip / replace / find / count / affixes") {
  CHECK(str(molt_str_strip(S("  hi \n"), N())) == "hi");
  CHECK(str(molt_str_lstrip(S("xxhixx"), S("x"))) == "hixx");
  CHECK(str(molt_str_rstrip(S("xxhixy"), S("yx"))) == "xxhi");
  CHECK(str(molt_str_replace(S("aaa"), S("a"), S("bb"), -1)) == "bbbbbb");
  CHECK(str(molt_str_replace(S("aaa"), S("a"), S("b"), 2)) == "bba");
  CHECK(str(molt_str_replace(S("ab"), S(""), S("-"), -1)) == "-a-b-");
  CHECK(repr(molt_str_find(S("hello"), S("l"), N(), N())) == "2");
  CHECK(repr(molt_str_rfind(S("hello"), S("l"), N(), N())) == "3");
  CHECK(repr(molt_str_find(S("hello"), S("z"), N(), N())) == "-1");
  CHECK(repr(molt_str_find(S("hello"), S("l"), I(3), N())) == "3");
  CHECK(repr(molt_str_find(S("hello"), S(""), I(10), N())) == "-1");
  CHECK(repr(molt_str_index(S("hello"), S("z"), N(), N())) == "ERR ValueError: substring not found");
  CHECK(repr(molt_str_count(S("banana"), S("an"), N(), N())) == "2");
  CHECK(repr(molt_str_count(S("abc"), S(""), N(), N())) == "4");
  CHECK(molt_str_startswith(S("hello"), S("he"), N(), N()) == MOLT_TRUE);
  CHECK(molt_str_startswith(S("hello"), T({S("x"), S("hel")}), N(), N()) == MOLT_TRUE);
  CHECK(molt_str_endswith(S("hello"), S("lo"), N(), N()) == MOLT_TRUE);
  CHECK(molt_str_endswith(S("hello"), S("l"), N(), I(4)) == MOLT_TRUE);
}

TEST_CASE("case, classification and padding") {
  CHECK(str(molt_str_upper(S("abc1"))) == "ABC1");
  CHECK(str(molt_str_lower(S("ABC"))) == "abc");
  CHECK(str(molt_str_title(S("hello world-foo"))) == "Hello World-Foo");
  CHECK(str(molt_str_capitalize(S("hELLO"))) == "Hello");
  CHECK(molt_str_isdigit(S("123")) == MOLT_TRUE);
  CHECK(molt_str_isdigit(S("")) == MOLT_FALSE);
  CHECK(molt_str_isalpha(S("abC")) == MOLT_TRUE);
  CHECK(molt_str_isalpha(S("ab1")) == MOLT_FALSE);
  CHECK(molt_str_isspace(S(" \t\n")) == MOLT_TRUE);
  CHECK(molt_str_isupper(S("AB1")) == MOLT_TRUE);
  CHECK(str(molt_str_zfill(S("-42"), 6)) == "-00042");
  CHECK(str(molt_str_zfill(S("x"), 5)) == "0000x");
  CHECK(str(molt_str_center(S("ab"), 7, S("*"))) == "***ab**");
  CHECK(str(molt_str_center(S("abc"), 6, N())) == " abc  ");
  CHECK(str(molt_str_ljust(S("ab"), 5, S("."))) == "ab...");
  CHECK(str(molt_str_rjust(S("ab"), 5, N())) == "   ab");
  CHECK(repr(molt_str_partition(S("a=b=c"), S("="))) == "('a', '=', 'b=c')");
  CHECK(repr(molt_str_rpartition(S("a=b=c"), S("="))) == "('a=b', '=', 'c')");
  CHECK(repr(molt_str_partition(S("abc"), S("="))) == "('abc', '', '')");
  CHECK(repr(molt_str_encode(S("h\xc3\xa9"))) == "b'h\\xc3\\xa9'");
  CHECK(str(molt_bytes_decode(Val(molt_str_encode(S("h\xc3\xa9"))))) == "h\xc3\xa9");
}

TEST_CASE("ord / chr") {
  CHECK(repr(molt_ord(S("\xc3\xa9"))) == "233");
  CHECK(repr(molt_ord(S("ab"))) == "ERR TypeError: ord() expected a character, but string of length 2 found");
  CHECK(str(molt_chr(I(0x20ac))) == "\xe2\x82\xac");
  CHECK(repr(molt_chr(I(-1))) == "ERR ValueError: chr() arg not in range(0x110000)");
}

TEST_CASE("in-place += on a uniquely owned str is linear and correct") {
  MoltValue s = molt_str_from_cstr("");
  Val piece = S("ab\xc3\xa9"); // "abé"
  for (int i = 0; i < 20000; i++) s = molt_iadd_steal(s, piece);
  Val r(s);
  CHECK(molt_len(r) == 60000);
  int64_t nb;
  molt_str_utf8(r, &nb);
  CHECK(nb == 80000);
  CHECK(str(molt_getslice(r, I(-3), N(), N())) == "ab\xc3\xa9");
  // a shared str is not mutated
  Val shared = S("xy");
  molt_incref(shared);
  Val t = molt_iadd_steal(shared, piece);
  CHECK(str(shared) == "xy");
  CHECK(str(t) == "xyab\xc3\xa9");
  // s += s
  MoltValue u0 = molt_str_from_cstr("qq");
  Val u = molt_iadd_steal(u0, u0);
  CHECK(str(u) == "qqqq");
  CHECK(molt_hash(S("qqqq")) == molt_hash(u));
}

TEST_CASE("whitespace handling is by code point (UTF-8 continuation bytes are not spaces)") {
  // 'à' is C3 A0 and 'Å' is C3 85: their second bytes equal U+00A0 / U+0085
  CHECK(repr(molt_str_split(S("\xc3\xa0 b \xc3\x85 x\xc2\xa0y"), N(), -1)) == "['\xc3\xa0', 'b', '\xc3\x85', 'x', 'y']");
  CHECK(repr(molt_str_rsplit(S("\xc3\xa0 b"), N(), -1)) == "['\xc3\xa0', 'b']");
  CHECK(repr(molt_str_split(S("a\xe3\x80\x80" "b"), N(), -1)) == "['a', 'b']");
  CHECK(repr(molt_int_from_str(S("1\xe3\x80\x80"), 10)) == "1");
  CHECK(repr(molt_float(S("\xc2\xa0" "2.5"))) == "2.5");
  CHECK(repr(molt_str_strip(S("\xc3\xa0"), N())) == "'\xc3\xa0'");
}

// str == compares short strings inline (bytes_eq: overlapping word loads);
// every length around the word sizes, a difference at every position.
TEST_CASE("str equality at every length and position") {
  for (int n = 0; n <= 40; n++) {
    std::string a(n, 'x');
    for (int i = 0; i < n; i++) a[i] = (char)('a' + (i * 7) % 26);
    CHECK(molt_truthy(molt_eq(S(a.c_str()), S(a.c_str()))) == 1);
    for (int i = 0; i < n; i++) {
      std::string b = a;
      b[i] = (char)(b[i] ^ 0x20);
      CHECK(molt_truthy(molt_eq(S(a.c_str()), S(b.c_str()))) == 0);
    }
    if (n > 0) CHECK(molt_truthy(molt_eq(S(a.c_str()), S(a.substr(0, n - 1).c_str()))) == 0);
  }
}

// A dict lookup of a key equal to, but not the same object as, the stored
// one takes the inline str comparison.
TEST_CASE("dict lookups with equal str keys that are distinct objects") {
  Val d = molt_dict_new();
  const char *words[] = {"", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghijklmnop", "abcdefghijklmnopq",
                         "h\xc3\xa9llo"};
  for (int i = 0; i < 10; i++) CHECK(molt_dict_set(d, S(words[i]), I(i)) == 0);
  for (int i = 0; i < 10; i++) {
    CHECK(repr(molt_dict_get(d, S(words[i]), N())) == std::to_string(i));
    CHECK(repr(molt_dict_getitem(d, S(words[i]))) == std::to_string(i));
  }
  CHECK(repr(molt_dict_get(d, S("abcdefgi"), N())) == "None");
  CHECK(repr(molt_dict_getitem(d, S("abcd "))) == "ERR KeyError: 'abcd '");
}

// str(small int) writes its digits straight into the new str: every digit
// count, both signs, the smallint bounds, and the interned single digits.
TEST_CASE("str of small ints at every digit count") {
  long long p = 1;
  for (int d = 1; d <= 15; d++, p *= 10) {
    for (long long x : {p, p - 1, 2 * p + 7, -p, -(p - 1), -(3 * p + 1)}) {
      CHECK(str(Val(molt_str(I(x)))) == std::to_string(x));
    }
  }
  CHECK(str(Val(molt_str(I(MOLT_SMALLINT_MAX)))) == std::to_string(MOLT_SMALLINT_MAX));
  CHECK(str(Val(molt_str(I(MOLT_SMALLINT_MIN)))) == std::to_string(MOLT_SMALLINT_MIN));
  for (int x = 0; x < 10; x++) { // the interned one-character strs
    Val a = molt_str(I(x)), b = molt_str(I(x));
    CHECK(a.v == b.v);
  }
  Val big = molt_mul(I(MOLT_SMALLINT_MAX), I(10)); // past the small-int path
  CHECK(str(Val(molt_str(big))) == std::to_string((long long)MOLT_SMALLINT_MAX * 10));
}

// split on one ASCII byte scans the first 16 bytes inline and memchr()s the
// rest: separators on both sides of that boundary, empty fields, maxsplit.
TEST_CASE("split on one byte around the inline scan's 16-byte window") {
  for (int at = 0; at <= 40; at++) {
    std::string s(at, 'a');
    s += ",";
    s += std::string(20, 'b');
    std::string want = "['" + std::string(at, 'a') + "', '" + std::string(20, 'b') + "']";
    CHECK(repr(split(s.c_str(), S(","))) == want);
  }
  CHECK(repr(split(",,", S(","))) == "['', '', '']");
  CHECK(repr(split("a,b,c,d", S(","), 2)) == "['a', 'b', 'c,d']");
  CHECK(repr(split("a,b", S(","), 0)) == "['a,b']");
  CHECK(repr(split("x", S(","))) == "['x']");
  CHECK(repr(split("\xc3\xa9,b,\xc3\xa9", S(","))) == "['\xc3\xa9', 'b', '\xc3\xa9']");
  CHECK(molt_len(Val(molt_getitem(split("\xc3\xa9\xc3\xa9,b", S(",")), I(0)))) == 2);
  CHECK(str(molt_str_join(S("-"), L({S("ab"), S(""), S("c"), S("defghijklmnopqrstuvwxyz")}))) ==
        "ab--c-defghijklmnopqrstuvwxyz");
  CHECK(str(molt_str_join(S("-"), L({}))) == "");
}

// d[k] = v after a lookup answers from the lookup's entry when k is that
// entry's key object, or a str equal to it; any other key probes. Stale
// entries (deleted, moved by a resize) are never answered from.
TEST_CASE("dict set after get: same object, equal str, other key, after delete and resize") {
  Val d = molt_dict_new();
  Val a1 = S("alpha"), a2 = S("alpha"), b = S("beta");
  CHECK(molt_dict_set(d, a1, I(1)) == 0);
  CHECK(molt_dict_set(d, b, I(2)) == 0);
  CHECK(repr(molt_dict_get(d, a1, N())) == "1");
  CHECK(molt_dict_set(d, a1, I(10)) == 0); // the same object
  CHECK(repr(molt_dict_get(d, a2, N())) == "10");
  CHECK(molt_dict_set(d, a2, I(11)) == 0); // an equal str, another object
  CHECK(molt_len(d) == 2);
  CHECK(repr(molt_dict_get(d, b, N())) == "2");
  CHECK(molt_dict_set(d, a2, I(12)) == 0); // the memo holds beta: a probe
  CHECK(repr(d) == "{'alpha': 12, 'beta': 2}");
  CHECK(molt_dict_del(d, a1) == 0);
  CHECK(molt_dict_set(d, a2, I(13)) == 0); // re-inserted at the end
  CHECK(repr(d) == "{'beta': 2, 'alpha': 13}");
  for (int i = 0; i < 100; i++) CHECK(molt_dict_set(d, I(i), I(-i)) == 0); // resizes
  CHECK(repr(molt_dict_get(d, S("alpha"), N())) == "13");
  CHECK(molt_dict_set(d, S("beta"), I(3)) == 0);
  CHECK(repr(molt_dict_getitem(d, b)) == "3");
  CHECK(molt_len(d) == 102);
  CHECK(repr(molt_dict_get(d, S("gamma"), I(0))) == "0");
}
