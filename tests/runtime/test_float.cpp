// test_float.cpp - float repr (shortest round-trip, CPython layout) and
// float arithmetic semantics.
#include <math.h>

#include "helpers.h"

TEST_CASE("float repr matches CPython") {
  CHECK(repr(F(0.1)) == "0.1");
  CHECK(repr(F(1e16)) == "1e+16");
  CHECK(repr(F(1e15)) == "1000000000000000.0");
  CHECK(repr(F(1e-5)) == "1e-05");
  CHECK(repr(F(0.0001)) == "0.0001");
  CHECK(repr(F(1.0 / 3)) == "0.3333333333333333");
  CHECK(repr(F(sqrt(2.0))) == "1.4142135623730951");
  CHECK(repr(F(123456789012345678.0)) == "1.2345678901234568e+17");
  CHECK(repr(F(-0.0)) == "-0.0");
  CHECK(repr(F(3.0)) == "3.0");
  CHECK(repr(F(INFINITY)) == "inf");
  CHECK(repr(F(-INFINITY)) == "-inf");
  CHECK(repr(F(NAN)) == "nan");
  CHECK(repr(F(1.5e300)) == "1.5e+300");
  CHECK(repr(F(5e-324)) == "5e-324");
  CHECK(repr(F(0.1 + 0.2)) == "0.30000000000000004");
  CHECK(repr(F(100.0)) == "100.0");
}

TEST_CASE("float arithmetic") {
  CHECK(repr(molt_floordiv(F(-7.0), I(2))) == "-4.0");
  CHECK(repr(molt_mod(F(-7.0), F(2.0))) == "1.0");
  CHECK(repr(molt_mod(F(7.5), F(-2.0))) == "-0.5");
  CHECK(repr(molt_divmod(F(7.0), F(2.0))) == "(3.0, 1.0)");
  CHECK(repr(molt_truediv(F(1.0), I(0))) == "ERR ZeroDivisionError: float division by zero");
  CHECK(repr(molt_floordiv(F(1.0), I(0))) == "ERR ZeroDivisionError: float floor division by zero");
  CHECK(repr(molt_mod(F(1.0), F(0.0))) == "ERR ZeroDivisionError: float modulo");
  CHECK(repr(molt_divmod(F(1.0), I(0))) == "ERR ZeroDivisionError: float divmod()");
  CHECK(repr(molt_pow(F(2.0), F(0.5))) == "1.4142135623730951");
  CHECK(repr(molt_add(I(1), F(0.5))) == "1.5");
  CHECK(repr(molt_neg(F(0.0))) == "-0.0");
  CHECK(repr(molt_invert(F(1.5))) == "ERR TypeError: bad operand type for unary ~: 'float'");
  CHECK(molt_eq(F(NAN), F(NAN)) == MOLT_FALSE);
}

TEST_CASE("float() and round()") {
  CHECK(repr(molt_float(S(" 1_0.5 "))) == "10.5");
  CHECK(repr(molt_float(S("inf"))) == "inf");
  CHECK(repr(molt_float(S("-1e3"))) == "-1000.0");
  CHECK(repr(molt_float(S("x"))) == "ERR ValueError: could not convert string to float: 'x'");
  CHECK(repr(molt_float(I(7))) == "7.0");
  CHECK(repr(molt_round(F(2.5), N())) == "2");
  CHECK(repr(molt_round(F(3.5), N())) == "4");
  CHECK(repr(molt_round(F(-0.5), N())) == "0");
  CHECK(repr(molt_round(F(2.675), I(2))) == "2.67");
  CHECK(repr(molt_round(F(1.005), I(2))) == "1.0");
  CHECK(repr(molt_round(F(1234.5), I(-2))) == "1200.0");
  CHECK(repr(molt_round(I(1250), I(-2))) == "1200");
  CHECK(repr(molt_round(I(1350), I(-2))) == "1400");
  CHECK(repr(molt_round(F(INFINITY), N())) == "ERR OverflowError: cannot convert float infinity to integer");
  CHECK(repr(molt_round(F(NAN), N())) == "ERR ValueError: cannot convert float NaN to integer");
  CHECK(repr(molt_int(F(-3.9))) == "-3");
  CHECK(repr(molt_int(F(1e20))) == "100000000000000000000");
}
