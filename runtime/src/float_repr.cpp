// float_repr.cpp - CPython-compatible repr() of floats and hash() of floats.
//
// repr uses the shortest digit string that round-trips through strtod
// (binary search over the digit count, candidates derived from one %.16e
// conversion), then lays it out with CPython's
// rules: exponent notation when the decimal exponent is < -4 or >= 16
// ("1e+16", "1e-05"), otherwise positional with at least one fractional
// digit ("1.0", "0.0001"). inf/nan/-0.0 as in Python.
#include <math.h>

#include "internal.h"

// Correctly rounded p-digit form of d (0 < d finite) as "D.DDDe[+-]X"
// into buf, derived from the 17-digit string s17 when that is safe.
static void digits_p(double d, const char *s17digits, int x17, int p, char *buf, size_t cap) {
  // s17digits: 17 significant digits; x17: decimal exponent of the first
  bool tie = s17digits[p] == '5';
  for (int i = p + 1; i < 17 && tie; i++) tie = s17digits[i] == '0';
  if (p < 17 && tie) { // "...5000": rounding the 17-digit string could double-round
    snprintf(buf, cap, "%.*e", p - 1, d);
    return;
  }
  char dig[18];
  memcpy(dig, s17digits, (size_t)p);
  int x = x17;
  if (p < 17 && s17digits[p] >= '5') { // round half up on the string
    int i = p - 1;
    while (i >= 0 && dig[i] == '9') dig[i--] = '0';
    if (i >= 0) {
      dig[i]++;
    } else { // 99..9 -> 100..0
      memmove(dig + 1, dig, (size_t)p - 1);
      dig[0] = '1';
      x++;
    }
  }
  int k = 0;
  buf[k++] = dig[0];
  if (p > 1) {
    buf[k++] = '.';
    for (int i = 1; i < p; i++) buf[k++] = dig[i];
  }
  snprintf(buf + k, cap - (size_t)k, "e%d", x);
}

// Shortest round-trip digits: fills digits (no dot) and returns the decimal
// exponent of the first digit. d must be finite and positive. The number of
// digits is found by binary search (round-tripping is monotonic in p), each
// candidate checked with strtod.
static int shortest_digits(double d, char *digits, int *ndigits) {
  char s17[40];
  snprintf(s17, sizeof s17, "%.16e", d); // D.DDDDDDDDDDDDDDDDe+XX
  char sig[18];
  int k = 0;
  for (const char *q = s17; *q && *q != 'e'; q++)
    if (*q >= '0' && *q <= '9') sig[k++] = *q;
  sig[17] = 0;
  int x17 = atoi(strchr(s17, 'e') + 1);
  char buf[48];
  int lo = 1, hi = 17;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    digits_p(d, sig, x17, mid, buf, sizeof buf);
    if (strtod(buf, nullptr) == d)
      hi = mid;
    else
      lo = mid + 1;
  }
  digits_p(d, sig, x17, lo, buf, sizeof buf);
  k = 0;
  const char *q = buf;
  for (; *q && *q != 'e'; q++)
    if (*q >= '0' && *q <= '9') digits[k++] = *q;
  int exp = atoi(q + 1);
  while (k > 1 && digits[k - 1] == '0') k--; // strip trailing zeros
  digits[k] = 0;
  *ndigits = k;
  return exp;
}

int float_repr_buf(double d, char *out, size_t cap) {
  if (isnan(d)) return snprintf(out, cap, "nan");
  if (isinf(d)) return snprintf(out, cap, d > 0 ? "inf" : "-inf");
  if (d == 0) return snprintf(out, cap, signbit(d) ? "-0.0" : "0.0");
  char digits[40];
  int nd;
  int exp = shortest_digits(fabs(d), digits, &nd);
  char tmp[64];
  int k = 0;
  if (d < 0) tmp[k++] = '-';
  if (exp < -4 || exp >= 16) {
    tmp[k++] = digits[0];
    if (nd > 1) {
      tmp[k++] = '.';
      for (int i = 1; i < nd; i++) tmp[k++] = digits[i];
    }
    k += snprintf(tmp + k, sizeof tmp - (size_t)k, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  } else if (exp < 0) {
    tmp[k++] = '0';
    tmp[k++] = '.';
    for (int i = 0; i < -exp - 1; i++) tmp[k++] = '0';
    for (int i = 0; i < nd; i++) tmp[k++] = digits[i];
  } else {
    for (int i = 0; i <= exp; i++) tmp[k++] = i < nd ? digits[i] : '0';
    tmp[k++] = '.';
    if (nd > exp + 1) {
      for (int i = exp + 1; i < nd; i++) tmp[k++] = digits[i];
    } else {
      tmp[k++] = '0';
    }
  }
  tmp[k] = 0;
  return snprintf(out, cap, "%s", tmp);
}

V float_repr(double d) {
  char buf[64];
  int n = float_repr_buf(d, buf, sizeof buf);
  return str_new_known(buf, n, n, true);
}

// CPython's _Py_HashDouble (without the NaN identity hash: NaN hashes to 0,
// as CPython < 3.10 did; documented in runtime.md).
int64_t float_hash(double v) {
  const uint64_t P = ((uint64_t)1 << 61) - 1;
  if (isinf(v)) return v > 0 ? 314159 : -314159;
  if (isnan(v)) return 0;
  int e;
  double m = frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & P) | x >> (61 - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = (uint64_t)m;
    m -= (double)y;
    x += y;
    if (x >= P) x -= P;
  }
  e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  x = ((x << e) & P) | x >> (61 - e);
  int64_t h = (int64_t)x * sign;
  if (h == -1) h = -2;
  return h;
}
