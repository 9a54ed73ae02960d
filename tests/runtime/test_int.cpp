// test_int.cpp - NaN-box invariants and int semantics (small + big).
#include <math.h>

#include "helpers.h"

TEST_CASE("nan-box layout invariants") {
  CHECK(molt_is_double(molt_box_double(1.5)));
  CHECK(molt_box_double(NAN) == MOLT_CANONICAL_NAN);
  CHECK(molt_box_double(-NAN) == MOLT_CANONICAL_NAN);
  CHECK(molt_is_double(molt_box_double(-INFINITY)));
  CHECK(molt_is_smallint(molt_box_smallint(MOLT_SMALLINT_MIN)));
  CHECK(molt_unbox_smallint(molt_box_smallint(-5)) == -5);
  CHECK(molt_unbox_smallint(molt_box_smallint(MOLT_SMALLINT_MAX)) == MOLT_SMALLINT_MAX);
  CHECK(!molt_is_double(MOLT_NONE));
  CHECK(!molt_is_double(MOLT_TRUE));
  CHECK(!molt_is_double(MOLT_NULL));
  CHECK(molt_is_bool(MOLT_FALSE));
  Val s = S("abc");
  CHECK(molt_is_ptr(s));
  CHECK(molt_type_id(s) == MOLT_TYPE_STR);
  // ints that fit are always small; ints that don't are heap bigints
  Val big = I(MOLT_SMALLINT_MAX + 1);
  CHECK(molt_is_ptr(big));
  Val back = molt_sub(big, I(1));
  CHECK(molt_is_smallint(back));
  CHECK(molt_unbox_smallint(back) == MOLT_SMALLINT_MAX);
}

TEST_CASE("int arithmetic follows Python") {
  CHECK(repr(molt_floordiv(I(-7), I(2))) == "-4");
  CHECK(repr(molt_mod(I(-7), I(2))) == "1");
  CHECK(repr(molt_mod(I(7), I(-2))) == "-1");
  CHECK(repr(molt_floordiv(I(7), I(-2))) == "-4");
  CHECK(repr(molt_divmod(I(-7), I(2))) == "(-4, 1)");
  CHECK(repr(molt_truediv(I(1), I(3))) == "0.3333333333333333");
  CHECK(repr(molt_truediv(I(6), I(3))) == "2.0");
  CHECK(repr(molt_pow(I(2), I(100))) == "1267650600228229401496703205376");
  CHECK(repr(molt_pow(I(2), I(-2))) == "0.25");
  CHECK(repr(molt_pow(I(-3), I(3))) == "-27");
  CHECK(repr(molt_lshift(I(1), I(100))) == "1267650600228229401496703205376");
  CHECK(repr(molt_rshift(I(-5), I(1))) == "-3");
  CHECK(repr(molt_and(I(-6), I(13))) == "8");
  CHECK(repr(molt_or(I(-6), I(3))) == "-5");
  CHECK(repr(molt_xor(I(-1), I(255))) == "-256");
  CHECK(repr(molt_invert(I(5))) == "-6");
  CHECK(repr(molt_add(B(true), I(1))) == "2");
  CHECK(repr(molt_mul(I(MOLT_SMALLINT_MAX), I(MOLT_SMALLINT_MAX))) == "19807040628565802923409276929");
  CHECK(repr(molt_add(I(MOLT_SMALLINT_MAX), I(1))) == "140737488355328");
  CHECK(repr(molt_neg(I(MOLT_SMALLINT_MIN))) == "140737488355328");
  CHECK(repr(molt_abs(I(-12))) == "12");
}

TEST_CASE("int errors have CPython messages") {
  CHECK(repr(molt_floordiv(I(1), I(0))) == "ERR ZeroDivisionError: integer division or modulo by zero");
  CHECK(repr(molt_mod(I(1), I(0))) == "ERR ZeroDivisionError: integer modulo by zero");
  CHECK(repr(molt_truediv(I(1), I(0))) == "ERR ZeroDivisionError: division by zero");
  CHECK(repr(molt_pow(I(0), I(-1))) == "ERR ZeroDivisionError: 0.0 cannot be raised to a negative power");
  CHECK(repr(molt_lshift(I(1), I(-1))) == "ERR ValueError: negative shift count");
  CHECK(repr(molt_add(I(1), S("a"))) == "ERR TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  CHECK(repr(molt_int_from_str(S("x"), 10)) == "ERR ValueError: invalid literal for int() with base 10: 'x'");
  CHECK(repr(molt_int_from_str(S("1__0"), 10)) == "ERR ValueError: invalid literal for int() with base 10: '1__0'");
  CHECK(repr(molt_pow(F(2.0), I(10000))) == "ERR OverflowError: (34, 'Numerical result out of range')");
}

TEST_CASE("int parsing") {
  CHECK(repr(molt_int_from_str(S("  -1_000  "), 10)) == "-1000");
  CHECK(repr(molt_int_from_str(S("0x1f"), 0)) == "31");
  CHECK(repr(molt_int_from_str(S("ff"), 16)) == "255");
  CHECK(repr(molt_int_from_str(S("0b101"), 0)) == "5");
  CHECK(repr(molt_int_from_str(S("z"), 36)) == "35");
  CHECK(repr(molt_int_from_str(S("010"), 0)) == "ERR ValueError: invalid literal for int() with base 0: '010'");
  CHECK(repr(molt_int_from_str(S("123456789012345678901234567890"), 10)) == "123456789012345678901234567890");
}

TEST_CASE("huge ints: str limit and float conversion") {
  Val big = molt_pow(I(10), I(4299));
  CHECK(str(Val(molt_str(big))).size() == 4300);
  Val too_big = molt_pow(I(10), I(4300));
  CHECK(repr(too_big) ==
        "ERR ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
        "sys.set_int_max_str_digits() to increase the limit");
  Val huge = molt_pow(I(10), I(400));
  molt_int_as_double(huge);
  CHECK(err() == "OverflowError: int too large to convert to float");
  CHECK(repr(molt_add(F(1.0), huge)) == "ERR OverflowError: int too large to convert to float");
  CHECK(repr(molt_float(Val(molt_pow(I(2), I(80))))) == "1.2089258196146292e+24");
  CHECK(repr(molt_truediv(Val(molt_pow(I(10), I(30))), I(3))) == "3.333333333333333e+29");
  CHECK(molt_int_as_i64(Val(molt_pow(I(2), I(62)))) == (int64_t)1 << 62);
}

TEST_CASE("int hash equals CPython") {
  CHECK(molt_hash(I(-1)) == -2);
  CHECK(molt_hash(I(12345)) == 12345);
  Val p = molt_pow(I(2), I(100));
  CHECK(molt_hash(p) == 549755813888);
  Val n = molt_neg(p);
  CHECK(molt_hash(n) == -549755813888);
  CHECK(molt_hash(F(1.5)) == 1152921504606846977);
  CHECK(molt_hash(F(2.0)) == 2);
  CHECK(molt_hash(B(true)) == 1);
}

TEST_CASE("int comparisons across types") {
  CHECK(molt_eq(I(1), F(1.0)) == MOLT_TRUE);
  CHECK(molt_eq(I(1), B(true)) == MOLT_TRUE);
  Val p = molt_add(Val(molt_pow(I(2), I(53))), I(1));
  CHECK(molt_gt(p, F(9007199254740992.0)) == MOLT_TRUE);
  CHECK(molt_eq(p, F(9007199254740992.0)) == MOLT_FALSE);
  CHECK(molt_lt(I(3), F(NAN)) == MOLT_FALSE);
  CHECK(repr(molt_lt(I(1), S("a"))) == "ERR TypeError: '<' not supported between instances of 'int' and 'str'");
}

TEST_CASE("exact int64 helpers for codegen fast paths") {
  CHECK(repr(molt_int_add_i64(INT64_MAX, 1)) == "9223372036854775808");
  CHECK(repr(molt_int_sub_i64(INT64_MIN, 1)) == "-9223372036854775809");
  CHECK(repr(molt_int_mul_i64(INT64_MAX, INT64_MAX)) == "85070591730234615847396907784232501249");
  CHECK(repr(molt_int_mul_i64(-3, 4)) == "-12");
}

TEST_CASE("molt_compare returns C truth values") {
  CHECK(molt_compare(I(1), I(2), MOLT_CMP_LT) == 1);
  CHECK(molt_compare(I(2), I(2), MOLT_CMP_GE) == 1);
  CHECK(molt_compare(I(2), F(2.0), MOLT_CMP_EQ) == 1);
  CHECK(molt_compare(S("a"), S("b"), MOLT_CMP_NE) == 1);
  CHECK(molt_compare(Val(molt_pow(I(2), I(70))), I(5), MOLT_CMP_GT) == 1);
  CHECK(rc(molt_compare(I(1), S("a"), MOLT_CMP_LE)) == "ERR TypeError: '<=' not supported between instances of 'int' and 'str'");
}
