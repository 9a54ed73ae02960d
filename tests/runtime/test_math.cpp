// test_math.cpp - the math module against CPython 3.11 results/messages.
#include <math.h>

#include "helpers.h"

TEST_CASE("math float functions") {
  CHECK(repr(molt_math_sqrt(I(16))) == "4.0");
  CHECK(repr(molt_math_sqrt(I(-1))) == "ERR ValueError: math domain error");
  CHECK(repr(molt_math_log(I(0), N())) == "ERR ValueError: math domain error");
  CHECK(repr(molt_math_log(I(8), I(2))) == "3.0");
  CHECK(repr(molt_math_log(Val(molt_pow(I(10), I(400))), N())) == "921.0340371976182");
  CHECK(repr(molt_math_log2(I(1024))) == "10.0");
  CHECK(repr(molt_math_log10(F(1e-3))) == "-3.0");
  CHECK(repr(molt_math_exp(I(1000))) == "ERR OverflowError: math range error");
  CHECK(repr(molt_math_exp(I(1))) == "2.718281828459045");
  CHECK(repr(molt_math_sin(F(INFINITY))) == "ERR ValueError: math domain error");
  CHECK(repr(molt_math_tan(F(0.5))) == "0.5463024898437905");
  CHECK(repr(molt_math_acos(I(2))) == "ERR ValueError: math domain error");
  CHECK(repr(molt_math_floor(F(-2.5))) == "-3");
  CHECK(repr(molt_math_ceil(F(2.1))) == "3");
  CHECK(repr(molt_math_trunc(F(-2.7))) == "-2");
  CHECK(repr(molt_math_floor(F(INFINITY))) == "ERR OverflowError: cannot convert float infinity to integer");
  CHECK(repr(molt_math_fabs(I(-3))) == "3.0");
  CHECK(repr(molt_math_pow(I(2), I(10))) == "1024.0");
  CHECK(repr(molt_math_pow(I(0), I(-1))) == "ERR ValueError: math domain error");
  CHECK(repr(molt_math_hypot(I(3), I(4))) == "5.0");
  CHECK(repr(molt_math_atan2(I(1), I(1))) == "0.7853981633974483");
  CHECK(repr(molt_math_copysign(I(1), F(-0.0))) == "-1.0");
  CHECK(repr(molt_math_fmod(I(7), I(-3))) == "1.0");
  CHECK(repr(molt_math_fmod(I(1), I(0))) == "ERR ValueError: math domain error");
  CHECK(repr(molt_math_isclose(F(1.0), F(1.0 + 1e-10), N(), N())) == "True");
  CHECK(repr(molt_math_isnan(F(NAN))) == "True");
  CHECK(repr(molt_math_isinf(F(INFINITY))) == "True");
  CHECK(repr(molt_math_isfinite(F(1.0))) == "True");
  CHECK(repr(molt_math_degrees(F(M_PI))) == "180.0");
  CHECK(repr(molt_math_sqrt(S("x"))) == "ERR TypeError: must be real number, not str");
}

TEST_CASE("math integer functions") {
  CHECK(repr(molt_math_gcd(I(12), I(-18))) == "6");
  CHECK(repr(molt_math_gcd(I(0), I(0))) == "0");
  CHECK(repr(molt_math_factorial(I(20))) == "2432902008176640000");
  CHECK(repr(molt_math_factorial(I(30))) == "265252859812191058636308480000000");
  CHECK(repr(molt_math_factorial(I(-1))) == "ERR ValueError: factorial() not defined for negative values");
  CHECK(repr(molt_math_factorial(F(1.5))) == "ERR TypeError: 'float' object cannot be interpreted as an integer");
  CHECK(repr(molt_math_comb(I(10), I(3))) == "120");
  CHECK(repr(molt_math_comb(I(3), I(5))) == "0");
  CHECK(repr(molt_math_perm(I(5), I(2))) == "20");
  CHECK(repr(molt_math_perm(I(5), N())) == "120");
  CHECK(repr(molt_math_prod(L({I(1), I(2), I(3), I(4)}), N())) == "24");
  CHECK(repr(molt_math_fsum(L({F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1)}))) == "1.0");
  CHECK(repr(molt_sum(L({F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1)}), N())) ==
        "0.9999999999999999");
}

TEST_CASE("math constants") {
  CHECK(repr(F(MOLT_MATH_PI)) == "3.141592653589793");
  CHECK(repr(F(MOLT_MATH_E)) == "2.718281828459045");
  CHECK(repr(F(MOLT_MATH_TAU)) == "6.283185307179586");
  CHECK(repr(Val(MOLT_CANONICAL_NAN)) == "nan");
}
