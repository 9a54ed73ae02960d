// test_format.cpp - format() / f-string specs, str.format and % formatting.
// The format() table was generated from CPython 3.11 output.
#include <math.h>

#include "helpers.h"

static Val pct(const char *fmt, Val args) { return molt_str_percent(S(fmt), args); }

TEST_CASE("format spec mini-language (CPython table)") {
  CHECK(str(molt_format(F(1234567.891), S(",.2f"))) == "1,234,567.89");
  CHECK(str(molt_format(I(255), S("#x"))) == "0xff");
  CHECK(str(molt_format(I(255), S("X"))) == "FF");
  CHECK(str(molt_format(I(255), S("#o"))) == "0o377");
  CHECK(str(molt_format(I(5), S("b"))) == "101");
  CHECK(str(molt_format(I(123), S("_b"))) == "111_1011");
  CHECK(str(molt_format(F(-3.5), S("+08.2f"))) == "-0003.50");
  CHECK(str(molt_format(S("ab"), S("^6"))) == "  ab  ");
  CHECK(str(molt_format(S("ab"), S("*>5"))) == "***ab");
  CHECK(str(molt_format(S("ab"), S("<4"))) == "ab  ");
  CHECK(str(molt_format(F(0.5), S("%"))) == "50.000000%");
  CHECK(str(molt_format(F(0.125), S(".1%"))) == "12.5%");
  CHECK(str(molt_format(F(12345.6789), S("e"))) == "1.234568e+04");
  CHECK(str(molt_format(F(12345.6789), S(".2E"))) == "1.23E+04");
  CHECK(str(molt_format(F(1e-07), S("g"))) == "1e-07");
  CHECK(str(molt_format(F(123456789.0), S("g"))) == "1.23457e+08");
  CHECK(str(molt_format(F(3.0), S(""))) == "3.0");
  CHECK(str(molt_format(F(3.14159), S(".3"))) == "3.14");
  CHECK(str(molt_format(F(1234.5), S(".2"))) == "1.2e+03");
  CHECK(str(molt_format(I(42), S("05d"))) == "00042");
  CHECK(str(molt_format(I(-42), S("05d"))) == "-0042");
  CHECK(str(molt_format(I(42), S("+d"))) == "+42");
  CHECK(str(molt_format(I(42), S(" d"))) == " 42");
  CHECK(str(molt_format(I(1234567), S(","))) == "1,234,567");
  CHECK(str(molt_format(I(1234567), S("_"))) == "1_234_567");
  CHECK(str(molt_format(I(1234), S("08,d"))) == "0,001,234");
  CHECK(str(molt_format(F(-1234.5), S("012,.1f"))) == "-0,001,234.5");
  CHECK(str(molt_format(F(3.0), S(".0f"))) == "3");
  CHECK(str(molt_format(F(2.5), S(".0f"))) == "2");
  CHECK(str(molt_format(I(65), S("c"))) == "A");
  CHECK(str(molt_format(B(true), S(""))) == "True");
  CHECK(str(molt_format(B(true), S("d"))) == "1");
  CHECK(str(molt_format(N(), S(""))) == "None");
  CHECK(str(molt_format(F(INFINITY), S("f"))) == "inf");
  CHECK(str(molt_format(F(NAN), S("+.2f"))) == "+nan");
  CHECK(str(molt_format(F(INFINITY), S("E"))) == "INF");
  CHECK(str(molt_format(F(1e+16), S(""))) == "1e+16");
  CHECK(str(molt_format(F(1.5), S("10"))) == "       1.5");
  CHECK(str(molt_format(S("hello"), S(".3"))) == "hel");
  CHECK(str(molt_format(S("hello"), S("10.2s"))) == "he        ");
  CHECK(str(molt_format(F(-0.0), S(""))) == "-0.0");
  CHECK(str(molt_format(BIG("100000000000000000000"), S(","))) == "100,000,000,000,000,000,000");
  CHECK(str(molt_format(I(-255), S("#x"))) == "-0xff");
  CHECK(str(molt_format(I(0), S("#b"))) == "0b0");
  CHECK(str(molt_format(F(1.0), S("g"))) == "1");
  CHECK(str(molt_format(F(100000.0), S("g"))) == "100000");
  CHECK(str(molt_format(F(1000000.0), S("g"))) == "1e+06");
  CHECK(str(molt_format(F(0.0001), S("g"))) == "0.0001");
  CHECK(str(molt_format(F(1e-05), S("g"))) == "1e-05");
  CHECK(str(molt_format(F(1.5), S("#g"))) == "1.50000");
  CHECK(str(molt_format(I(3), S("f"))) == "3.000000");
  CHECK(str(molt_format(I(3), S("e"))) == "3.000000e+00");
  CHECK(str(molt_format(I(7), S("%"))) == "700.000000%");
  CHECK(str(molt_format(F(12.0), S("=+8.2f"))) == "+  12.00");
  CHECK(str(molt_format(S("x"), S("=^5"))) == "==x==");
}

TEST_CASE("format spec errors") {
  CHECK(str(molt_format(S("x"), S("d"))) == "ERR ValueError: Unknown format code 'd' for object of type 'str'");
  CHECK(str(molt_format(I(1), S("5x5"))) == "ERR ValueError: Invalid format specifier '5x5' for object of type 'int'");
  CHECK(str(molt_format(I(1), S(".2d"))) == "ERR ValueError: Precision not allowed in integer format specifier");
  CHECK(str(molt_format(L({}), S(">5"))) == "ERR TypeError: unsupported format string passed to list.__format__");
  CHECK(str(molt_format(L({I(1)}), S(""))) == "[1]");
}

TEST_CASE("printf-style %") {
  CHECK(str(pct("%d", I(3))) == "3");
  CHECK(str(pct("%s %r %5d|%-5s|%%|%.2f|%x", T({S("a"), S("b"), I(3), S("c"), F(1.005), I(255)}))) ==
        "a 'b'     3|c    |%|1.00|ff");
  CHECK(str(pct("%05.1f|%+d|%o|%X|%e|%g|%c|%.3s", T({F(3.14159), I(5), I(8), I(255), F(12345.678), F(0.0001),
                                                      I(65), S("abcdef")}))) ==
        "003.1|+5|10|FF|1.234568e+04|0.0001|A|abc");
  CHECK(str(pct("%d", F(3.9))) == "3");
  CHECK(str(pct("%5.3d", I(7))) == "  007");
  CHECK(str(pct("%-6d|", I(-3))) == "-3    |");
  CHECK(str(pct("%s", L({I(1), I(2)}))) == "[1, 2]");
  CHECK(str(pct("%s", T({I(1)}))) == "1");
  CHECK(str(pct("%d", S("a"))) == "ERR TypeError: %d format: a real number is required, not str");
  CHECK(str(pct("%d %d", T({I(1)}))) == "ERR TypeError: not enough arguments for format string");
  CHECK(str(pct("%d", T({I(1), I(2)}))) == "ERR TypeError: not all arguments converted during string formatting");
  CHECK(str(pct("x", I(5))) == "ERR TypeError: not all arguments converted during string formatting");
  CHECK(str(molt_mod(S("%s!"), S("hi"))) == "hi!");
}

TEST_CASE("str.format") {
  MoltValue args[] = {molt_str_from_cstr("a"), molt_str_from_cstr("b"), molt_box_smallint(3)};
  CHECK(str(molt_str_format(S("{} {!r} {:>5} {{x}}"), args, 3)) == "a 'b'     3 {x}");
  CHECK(str(molt_str_format(S("{1}{0}"), args, 2)) == "ba");
  CHECK(str(molt_str_format(S("{}"), args, 0)) == "ERR IndexError: Replacement index 0 out of range for positional args tuple");
  CHECK(str(molt_str_format(S("{0}{}"), args, 2)) ==
        "ERR ValueError: cannot switch from manual field specification to automatic field numbering");
  CHECK(str(molt_str_format(S("}"), args, 0)) == "ERR ValueError: Single '}' encountered in format string");
  MoltValue big[] = {molt_int_from_i64(1000000)};
  CHECK(str(molt_str_format(S("{:,}"), big, 1)) == "1,000,000");
  molt_decref(args[0]);
  molt_decref(args[1]);
}

TEST_CASE("f-string concatenation helper") {
  MoltValue parts[] = {molt_str_from_cstr("x="), molt_str_from_cstr("1"), molt_str_from_cstr("!")};
  CHECK(str(molt_str_concat_n(parts, 3)) == "x=1!");
  for (MoltValue p : parts) molt_decref(p);
}

TEST_CASE("str.format with keywords, indexing and nested specs") {
  Val kw = D({{S("name"), S("Ada")}, {S("n"), I(7)}, {S("xs"), L({I(10), I(20)})}, {S("d"), D({{S("k"), S("v")}})}});
  MoltValue args[] = {molt_str_from_cstr("p0"), molt_box_smallint(8)};
  CHECK(str(molt_str_format_kw(S("{name} has {n:03d} {xs[1]} {d[k]} {0!r}"), args, 2, kw)) == "Ada has 007 20 v 'p0'");
  CHECK(str(molt_str_format_kw(S("[{:>{}}]"), args, 2, N())) == "[      p0]");
  CHECK(str(molt_str_format_kw(S("{missing}"), args, 2, kw)) == "ERR KeyError: 'missing'");
  CHECK(str(molt_str_format_kw(S("{0[5]}"), args, 2, N())) == "ERR IndexError: string index out of range");
  CHECK(str(molt_str_format(S("{"), args, 2)) == "ERR ValueError: Single '{' encountered in format string");
  molt_decref(args[0]);
}

TEST_CASE("printf-style % with a mapping") {
  Val d = D({{S("name"), S("Ada")}, {S("n"), I(42)}});
  CHECK(str(molt_str_percent(S("%(name)s is %(n)05d, %(name)r"), d)) == "Ada is 00042, 'Ada'");
  CHECK(str(molt_str_percent(S("%(nope)s"), d)) == "ERR KeyError: 'nope'");
  CHECK(str(molt_str_percent(S("%(name)s"), Val(T({I(1)})))) == "ERR TypeError: format requires a mapping");
  CHECK(str(molt_str_percent(S("no fields"), d)) == "no fields");
}
