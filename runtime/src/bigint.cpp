// bigint.cpp - Python ints: 48-bit inline small ints plus heap big integers.
//
// Heap bigints store a sign and a little-endian magnitude in base 2**32.
// Every operation has a small-int fast path; results are normalised so that
// any value that fits the small range is returned as a small int (see the
// invariant in value_layout.h). Algorithms: schoolbook add/sub/mul, Knuth
// algorithm D for division (Hacker's Delight divmnu), repeated division by
// 10**9 for decimal output. Semantics follow CPython 3.11 (floor division,
// two's-complement bitwise ops, the 4300-digit str conversion limit).
#include <math.h>

#include "internal.h"

static const int64_t kMaxStrDigits = 4300;

namespace {

struct Mag {
  const uint32_t *d;
  int64_t n;
  int sign; // -1, 0, 1
  uint32_t buf[2];
};

void load(V v, Mag *m) {
  v = norm_bool(v);
  if (molt_is_smallint(v)) {
    int64_t x = molt_unbox_smallint(v);
    uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    m->sign = x < 0 ? -1 : (x > 0);
    m->buf[0] = (uint32_t)u;
    m->buf[1] = (uint32_t)(u >> 32);
    m->n = u == 0 ? 0 : (m->buf[1] ? 2 : 1);
    m->d = m->buf;
  } else {
    BigInt *b = AS(BigInt, v);
    m->sign = b->size < 0 ? -1 : 1;
    m->n = b->size < 0 ? -(int64_t)b->size : b->size;
    m->d = b->d;
  }
}

uint32_t *alloc_limbs(int64_t n) { return (uint32_t *)calloc((size_t)(n > 0 ? n : 1), 4); }

int64_t trim(const uint32_t *d, int64_t n) {
  while (n > 0 && d[n - 1] == 0) n--;
  return n;
}

// Builds a normalised int from a magnitude (copied).
V make_int(const uint32_t *d, int64_t n, int sign) {
  n = trim(d, n);
  if (n == 0) return molt_box_smallint(0);
  if (n <= 2) {
    uint64_t u = d[0] | (n == 2 ? (uint64_t)d[1] << 32 : 0);
    if (u <= (uint64_t)MOLT_SMALLINT_MAX + (sign < 0 ? 1 : 0))
      return molt_box_smallint(sign < 0 ? (int64_t)(0 - u) : (int64_t)u);
  }
  if (n > INT32_MAX / 2) return err_fmt(MOLT_EXC_OVERFLOW_ERROR, "int too large");
  BigInt *b = (BigInt *)molt_alloc_object(offsetof(BigInt, d) + 4 * (size_t)n, MOLT_TYPE_INT);
  b->size = (int32_t)(sign < 0 ? -n : n);
  memcpy(b->d, d, 4 * (size_t)n);
  return BOX(b);
}
V make_owned(uint32_t *d, int64_t n, int sign) {
  V r = make_int(d, n, sign);
  free(d);
  return r;
}

int mag_cmp(const uint32_t *a, int64_t na, const uint32_t *b, int64_t nb) {
  if (na != nb) return na < nb ? -1 : 1;
  for (int64_t i = na - 1; i >= 0; i--)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}
// out: max(na,nb)+1 limbs
int64_t mag_add(const uint32_t *a, int64_t na, const uint32_t *b, int64_t nb, uint32_t *out) {
  if (na < nb) {
    const uint32_t *t = a; a = b; b = t;
    int64_t tn = na; na = nb; nb = tn;
  }
  uint64_t c = 0;
  int64_t i = 0;
  for (; i < nb; i++) {
    c += (uint64_t)a[i] + b[i];
    out[i] = (uint32_t)c;
    c >>= 32;
  }
  for (; i < na; i++) {
    c += a[i];
    out[i] = (uint32_t)c;
    c >>= 32;
  }
  out[i] = (uint32_t)c;
  return na + 1;
}
// requires a >= b; out: na limbs
void mag_sub(const uint32_t *a, int64_t na, const uint32_t *b, int64_t nb, uint32_t *out) {
  int64_t borrow = 0;
  int64_t i = 0;
  for (; i < nb; i++) {
    int64_t t = (int64_t)a[i] - b[i] - borrow;
    out[i] = (uint32_t)t;
    borrow = t < 0;
  }
  for (; i < na; i++) {
    int64_t t = (int64_t)a[i] - borrow;
    out[i] = (uint32_t)t;
    borrow = t < 0;
  }
}
void mag_mul_school(const uint32_t *a, int64_t na, const uint32_t *b, int64_t nb, uint32_t *out) {
  memset(out, 0, 4 * (size_t)(na + nb));
  for (int64_t i = 0; i < na; i++) {
    uint64_t c = 0, ai = a[i];
    if (!ai) continue;
    for (int64_t j = 0; j < nb; j++) {
      c += ai * b[j] + out[i + j];
      out[i + j] = (uint32_t)c;
      c >>= 32;
    }
    out[i + nb] = (uint32_t)c;
  }
}
// out[0..n) += x[0..nx) (nx <= n), propagating the carry through out.
void mag_add_into(uint32_t *out, int64_t n, const uint32_t *x, int64_t nx) {
  uint64_t c = 0;
  int64_t i = 0;
  for (; i < nx; i++) {
    c += (uint64_t)out[i] + x[i];
    out[i] = (uint32_t)c;
    c >>= 32;
  }
  for (; c && i < n; i++) {
    c += out[i];
    out[i] = (uint32_t)c;
    c >>= 32;
  }
}
// x[0..nx) -= y[0..ny), requires x >= y
void mag_sub_into(uint32_t *x, int64_t nx, const uint32_t *y, int64_t ny) {
  int64_t borrow = 0, i = 0;
  for (; i < ny; i++) {
    int64_t t = (int64_t)x[i] - y[i] - borrow;
    x[i] = (uint32_t)t;
    borrow = t < 0;
  }
  for (; borrow && i < nx; i++) {
    int64_t t = (int64_t)x[i] - borrow;
    x[i] = (uint32_t)t;
    borrow = t < 0;
  }
}

const int64_t kKaratsubaCutoff = 40; // limbs

// Karatsuba multiplication; out has na+nb limbs and is fully written.
void mag_mul(const uint32_t *a, int64_t na, const uint32_t *b, int64_t nb, uint32_t *out) {
  if (na < nb) {
    const uint32_t *t = a; a = b; b = t;
    int64_t tn = na; na = nb; nb = tn;
  }
  if (nb < kKaratsubaCutoff) {
    mag_mul_school(a, na, b, nb, out);
    return;
  }
  if (2 * nb <= na) { // unbalanced: multiply nb-sized slices of a
    memset(out, 0, 4 * (size_t)(na + nb));
    uint32_t *tmp = alloc_limbs(2 * nb);
    for (int64_t i = 0; i < na; i += nb) {
      int64_t len = na - i < nb ? na - i : nb;
      mag_mul(a + i, len, b, nb, tmp);
      mag_add_into(out + i, na + nb - i, tmp, len + nb);
    }
    free(tmp);
    return;
  }
  int64_t h = (na + 1) / 2; // nb >= h here
  const uint32_t *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
  int64_t na0 = h, na1 = na - h, nb0 = h, nb1 = nb - h;
  // z0 = a0*b0 -> out[0..2h), z2 = a1*b1 -> out[2h..na+nb)
  mag_mul(a0, na0, b0, nb0, out);
  memset(out + 2 * h, 0, 4 * (size_t)(na + nb - 2 * h));
  if (nb1 > 0) mag_mul(a1, na1, b1, nb1, out + 2 * h);
  // z1 = (a0+a1)(b0+b1) - z0 - z2
  uint32_t *sa = alloc_limbs(h + 1), *sb = alloc_limbs(h + 1);
  mag_add(a0, na0, a1, na1, sa);
  if (nb1 > 0) mag_add(b0, nb0, b1, nb1, sb);
  else memcpy(sb, b0, 4 * (size_t)nb0);
  int64_t nz1 = 2 * h + 2;
  uint32_t *z1 = alloc_limbs(nz1);
  mag_mul(sa, h + 1, sb, h + 1, z1);
  mag_sub_into(z1, nz1, out, 2 * h);
  if (nb1 > 0) mag_sub_into(z1, nz1, out + 2 * h, na1 + nb1);
  mag_add_into(out + h, na + nb - h, z1, trim(z1, nz1));
  free(sa);
  free(sb);
  free(z1);
}

uint32_t mag_divsmall(const uint32_t *a, int64_t n, uint32_t d, uint32_t *q) {
  uint64_t r = 0;
  for (int64_t i = n - 1; i >= 0; i--) {
    uint64_t cur = (r << 32) | a[i];
    q[i] = (uint32_t)(cur / d);
    r = cur % d;
  }
  return (uint32_t)r;
}
// q: na-nb+1 limbs, r: nb limbs. Requires na >= nb >= 1, b[nb-1] != 0.
void mag_divmod(const uint32_t *a, int64_t na, const uint32_t *b, int64_t nb, uint32_t *q, uint32_t *r) {
  if (nb == 1) {
    r[0] = mag_divsmall(a, na, b[0], q);
    return;
  }
  int s = __builtin_clz(b[nb - 1]);
  uint32_t *vn = alloc_limbs(nb), *un = alloc_limbs(na + 1);
  for (int64_t i = nb - 1; i > 0; i--) vn[i] = (b[i] << s) | (s ? (uint32_t)((uint64_t)b[i - 1] >> (32 - s)) : 0);
  vn[0] = b[0] << s;
  un[na] = s ? (uint32_t)((uint64_t)a[na - 1] >> (32 - s)) : 0;
  for (int64_t i = na - 1; i > 0; i--) un[i] = (a[i] << s) | (s ? (uint32_t)((uint64_t)a[i - 1] >> (32 - s)) : 0);
  un[0] = a[0] << s;
  const uint64_t B = (uint64_t)1 << 32;
  for (int64_t j = na - nb; j >= 0; j--) {
    uint64_t num = ((uint64_t)un[j + nb] << 32) | un[j + nb - 1];
    uint64_t qhat = num / vn[nb - 1], rhat = num % vn[nb - 1];
    while (qhat >= B || qhat * vn[nb - 2] > ((rhat << 32) | un[j + nb - 2])) {
      qhat--;
      rhat += vn[nb - 1];
      if (rhat >= B) break;
    }
    int64_t k = 0, t;
    for (int64_t i = 0; i < nb; i++) {
      uint64_t p = qhat * vn[i];
      t = (int64_t)un[i + j] - k - (int64_t)(p & 0xFFFFFFFFu);
      un[i + j] = (uint32_t)t;
      k = (int64_t)(p >> 32) - (t >> 32);
    }
    t = (int64_t)un[j + nb] - k;
    un[j + nb] = (uint32_t)t;
    q[j] = (uint32_t)qhat;
    if (t < 0) {
      q[j]--;
      uint64_t c = 0;
      for (int64_t i = 0; i < nb; i++) {
        c += (uint64_t)un[i + j] + vn[i];
        un[i + j] = (uint32_t)c;
        c >>= 32;
      }
      un[j + nb] += (uint32_t)c;
    }
  }
  for (int64_t i = 0; i < nb - 1; i++) r[i] = (un[i] >> s) | (s ? (uint32_t)((uint64_t)un[i + 1] << (32 - s)) : 0);
  r[nb - 1] = un[nb - 1] >> s;
  free(vn);
  free(un);
}

// signed add of magnitudes: (sa*A) + (sb*B)
V signed_add(const Mag &a, const Mag &b, int bsign) {
  if (a.sign == 0) return make_int(b.d, b.n, bsign);
  if (b.n == 0) return make_int(a.d, a.n, a.sign);
  if (a.sign == bsign) {
    int64_t n = (a.n > b.n ? a.n : b.n) + 1;
    uint32_t *out = alloc_limbs(n);
    mag_add(a.d, a.n, b.d, b.n, out);
    return make_owned(out, n, a.sign);
  }
  int c = mag_cmp(a.d, a.n, b.d, b.n);
  if (c == 0) return molt_box_smallint(0);
  if (c > 0) {
    uint32_t *out = alloc_limbs(a.n);
    mag_sub(a.d, a.n, b.d, b.n, out);
    return make_owned(out, a.n, a.sign);
  }
  uint32_t *out = alloc_limbs(b.n);
  mag_sub(b.d, b.n, a.d, a.n, out);
  return make_owned(out, b.n, bsign);
}

// floor divmod; want_q/want_r select outputs (new refs)
int big_divmod(V av, V bv, V *qo, V *ro) {
  Mag a, b;
  load(av, &a);
  load(bv, &b);
  if (b.sign == 0) {
    err_fmt(MOLT_EXC_ZERO_DIVISION_ERROR, "integer division or modulo by zero");
    return -1;
  }
  if (a.sign == 0 || mag_cmp(a.d, a.n, b.d, b.n) < 0) {
    // |a| < |b|: Q = 0, R = A
    if (a.sign == 0 || a.sign == b.sign) {
      if (qo) *qo = molt_box_smallint(0);
      if (ro) *ro = make_int(a.d, a.n, a.sign);
    } else {
      if (qo) *qo = molt_box_smallint(-1);
      if (ro) { // r = sb * (B - A)
        uint32_t *out = alloc_limbs(b.n);
        mag_sub(b.d, b.n, a.d, a.n, out);
        *ro = make_owned(out, b.n, b.sign);
      }
    }
    return 0;
  }
  int64_t nq = a.n - b.n + 1;
  uint32_t *q = alloc_limbs(nq + 1), *r = alloc_limbs(b.n);
  mag_divmod(a.d, a.n, b.d, b.n, q, r);
  int64_t nr = trim(r, b.n);
  if (a.sign == b.sign || nr == 0) {
    if (qo) *qo = make_int(q, nq, a.sign * b.sign);
    if (ro) *ro = make_int(r, nr, a.sign);
  } else {
    if (qo) { // -(Q+1)
      uint64_t c = 1;
      for (int64_t i = 0; i <= nq && c; i++) {
        c += q[i];
        q[i] = (uint32_t)c;
        c >>= 32;
      }
      *qo = make_int(q, nq + 1, -1);
    }
    if (ro) {
      uint32_t *out = alloc_limbs(b.n);
      mag_sub(b.d, b.n, r, nr, out);
      *ro = make_owned(out, b.n, b.sign);
    }
  }
  free(q);
  free(r);
  return 0;
}

static inline int64_t floordiv64(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}
static inline int64_t mod64(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

// two's complement of |m| in n limbs (n > m.n) for bitwise ops
uint32_t *to_twos(const Mag &m, int64_t n) {
  uint32_t *t = alloc_limbs(n);
  for (int64_t i = 0; i < m.n; i++) t[i] = m.d[i];
  if (m.sign < 0) {
    uint64_t c = 1;
    for (int64_t i = 0; i < n; i++) {
      c += (uint32_t)~t[i];
      t[i] = (uint32_t)c;
      c >>= 32;
    }
  }
  return t;
}
V from_twos(uint32_t *t, int64_t n) {
  if (t[n - 1] & 0x80000000u) {
    uint64_t c = 1;
    for (int64_t i = 0; i < n; i++) {
      c += (uint32_t)~t[i];
      t[i] = (uint32_t)c;
      c >>= 32;
    }
    return make_owned(t, n, -1);
  }
  return make_owned(t, n, 1);
}
V bitop(V av, V bv, char op) {
  Mag a, b;
  load(av, &a);
  load(bv, &b);
  int64_t n = (a.n > b.n ? a.n : b.n) + 1;
  uint32_t *x = to_twos(a, n), *y = to_twos(b, n);
  for (int64_t i = 0; i < n; i++) x[i] = op == '&' ? (x[i] & y[i]) : op == '|' ? (x[i] | y[i]) : (x[i] ^ y[i]);
  free(y);
  return from_twos(x, n);
}

} // namespace

// ---- public int operations ----------------------------------------------------

V int_from_i64(int64_t i) {
  if (molt_fits_smallint(i)) return molt_box_smallint(i);
  uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
  uint32_t d[2] = {(uint32_t)u, (uint32_t)(u >> 32)};
  return make_int(d, 2, i < 0 ? -1 : 1);
}
extern "C" MoltValue molt_int_from_i64(int64_t i) { return int_from_i64(i); }
extern "C" MoltValue molt_int_from_u64(uint64_t u) {
  uint32_t d[2] = {(uint32_t)u, (uint32_t)(u >> 32)};
  return make_int(d, 2, 1);
}

bool int_fits_i64(V v, int64_t *out) {
  v = norm_bool(v);
  if (molt_is_smallint(v)) {
    *out = molt_unbox_smallint(v);
    return true;
  }
  Mag m;
  load(v, &m);
  if (m.n > 2) return false;
  uint64_t u = m.d[0] | (m.n == 2 ? (uint64_t)m.d[1] << 32 : 0);
  if (m.sign > 0) {
    if (u > (uint64_t)INT64_MAX) return false;
    *out = (int64_t)u;
  } else {
    if (u > (uint64_t)INT64_MAX + 1) return false;
    *out = (int64_t)(0 - u);
  }
  return true;
}
extern "C" int64_t molt_int_as_i64(MoltValue v) {
  int64_t r;
  if (!is_intlike(v)) {
    err_fmt(MOLT_EXC_TYPE_ERROR, "'%s' object cannot be interpreted as an integer", tname(v));
    return -1;
  }
  if (!int_fits_i64(v, &r)) {
    err_fmt(MOLT_EXC_OVERFLOW_ERROR, "Python int too large to convert to C long");
    return -1;
  }
  return r;
}

int int_sign(V v) {
  Mag m;
  load(v, &m);
  return m.sign;
}

V int_add(V a, V b) {
  a = norm_bool(a);
  b = norm_bool(b);
  if (molt_is_smallint(a) && molt_is_smallint(b)) return int_from_i64(molt_unbox_smallint(a) + molt_unbox_smallint(b));
  Mag x, y;
  load(a, &x);
  load(b, &y);
  return signed_add(x, y, y.sign);
}
V int_sub(V a, V b) {
  a = norm_bool(a);
  b = norm_bool(b);
  if (molt_is_smallint(a) && molt_is_smallint(b)) return int_from_i64(molt_unbox_smallint(a) - molt_unbox_smallint(b));
  Mag x, y;
  load(a, &x);
  load(b, &y);
  return signed_add(x, y, -y.sign);
}
V int_mul(V a, V b) {
  a = norm_bool(a);
  b = norm_bool(b);
  if (molt_is_smallint(a) && molt_is_smallint(b)) {
    int64_t r;
    if (!__builtin_mul_overflow(molt_unbox_smallint(a), molt_unbox_smallint(b), &r)) return int_from_i64(r);
  }
  Mag x, y;
  load(a, &x);
  load(b, &y);
  if (x.sign == 0 || y.sign == 0) return molt_box_smallint(0);
  uint32_t *out = alloc_limbs(x.n + y.n);
  mag_mul(x.d, x.n, y.d, y.n, out);
  return make_owned(out, x.n + y.n, x.sign * y.sign);
}
V int_floordiv(V a, V b) {
  a = norm_bool(a);
  b = norm_bool(b);
  if (molt_is_smallint(a) && molt_is_smallint(b)) {
    int64_t y = molt_unbox_smallint(b);
    if (y == 0) return err_fmt(MOLT_EXC_ZERO_DIVISION_ERROR, "integer division or modulo by zero");
    return int_from_i64(floordiv64(molt_unbox_smallint(a), y));
  }
  V q;
  if (big_divmod(a, b, &q, nullptr) < 0) return MOLT_NULL;
  return q;
}
V int_mod(V a, V b) {
  a = norm_bool(a);
  b = norm_bool(b);
  if (molt_is_smallint(a) && molt_is_smallint(b)) {
    int64_t y = molt_unbox_smallint(b);
    if (y == 0) return err_fmt(MOLT_EXC_ZERO_DIVISION_ERROR, "integer modulo by zero");
    return int_from_i64(mod64(molt_unbox_smallint(a), y));
  }
  if (int_sign(b) == 0) return err_fmt(MOLT_EXC_ZERO_DIVISION_ERROR, "integer modulo by zero");
  V r;
  if (big_divmod(a, b, nullptr, &r) < 0) return MOLT_NULL;
  return r;
}
V int_divmod(V a, V b) {
  V q, r;
  if (big_divmod(a, b, &q, &r) < 0) return MOLT_NULL;
  V t = tuple_new(2);
  TUPLE(t)->items[0] = q;
  TUPLE(t)->items[1] = r;
  return t;
}
V int_neg(V a) {
  a = norm_bool(a);
  if (molt_is_smallint(a)) return int_from_i64(-molt_unbox_smallint(a));
  Mag x;
  load(a, &x);
  return make_int(x.d, x.n, -x.sign);
}
V int_invert(V a) { // ~a == -(a+1)
  V t = int_add(a, molt_box_smallint(1));
  V r = int_neg(t);
  decref(t);
  return r;
}
int int_cmp(V a, V b) {
  a = norm_bool(a);
  b = norm_bool(b);
  if (molt_is_smallint(a) && molt_is_smallint(b)) {
    int64_t x = molt_unbox_smallint(a), y = molt_unbox_smallint(b);
    return x < y ? -1 : x > y;
  }
  Mag x, y;
  load(a, &x);
  load(b, &y);
  if (x.sign != y.sign) return x.sign < y.sign ? -1 : 1;
  int c = mag_cmp(x.d, x.n, y.d, y.n);
  return x.sign < 0 ? -c : c;
}
int64_t int_bit_length(V a) {
  Mag x;
  load(a, &x);
  if (x.n == 0) return 0;
  return (x.n - 1) * 32 + (32 - __builtin_clz(x.d[x.n - 1]));
}

V int_lshift(V a, V b) {
  a = norm_bool(a);
  b = norm_bool(b);
  if (int_sign(b) < 0) return err_fmt(MOLT_EXC_VALUE_ERROR, "negative shift count");
  Mag x;
  load(a, &x);
  if (x.sign == 0) return molt_box_smallint(0);
  int64_t sh;
  if (!int_fits_i64(b, &sh) || sh > ((int64_t)1 << 36)) return err_fmt(MOLT_EXC_OVERFLOW_ERROR, "too many digits in integer");
  if (molt_is_smallint(a) && sh < 16) return int_from_i64(molt_unbox_smallint(a) * ((int64_t)1 << sh));
  int64_t limbs = sh / 32, bits = sh % 32;
  int64_t n = x.n + limbs + 1;
  uint32_t *out = alloc_limbs(n);
  for (int64_t i = 0; i < x.n; i++) {
    uint64_t v = (uint64_t)x.d[i] << bits;
    out[i + limbs] |= (uint32_t)v;
    out[i + limbs + 1] |= (uint32_t)(v >> 32);
  }
  return make_owned(out, n, x.sign);
}
V int_rshift(V a, V b) {
  a = norm_bool(a);
  b = norm_bool(b);
  if (int_sign(b) < 0) return err_fmt(MOLT_EXC_VALUE_ERROR, "negative shift count");
  int64_t sh;
  if (!int_fits_i64(b, &sh) || sh > ((int64_t)1 << 40)) sh = (int64_t)1 << 40;
  if (molt_is_smallint(a)) {
    int64_t x = molt_unbox_smallint(a);
    return molt_box_smallint(sh >= 63 ? (x < 0 ? -1 : 0) : (x >> sh));
  }
  Mag x;
  load(a, &x);
  // negative: -(((|a|-1) >> sh) + 1)
  uint32_t *m = alloc_limbs(x.n);
  memcpy(m, x.d, 4 * (size_t)x.n);
  if (x.sign < 0) {
    for (int64_t i = 0; i < x.n; i++)
      if (m[i]-- != 0) break;
  }
  int64_t limbs = sh / 32, bits = sh % 32;
  int64_t n = x.n - limbs;
  if (n <= 0) {
    free(m);
    return molt_box_smallint(x.sign < 0 ? -1 : 0);
  }
  uint32_t *out = alloc_limbs(n + 1);
  for (int64_t i = 0; i < n; i++) {
    uint64_t lo = m[i + limbs], hi = (i + limbs + 1 < x.n) ? m[i + limbs + 1] : 0;
    out[i] = (uint32_t)(((hi << 32) | lo) >> bits);
  }
  free(m);
  if (x.sign < 0) {
    uint64_t c = 1;
    for (int64_t i = 0; i <= n && c; i++) {
      c += out[i];
      out[i] = (uint32_t)c;
      c >>= 32;
    }
    return make_owned(out, n + 1, -1);
  }
  return make_owned(out, n, 1);
}
V int_and(V a, V b) {
  if (molt_is_smallint(norm_bool(a)) && molt_is_smallint(norm_bool(b)))
    return molt_box_smallint(molt_unbox_smallint(norm_bool(a)) & molt_unbox_smallint(norm_bool(b)));
  return bitop(a, b, '&');
}
V int_or(V a, V b) {
  if (molt_is_smallint(norm_bool(a)) && molt_is_smallint(norm_bool(b)))
    return molt_box_smallint(molt_unbox_smallint(norm_bool(a)) | molt_unbox_smallint(norm_bool(b)));
  return bitop(a, b, '|');
}
V int_xor(V a, V b) {
  if (molt_is_smallint(norm_bool(a)) && molt_is_smallint(norm_bool(b)))
    return molt_box_smallint(molt_unbox_smallint(norm_bool(a)) ^ molt_unbox_smallint(norm_bool(b)));
  return bitop(a, b, '^');
}

V int_pow(V a, V b) { // b >= 0 int
  a = norm_bool(a);
  b = norm_bool(b);
  int64_t e;
  if (!int_fits_i64(b, &e)) {
    Mag m;
    load(a, &m);
    if (m.n == 0 || (m.n == 1 && m.d[0] == 1)) {
      if (m.sign < 0 && (int_sign(int_and(b, molt_box_smallint(1))) != 0)) return molt_box_smallint(-1);
      return molt_box_smallint(m.sign < 0 ? 1 : m.sign);
    }
    return err_fmt(MOLT_EXC_OVERFLOW_ERROR, "exponent too large");
  }
  V result = molt_box_smallint(1), base = incref(a);
  while (e > 0) {
    if (e & 1) {
      V t = int_mul(result, base);
      decref(result);
      result = t;
    }
    e >>= 1;
    if (e) {
      V t = int_mul(base, base);
      decref(base);
      base = t;
    }
  }
  decref(base);
  return result;
}

extern "C" MoltValue molt_pow3(MoltValue a, MoltValue b, MoltValue m) {
  if (!is_intlike(a) || !is_intlike(b) || !is_intlike(m))
    return err_fmt(MOLT_EXC_TYPE_ERROR, "pow() 3rd argument not allowed unless all arguments are integers");
  if (int_sign(m) == 0) return err_fmt(MOLT_EXC_VALUE_ERROR, "pow() 3rd argument cannot be 0");
  if (int_sign(b) < 0) return err_fmt(MOLT_EXC_VALUE_ERROR, "base is not invertible for the given modulus");
  V result = molt_box_smallint(1), base = int_mod(a, m);
  V e = incref(norm_bool(b));
  while (int_sign(e) > 0) {
    V bit = int_and(e, molt_box_smallint(1));
    if (int_sign(bit)) {
      V t = int_mul(result, base);
      decref(result);
      result = int_mod(t, m);
      decref(t);
    }
    V e2 = int_rshift(e, molt_box_smallint(1));
    decref(e);
    e = e2;
    V t = int_mul(base, base);
    decref(base);
    base = int_mod(t, m);
    decref(t);
  }
  decref(e);
  decref(base);
  V r = int_mod(result, m);
  decref(result);
  return r;
}

// ---- conversions --------------------------------------------------------------

double int_to_double(V a, bool *overflow) {
  *overflow = false;
  a = norm_bool(a);
  if (molt_is_smallint(a)) return (double)molt_unbox_smallint(a);
  Mag x;
  load(a, &x);
  int64_t nbits = int_bit_length(a);
  if (nbits > 1024) {
    *overflow = true;
    return 0;
  }
  if (nbits <= 64) {
    uint64_t u = x.d[0] | (x.n > 1 ? (uint64_t)x.d[1] << 32 : 0);
    return x.sign < 0 ? -(double)u : (double)u;
  }
  // top 64 bits with a sticky bit, then scale
  int64_t shift = nbits - 64;
  uint64_t top = 0;
  bool sticky = false;
  for (int64_t bit = nbits - 1, k = 63; k >= 0; bit--, k--) {
    uint64_t bv = (x.d[bit / 32] >> (bit % 32)) & 1;
    top |= bv << k;
  }
  for (int64_t i = 0; i < shift / 32 && !sticky; i++) sticky = x.d[i] != 0;
  if (!sticky && shift % 32) sticky = (x.d[shift / 32] & ((1u << (shift % 32)) - 1)) != 0;
  if (sticky) top |= 1;
  double r = ldexp((double)top, (int)shift);
  if (isinf(r)) {
    *overflow = true;
    return 0;
  }
  return x.sign < 0 ? -r : r;
}
extern "C" double molt_int_as_double(MoltValue v) {
  bool ov;
  double d = int_to_double(v, &ov);
  if (ov) err_fmt(MOLT_EXC_OVERFLOW_ERROR, "int too large to convert to float");
  return d;
}

V int_from_double(double d) {
  d = trunc(d);
  if (fabs(d) < 9.0e15) return int_from_i64((int64_t)d);
  int e;
  double m = frexp(fabs(d), &e); // d = m * 2^e, m in [0.5,1)
  uint64_t mant = (uint64_t)ldexp(m, 53);
  uint32_t md[2] = {(uint32_t)mant, (uint32_t)(mant >> 32)};
  V mv = make_int(md, 2, d < 0 ? -1 : 1);
  V r = int_lshift(mv, molt_box_smallint(e - 53));
  decref(mv);
  return r;
}

int int_cmp_double(V a, double d) {
  if (isinf(d)) return d > 0 ? -1 : 1;
  double fl = floor(d);
  V iv = int_from_double(fl);
  int c = int_cmp(a, iv);
  decref(iv);
  if (c != 0) return c;
  return fl == d ? 0 : -1; // a == floor(d) < d
}

V int_truediv(V a, V b) {
  a = norm_bool(a);
  b = norm_bool(b);
  if (int_sign(b) == 0) return err_fmt(MOLT_EXC_ZERO_DIVISION_ERROR, "division by zero");
  if (molt_is_smallint(a) && molt_is_smallint(b)) {
    int64_t x = molt_unbox_smallint(a), y = molt_unbox_smallint(b);
    const int64_t lim = (int64_t)1 << 53;
    if (x > -lim && x < lim && y > -lim && y < lim) return molt_box_double((double)x / (double)y);
  }
  int sign = int_sign(a) * int_sign(b);
  if (sign == 0) return molt_box_double(int_sign(b) < 0 ? -0.0 : 0.0); // 0 / -n is -0.0
  V A = int_sign(a) < 0 ? int_neg(a) : incref(a);
  V B = int_sign(b) < 0 ? int_neg(b) : incref(b);
  int64_t shift = 55 - (int_bit_length(A) - int_bit_length(B));
  V num, den;
  if (shift >= 0) {
    V sh = int_from_i64(shift);
    num = int_lshift(A, sh);
    decref(sh);
    den = incref(B);
  } else {
    V sh = int_from_i64(-shift);
    num = incref(A);
    den = int_lshift(B, sh);
    decref(sh);
  }
  V q, r;
  big_divmod(num, den, &q, &r);
  int64_t qi = 0;
  int_fits_i64(q, &qi);
  if (int_sign(r) != 0) qi |= 1;
  decref(q);
  decref(r);
  decref(num);
  decref(den);
  decref(A);
  decref(B);
  if (-shift > 1100) return err_fmt(MOLT_EXC_OVERFLOW_ERROR, "integer division result too large for a float");
  double res = ldexp((double)qi, (int)-shift);
  if (isinf(res)) return err_fmt(MOLT_EXC_OVERFLOW_ERROR, "integer division result too large for a float");
  return molt_box_double(sign < 0 ? -res : res);
}

int64_t int_hash(V a) {
  a = norm_bool(a);
  const uint64_t P = ((uint64_t)1 << 61) - 1;
  if (molt_is_smallint(a)) {
    int64_t x = molt_unbox_smallint(a);
    uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    int64_t h = (int64_t)(u % P);
    if (x < 0) h = -h;
    return h == -1 ? -2 : h;
  }
  Mag m;
  load(a, &m);
  uint64_t x = 0;
  for (int64_t i = m.n - 1; i >= 0; i--) {
    x = ((x << 32) & P) | (x >> 29);
    x += m.d[i];
    if (x >= P) x -= P;
  }
  int64_t h = (int64_t)x;
  if (m.sign < 0) h = -h;
  return h == -1 ? -2 : h;
}

// ---- str conversions ------------------------------------------------------------

static V int_to_str_general(V a, int base);
V int_to_str(V a, int base) {
  a = norm_bool(a);
  if (!MOLT_SPEED_PATHS && base == 10 && molt_is_smallint(a)) { // one digit per division, no tables
    char tmp[24], *end = tmp + sizeof tmp, *p = end;
    int64_t x = molt_unbox_smallint(a);
    uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    do {
      *--p = (char)('0' + u % 10);
      u /= 10;
    } while (u);
    if (x < 0) *--p = '-';
    return str_new_known(p, end - p, end - p, true);
  }
  if (base == 10 && molt_is_smallint(a)) {
    // str(i) is hot (string building): the digits go straight into the new
    // str, written backwards from its end, two per division (half the
    // dependent multiply chain); no snprintf, no buffer copy.
    static const char kPairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                 "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                 "8081828384858687888990919293949596979899";
    int64_t x = molt_unbox_smallint(a);
    uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    if (x >= 0 && u < 10) return str_ascii_char((char)('0' + u)); // interned
    // Digits of u >= 1 from its bit length: floor(log10(u)) is t or t - 1
    // for t = bits * log10(2) (1233 / 4096), and one comparison tells which.
    static const uint64_t kPow10[16] = {1ull,          10ull,          100ull,          1000ull,
                                        10000ull,      100000ull,      1000000ull,      10000000ull,
                                        100000000ull,  1000000000ull,  10000000000ull,  100000000000ull,
                                        1000000000000ull, 10000000000000ull, 100000000000000ull,
                                        1000000000000000ull};
    int t = ((64 - __builtin_clzll(u)) * 1233) >> 12; // |x| <= 2**47: t <= 14
    int k = t - (u < kPow10[t]) + 1 + (x < 0);
    Str *o = str_new_raw(k, k, true);
    char *p = o->data + k;
    while (u >= 100) {
      unsigned r = (unsigned)(u % 100);
      u /= 100;
      p -= 2;
      memcpy(p, kPairs + 2 * r, 2);
    }
    if (u >= 10) {
      p -= 2;
      memcpy(p, kPairs + 2 * u, 2);
    } else {
      *--p = (char)('0' + u);
    }
    if (x < 0) *--p = '-';
    return BOX(o);
  }
  return int_to_str_general(a, base);
}

// Any base, any size. Kept out of int_to_str so that str(small int) does not
// pay for this frame.
__attribute__((noinline)) static V int_to_str_general(V a, int base) {
  Mag m;
  load(a, &m);
  if (m.n == 0) return molt_str_from_cstr("0");
  Buf b;
  if (base == 10) {
    // quick size check: digits >= nbits*log10(2)
    int64_t nbits = int_bit_length(a);
    if ((double)(nbits - 1) * 0.30102999566398 > (double)kMaxStrDigits + 1)
      return err_fmt(MOLT_EXC_VALUE_ERROR,
                     "Exceeds the limit (%d digits) for integer string conversion; use "
                     "sys.set_int_max_str_digits() to increase the limit",
                     (int)kMaxStrDigits);
    uint32_t *q = alloc_limbs(m.n);
    memcpy(q, m.d, 4 * (size_t)m.n);
    int64_t n = m.n;
    int64_t nchunks = 0, capchunks = n * 2 + 2;
    uint32_t *chunks = alloc_limbs(capchunks);
    while (n > 0) {
      chunks[nchunks++] = mag_divsmall(q, n, 1000000000u, q);
      n = trim(q, n);
    }
    free(q);
    char tmp[16];
    if (m.sign < 0) b.putc('-');
    int k = snprintf(tmp, sizeof tmp, "%u", chunks[nchunks - 1]);
    b.put(tmp, k);
    for (int64_t i = nchunks - 2; i >= 0; i--) {
      k = snprintf(tmp, sizeof tmp, "%09u", chunks[i]);
      b.put(tmp, k);
    }
    free(chunks);
    if (b.n - (m.sign < 0) > kMaxStrDigits) {
      b.free_();
      return err_fmt(MOLT_EXC_VALUE_ERROR,
                     "Exceeds the limit (%d digits) for integer string conversion; use "
                     "sys.set_int_max_str_digits() to increase the limit",
                     (int)kMaxStrDigits);
    }
    return b.take_str();
  }
  int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
  int64_t nbits = int_bit_length(a);
  int64_t ndig = (nbits + bits - 1) / bits;
  if (m.sign < 0) b.putc('-');
  for (int64_t i = ndig - 1; i >= 0; i--) {
    int v = 0;
    for (int k = bits - 1; k >= 0; k--) {
      int64_t bit = i * bits + k;
      int bv = bit < nbits ? (m.d[bit / 32] >> (bit % 32)) & 1 : 0;
      v = v * 2 + bv;
    }
    b.putc("0123456789abcdef"[v]);
  }
  return b.take_str();
}

static int digit_val(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}
static bool is_py_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13) || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x1f; }

// Parses s[0..n) as an int literal; returns MOLT_NULL without setting an
// error when the text is invalid (caller formats the ValueError).
static V parse_int(const char *s, int64_t n, int base, bool *too_long, int64_t *ndigits_out) {
  *too_long = false;
  int64_t i = 0, e = n;
  while (i < e && is_py_space((unsigned char)s[i])) i++;
  while (e > i && is_py_space((unsigned char)s[e - 1])) e--;
  int sign = 1;
  if (i < e && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') sign = -1;
    i++;
  }
  bool had_prefix = false;
  if (e - i >= 2 && s[i] == '0') {
    char p = (char)(s[i + 1] | 0x20);
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      base = pb;
      i += 2;
      had_prefix = true;
    }
  }
  if (base == 0) {
    base = 10;
    // leading zeros are only allowed for zero itself
    if (i < e && s[i] == '0') {
      for (int64_t k = i; k < e; k++)
        if (s[k] != '0' && s[k] != '_') return MOLT_NULL;
    }
  }
  if (i >= e) return MOLT_NULL;
  // validate digits and underscores: '_' only between digits (or after prefix)
  int64_t ndig = 0;
  for (int64_t k = i; k < e; k++) {
    if (s[k] == '_') {
      if (k + 1 >= e || s[k + 1] == '_') return MOLT_NULL;
      if (k == i && !had_prefix) return MOLT_NULL;
      continue;
    }
    if (digit_val(s[k]) >= base) return MOLT_NULL;
    ndig++;
  }
  *ndigits_out = ndig;
  if ((base & (base - 1)) != 0 && ndig > kMaxStrDigits) {
    *too_long = true;
    return MOLT_NULL;
  }
  // accumulate in chunks: result = result * base^k + chunk
  int64_t cap = ndig / 8 + 4;
  uint32_t *acc = alloc_limbs(cap);
  int64_t an = 0;
  uint32_t chunk = 0, mul = 1;
  auto flush = [&]() {
    uint64_t c = chunk;
    for (int64_t j = 0; j < an; j++) {
      c += (uint64_t)acc[j] * mul;
      acc[j] = (uint32_t)c;
      c >>= 32;
    }
    if (c) acc[an++] = (uint32_t)c;
    chunk = 0;
    mul = 1;
  };
  for (int64_t k = i; k < e; k++) {
    if (s[k] == '_') continue;
    chunk = chunk * (uint32_t)base + (uint32_t)digit_val(s[k]);
    mul *= (uint32_t)base;
    if (mul > 0xFFFFFFFFu / 36) flush();
  }
  flush();
  return make_owned(acc, an, sign);
}

extern "C" MoltValue molt_int_from_cstr(const char *digits, int base) {
  bool tl;
  int64_t nd;
  V r = parse_int(digits, (int64_t)strlen(digits), base, &tl, &nd);
  if (r == MOLT_NULL) return err_fmt(MOLT_EXC_VALUE_ERROR, "invalid integer literal");
  return r;
}

extern "C" MoltValue molt_int_from_str(MoltValue s, int64_t base) {
  if (base != 0 && (base < 2 || base > 36)) return err_fmt(MOLT_EXC_VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0");
  int64_t n;
  const char *p = molt_str_utf8(s, &n);
  if (!p) return MOLT_NULL;
  bool tl;
  int64_t nd = 0, b0, b1;
  utf8_ws_trim(p, n, &b0, &b1); // int() accepts any Unicode whitespace around the digits
  V r = parse_int(p + b0, b1 - b0, (int)base, &tl, &nd);
  if (r != MOLT_NULL) return r;
  if (tl)
    return err_fmt(MOLT_EXC_VALUE_ERROR,
                   "Exceeds the limit (%d digits) for integer string conversion: value has %lld digits; use "
                   "sys.set_int_max_str_digits() to increase the limit",
                   (int)kMaxStrDigits, (long long)nd);
  V rep = str_repr(s);
  err_fmt(MOLT_EXC_VALUE_ERROR, "invalid literal for int() with base %d: %s", (int)base, STR(rep)->data);
  decref(rep);
  return MOLT_NULL;
}

extern "C" MoltValue molt_int_add_i64(int64_t a, int64_t b) {
  int64_t r;
  if (!__builtin_add_overflow(a, b, &r)) return int_from_i64(r);
  V x = int_from_i64(a), y = int_from_i64(b);
  V s = int_add(x, y);
  decref(x);
  decref(y);
  return s;
}
extern "C" MoltValue molt_int_sub_i64(int64_t a, int64_t b) {
  int64_t r;
  if (!__builtin_sub_overflow(a, b, &r)) return int_from_i64(r);
  V x = int_from_i64(a), y = int_from_i64(b);
  V s = int_sub(x, y);
  decref(x);
  decref(y);
  return s;
}
extern "C" MoltValue molt_int_mul_i64(int64_t a, int64_t b) {
  int64_t r;
  if (!__builtin_mul_overflow(a, b, &r)) return int_from_i64(r);
  V x = int_from_i64(a), y = int_from_i64(b);
  V s = int_mul(x, y);
  decref(x);
  decref(y);
  return s;
}

extern "C" MoltValue molt_int_bit_length(MoltValue v) {
  if (!is_intlike(v)) return err_fmt(MOLT_EXC_TYPE_ERROR, "descriptor 'bit_length' for 'int' objects doesn't apply to a '%s' object", tname(v));
  return int_from_i64(int_bit_length(v));
}
extern "C" MoltValue molt_float_is_integer(MoltValue v) {
  if (!molt_is_double(v)) return err_fmt(MOLT_EXC_TYPE_ERROR, "descriptor 'is_integer' for 'float' objects doesn't apply to a '%s' object", tname(v));
  double d = molt_unbox_double(v);
  return molt_box_bool(isfinite(d) && d == floor(d));
}
