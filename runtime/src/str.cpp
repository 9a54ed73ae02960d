// str.cpp - the str type: UTF-8 storage with code-point semantics.
//
// Each Str caches its code-point count and an "is ASCII" flag; for ASCII
// strings indexing and slicing are O(1) byte operations, otherwise a linear
// scan maps code-point indices to byte offsets. Searching works on bytes
// (UTF-8 is self-synchronising) and converts offsets back to code points.
// Case mapping and character classes cover ASCII, Latin-1, Latin Extended-A,
// Greek and Cyrillic (documented limitation).
#include "internal.h"

// ---- UTF-8 ---------------------------------------------------------------------

int64_t utf8_decode(const char *s, int64_t n, int64_t i, uint32_t *cp) {
  unsigned char c = (unsigned char)s[i];
  if (c < 0x80) {
    *cp = c;
    return i + 1;
  }
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  uint32_t v = c & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
  for (int k = 1; k < len && i + k < n; k++) v = (v << 6) | ((unsigned char)s[i + k] & 0x3F);
  *cp = v;
  return i + len <= n ? i + len : n;
}
int64_t utf8_encode(uint32_t cp, char *o) {
  if (cp < 0x80) {
    o[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (char)(0xC0 | (cp >> 6));
    o[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | (cp >> 18));
  o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

void Buf::utf8(uint32_t cp) {
  char tmp[4];
  put(tmp, utf8_encode(cp, tmp));
}
void Buf::putv(V s) { put(STR(s)->data, STR(s)->nbytes); }
V Buf::take_str() {
  V r = str_new_utf8(p ? p : "", n);
  free_();
  return r;
}

// ---- construction ------------------------------------------------------------------

// Interned immortal strings: "" and the 128 ASCII one-character strings.
// Stored as raw pointers (not NaN-boxed) so LeakSanitizer sees them.
static Str *g_empty = nullptr;
static Str *g_chars[128];

V str_new_known(const char *s, int64_t n, int64_t ncp, bool ascii) {
  if (n == 0 && g_empty) return BOX(g_empty);
  if (n == 1 && (unsigned char)s[0] < 128 && g_chars[(unsigned char)s[0]]) return BOX(g_chars[(unsigned char)s[0]]);
  Str *o = str_new_raw(n, ncp, ascii);
  copy_bytes(o->data, s, (size_t)n);
  if (n == 0 || (n == 1 && (unsigned char)s[0] < 128)) {
    o->h.rc = MOLT_IMMORTAL_REFCNT;
    if (n == 0)
      g_empty = o;
    else
      g_chars[(unsigned char)s[0]] = o;
  }
  return BOX(o);
}
V str_ascii_char(char c) { return str_new_known(&c, 1, 1, true); }
V str_new_utf8(const char *s, int64_t n) {
  int64_t ncp = 0;
  bool ascii = true;
  for (int64_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if ((c & 0xC0) != 0x80) ncp++;
    if (c >= 0x80) ascii = false;
  }
  return str_new_known(s, n, ncp, ascii);
}
V str_empty() { return str_new_known("", 0, 0, true); }
extern "C" MoltValue molt_str_from_utf8(const char *s, int64_t n) { return str_new_utf8(s, n); }
extern "C" MoltValue molt_str_from_cstr(const char *s) { return str_new_utf8(s, (int64_t)strlen(s)); }
extern "C" const char *molt_str_utf8(MoltValue s, int64_t *n) {
  if (!is_str(s)) {
    err_fmt(MOLT_EXC_TYPE_ERROR, "expected str, got %s", tname(s));
    return nullptr;
  }
  if (n) *n = STR(s)->nbytes;
  return STR(s)->data;
}
V str_from_cp(uint32_t cp) {
  char tmp[4];
  int64_t k = utf8_encode(cp, tmp);
  return str_new_known(tmp, k, 1, cp < 0x80);
}

int64_t str_cp_to_byte(Str *s, int64_t cp) {
  if (s->ascii) return cp;
  int64_t i = 0;
  for (int64_t c = 0; c < cp && i < s->nbytes; c++) {
    uint32_t dummy;
    i = utf8_decode(s->data, s->nbytes, i, &dummy);
  }
  return i;
}
static int64_t byte_to_cp(Str *s, int64_t b) {
  if (s->ascii) return b;
  int64_t c = 0;
  for (int64_t i = 0; i < b; i++)
    if (((unsigned char)s->data[i] & 0xC0) != 0x80) c++;
  return c;
}

int str_cmp(V a, V b) { // UTF-8 byte order == code point order
  Str *x = STR(a), *y = STR(b);
  int64_t n = x->nbytes < y->nbytes ? x->nbytes : y->nbytes;
  int c = memcmp(x->data, y->data, (size_t)n);
  if (c) return c < 0 ? -1 : 1;
  return x->nbytes < y->nbytes ? -1 : x->nbytes > y->nbytes;
}
// FNV-1a 64 with the standard offset basis: deterministic across runs.
int64_t str_hash(V v) {
  Str *s = STR(v);
  if (s->hash != -1) return s->hash;
  uint64_t h = 14695981039346656037ull;
  for (int64_t i = 0; i < s->nbytes; i++) h = (h ^ (unsigned char)s->data[i]) * 1099511628211ull;
  int64_t r = (int64_t)h;
  if (r == -1) r = -2;
  s->hash = r;
  return r;
}

V str_add(V a, V b) {
  Str *x = STR(a), *y = STR(b);
  if (x->nbytes == 0) return incref(b);
  if (y->nbytes == 0) return incref(a);
  int64_t n = x->nbytes + y->nbytes;
  Str *o = (Str *)str_alloc(offsetof(Str, data) + (size_t)n + 1);
  o->nbytes = n;
  o->cap = n;
  o->ncp = x->ncp + y->ncp;
  o->hash = -1;
  o->ascii = x->ascii && y->ascii;
  memcpy(o->data, x->data, (size_t)x->nbytes);
  memcpy(o->data + x->nbytes, y->data, (size_t)y->nbytes);
  o->data[n] = 0;
  return BOX(o);
}
// `s += t` when s is uniquely owned: append in place with geometric growth
// (CPython's unicode_concatenate optimisation), so building a string in a
// loop is linear.
V str_iadd_steal(V a, V b) {
  Str *x = STR(a), *y = STR(b);
  int64_t need = x->nbytes + y->nbytes;
  if (need > x->cap) {
    int64_t nc = x->cap * 2 > need ? x->cap * 2 : need;
    if (nc < 32) nc = 32;
    x = (Str *)molt_xrealloc(x, str_alloc_size(offsetof(Str, data) + (size_t)nc + 1));
    x->cap = nc;
  }
  memcpy(x->data + x->nbytes, y->data, (size_t)y->nbytes);
  x->nbytes = need;
  x->data[need] = 0;
  x->ncp += y->ncp;
  x->ascii = x->ascii && y->ascii;
  x->hash = -1;
  return BOX(x);
}

V str_mul(V s, int64_t k) {
  Str *x = STR(s);
  if (k <= 0 || x->nbytes == 0) return str_empty();
  if (k == 1) return incref(s);
  if (x->nbytes > INT64_MAX / 4 / k || x->nbytes * k > kMaxObjectBytes) return err_no_memory();
  Buf b;
  b.reserve(x->nbytes * k);
  for (int64_t i = 0; i < k; i++) b.put(x->data, x->nbytes);
  V r = str_new_known(b.p, b.n, x->ncp * k, x->ascii);
  b.free_();
  return r;
}
extern "C" MoltValue molt_str_concat_n(const MoltValue *parts, int64_t n) {
  Buf b;
  int64_t ncp = 0;
  bool ascii = true;
  for (int64_t i = 0; i < n; i++) {
    if (!is_str(parts[i])) {
      b.free_();
      return err_fmt(MOLT_EXC_TYPE_ERROR, "expected str, got %s", tname(parts[i]));
    }
    b.putv(parts[i]);
    ncp += STR(parts[i])->ncp;
    ascii = ascii && STR(parts[i])->ascii;
  }
  V r = str_new_known(b.p ? b.p : "", b.n, ncp, ascii);
  b.free_();
  return r;
}

V str_getitem(V v, int64_t i) {
  Str *s = STR(v);
  if (s->ascii) return str_new_known(s->data + i, 1, 1, true);
  int64_t bi = str_cp_to_byte(s, i);
  uint32_t cp;
  utf8_decode(s->data, s->nbytes, bi, &cp);
  return str_from_cp(cp);
}

V str_slice(V v, int64_t a, int64_t, int64_t st, int64_t n) {
  Str *s = STR(v);
  if (n <= 0) return str_empty();
  if (st == 1) {
    if (a == 0 && n == s->ncp) return incref(v);
    int64_t b0 = str_cp_to_byte(s, a);
    int64_t b1 = s->ascii ? a + n : b0;
    if (!s->ascii)
      for (int64_t c = 0; c < n; c++) {
        uint32_t d;
        b1 = utf8_decode(s->data, s->nbytes, b1, &d);
      }
    return str_new_known(s->data + b0, b1 - b0, n, s->ascii);
  }
  Buf b;
  if (s->ascii) {
    b.reserve(n);
    for (int64_t i = 0, k = a; i < n; i++, k += st) b.p[b.n++] = s->data[k];
  } else {
    // decode to code points once
    uint32_t *cps = (uint32_t *)molt_xmalloc(sizeof(uint32_t) * (size_t)s->ncp);
    for (int64_t i = 0, c = 0; i < s->nbytes; c++) i = utf8_decode(s->data, s->nbytes, i, &cps[c]);
    for (int64_t i = 0, k = a; i < n; i++, k += st) b.utf8(cps[k]);
    free(cps);
  }
  V r = str_new_known(b.p, b.n, n, s->ascii);
  b.free_();
  return r;
}

// The first c in h[0, n). Fields split out of a line are mostly short: a
// byte loop finds a near separator before a call to memchr would return.
static inline const char *find_byte(const char *h, int64_t n, char c) {
  if (!MOLT_SPEED_PATHS) return (const char *)memchr(h, c, (size_t)n);
  int64_t near = n < 16 ? n : 16;
  for (int64_t i = 0; i < near; i++)
    if (h[i] == c) return h + i;
  return n > 16 ? (const char *)memchr(h + 16, c, (size_t)(n - 16)) : nullptr;
}
static const char *mem_find(const char *h, int64_t hn, const char *nd, int64_t nn) {
  if (nn == 0) return h;
  if (nn > hn) return nullptr;
  if (nn == 1) return find_byte(h, hn, nd[0]); // split(","): the common case
  const char *end = h + hn - nn;
  for (const char *p = h; p <= end; p++) {
    p = (const char *)memchr(p, nd[0], (size_t)(end - p + 1));
    if (!p) return nullptr;
    if (memcmp(p, nd, (size_t)nn) == 0) return p;
  }
  return nullptr;
}
static const char *mem_rfind(const char *h, int64_t hn, const char *nd, int64_t nn) {
  if (nn > hn) return nullptr;
  for (int64_t i = hn - nn; i >= 0; i--)
    if (memcmp(h + i, nd, (size_t)nn) == 0) return h + i;
  return nullptr;
}
int str_contains(V s, V sub) {
  return mem_find(STR(s)->data, STR(s)->nbytes, STR(sub)->data, STR(sub)->nbytes) != nullptr;
}

// ---- repr ------------------------------------------------------------------------

static bool cp_printable(uint32_t c) {
  if (c < 0x20 || c == 0x7F) return false;
  if (c >= 0x80 && c <= 0xA0) return false;
  if (c == 0xAD) return false;
  if ((c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F)) return false;
  if (c == 0x3000 || c == 0xFEFF || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) return false;
  if (c >= 0xE000 && c <= 0xF8FF) return false;
  return true;
}

static void repr_into_buf(Buf *b, Str *s, bool ascii_only) {
  bool has_sq = memchr(s->data, '\'', (size_t)s->nbytes) != nullptr;
  bool has_dq = memchr(s->data, '"', (size_t)s->nbytes) != nullptr;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  b->putc(q);
  for (int64_t i = 0; i < s->nbytes;) {
    uint32_t c;
    i = utf8_decode(s->data, s->nbytes, i, &c);
    char tmp[16];
    if (c == (uint32_t)q || c == '\\') {
      b->putc('\\');
      b->putc((char)c);
    } else if (c == '\t') {
      b->puts("\\t");
    } else if (c == '\n') {
      b->puts("\\n");
    } else if (c == '\r') {
      b->puts("\\r");
    } else if (c < 0x80 && cp_printable(c)) {
      b->putc((char)c);
    } else if (!ascii_only && c >= 0x80 && cp_printable(c)) {
      b->utf8(c);
    } else if (c < 0x100) {
      snprintf(tmp, sizeof tmp, "\\x%02x", c);
      b->puts(tmp);
    } else if (c < 0x10000) {
      snprintf(tmp, sizeof tmp, "\\u%04x", c);
      b->puts(tmp);
    } else {
      snprintf(tmp, sizeof tmp, "\\U%08x", c);
      b->puts(tmp);
    }
  }
  b->putc(q);
}
V str_repr(V v) {
  Buf b;
  repr_into_buf(&b, STR(v), false);
  return b.take_str();
}
V str_ascii_repr(V v) {
  Buf b;
  repr_into_buf(&b, STR(v), true);
  return b.take_str();
}

// ---- methods ---------------------------------------------------------------------

#define REQUIRE_STR(v, name)                                                                                       \
  if (!is_str(v)) return err_fmt(MOLT_EXC_TYPE_ERROR, "descriptor '%s' requires a 'str' object but received a '%s'", name, tname(v))

static inline bool is_ws(uint32_t c) {
  return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

static V mk(const char *p, int64_t n) { return str_new_utf8(p, n); }

// Byte length of the whitespace code point starting at i (0 if none).
static int64_t ws_at(const char *d, int64_t n, int64_t i) {
  unsigned char c = (unsigned char)d[i];
  if (c < 0x80) return is_ws(c) ? 1 : 0;
  uint32_t cp;
  int64_t nx = utf8_decode(d, n, i, &cp);
  return is_ws(cp) ? nx - i : 0;
}
// Start of the code point that ends just before byte e.
static int64_t prev_cp(const char *d, int64_t e) {
  int64_t b = e - 1;
  while (b > 0 && ((unsigned char)d[b] & 0xC0) == 0x80) b--;
  return b;
}

// Trims Unicode whitespace from both ends of s[0..n): [*b, *e).
void utf8_ws_trim(const char *s, int64_t n, int64_t *b, int64_t *e) {
  int64_t i = 0, j = n, k;
  while (i < j && (k = ws_at(s, n, i)) > 0) i += k;
  while (j > i && ws_at(s, n, prev_cp(s, j)) > 0) j = prev_cp(s, j);
  *b = i;
  *e = j;
}

static V split_ws(Str *s, int64_t maxsplit, bool right) {
  V out = list_new(0);
  const char *d = s->data;
  int64_t n = s->nbytes;
  if (!right) {
    int64_t i = 0;
    while (true) {
      int64_t k;
      while (i < n && (k = ws_at(d, n, i)) > 0) i += k;
      if (i >= n) break;
      if (maxsplit == 0) { // remainder keeps its trailing whitespace
        list_append_steal(out, mk(d + i, n - i));
        break;
      }
      int64_t j = i;
      while (j < n && ws_at(d, n, j) == 0) {
        uint32_t cp;
        j = utf8_decode(d, n, j, &cp);
      }
      list_append_steal(out, mk(d + i, j - i));
      if (maxsplit > 0) maxsplit--;
      i = j;
    }
    return out;
  }
  int64_t e = n;
  while (true) {
    while (e > 0 && ws_at(d, n, prev_cp(d, e)) > 0) e = prev_cp(d, e);
    if (e <= 0) break;
    if (maxsplit == 0) { // remainder keeps its leading whitespace
      list_append_steal(out, mk(d, e));
      break;
    }
    int64_t j = e;
    while (j > 0 && ws_at(d, n, prev_cp(d, j)) == 0) j = prev_cp(d, j);
    list_append_steal(out, mk(d + j, e - j));
    if (maxsplit > 0) maxsplit--;
    e = j;
  }
  molt_list_reverse(out);
  return out;
}

// s.split(sep) with `find` locating sep: one loop for every separator. The
// one-byte separator on an ASCII str gets its own instance (find_byte, and
// pieces ASCII by construction): 6% of string_build's instructions.
template <bool kAscii, typename Find>
static V split_by(Str *s, int64_t seplen, int64_t maxsplit, Find find) {
  auto piece = [&](int64_t i, int64_t n) {
    // pieces of an ASCII string are ASCII: no code point count needed
    return kAscii || s->ascii ? str_new_known(s->data + i, n, n, true) : mk(s->data + i, n);
  };
  V out = list_new(0);
  int64_t i = 0;
  while (maxsplit != 0) {
    const char *f = find(s->data + i, s->nbytes - i);
    if (!f) break;
    int64_t j = f - s->data;
    list_append_steal(out, piece(i, j - i));
    i = j + seplen;
    if (maxsplit > 0) maxsplit--;
  }
  list_append_steal(out, piece(i, s->nbytes - i));
  return out;
}

// The separator of s.split(sep) / s.rsplit(sep): true with *p the str, or
// null for None (split on whitespace); false with the error raised.
static bool split_sep(V sep, Str **p) {
  *p = nullptr;
  if (sep == MOLT_NONE) return true;
  if (!is_str(sep)) {
    err_fmt(MOLT_EXC_TYPE_ERROR, "must be str or None, not %s", tname(sep));
    return false;
  }
  if (STR(sep)->nbytes == 0) {
    err_fmt(MOLT_EXC_VALUE_ERROR, "empty separator");
    return false;
  }
  *p = STR(sep);
  return true;
}

extern "C" MoltValue molt_str_split(MoltValue sv, MoltValue sep, int64_t maxsplit) {
  REQUIRE_STR(sv, "split");
  Str *s = STR(sv), *p;
  if (!split_sep(sep, &p)) return MOLT_NULL;
  if (!p) return split_ws(s, maxsplit, false);
  if (MOLT_SPEED_PATHS && p->nbytes == 1 && s->ascii) {
    char c = p->data[0];
    return split_by<true>(s, 1, maxsplit, [c](const char *h, int64_t n) { return find_byte(h, n, c); });
  }
  return split_by<false>(s, p->nbytes, maxsplit,
                         [p](const char *h, int64_t n) { return mem_find(h, n, p->data, p->nbytes); });
}

extern "C" MoltValue molt_str_rsplit(MoltValue sv, MoltValue sep, int64_t maxsplit) {
  REQUIRE_STR(sv, "rsplit");
  Str *s = STR(sv), *p;
  if (!split_sep(sep, &p)) return MOLT_NULL;
  if (!p) return split_ws(s, maxsplit, true);
  V out = list_new(0);
  int64_t e = s->nbytes;
  while (maxsplit != 0) {
    const char *f = mem_rfind(s->data, e, p->data, p->nbytes);
    if (!f) break;
    int64_t j = f - s->data;
    list_append_steal(out, mk(s->data + j + p->nbytes, e - j - p->nbytes));
    e = j;
    if (maxsplit > 0) maxsplit--;
  }
  list_append_steal(out, mk(s->data, e));
  molt_list_reverse(out);
  return out;
}

extern "C" MoltValue molt_str_join(MoltValue sep, MoltValue iterable) {
  REQUIRE_STR(sep, "join");
  // A list is read in place (nothing below runs user code, so it cannot
  // change meanwhile); other iterables are collected first.
  V items = is_list(iterable) ? incref(iterable) : seq_to_list(iterable);
  if (items == MOLT_NULL) return MOLT_NULL;
  List *l = LIST(items);
  Str *sp = STR(sep);
  // First pass: check the items and size the result exactly (bytes, code
  // points, ASCII-ness), so the second pass is one allocation and memcpys.
  int64_t nbytes = 0, ncp = 0;
  bool ascii = true;
  for (int64_t i = 0; i < l->len; i++) {
    if (!is_str(l->items[i])) {
      err_fmt(MOLT_EXC_TYPE_ERROR, "sequence item %lld: expected str instance, %s found", (long long)i,
              tname(l->items[i]));
      decref(items);
      return MOLT_NULL;
    }
    Str *x = STR(l->items[i]);
    nbytes += x->nbytes;
    ncp += x->ncp;
    ascii = ascii && x->ascii;
  }
  if (l->len > 1) {
    nbytes += sp->nbytes * (l->len - 1);
    ncp += sp->ncp * (l->len - 1);
    ascii = ascii && sp->ascii;
  }
  // One loop, instantiated for the one-byte separator (",".join(parts): a
  // store, not copy_bytes) and for any other.
  auto fill_with = [&](char *w, auto put_sep) {
    for (int64_t i = 0; i < l->len; i++) {
      if (i) put_sep(w);
      Str *x = STR(l->items[i]);
      copy_bytes(w, x->data, (size_t)x->nbytes);
      w += x->nbytes;
    }
  };
  auto fill = [&](char *w) {
    if (MOLT_SPEED_PATHS && sp->nbytes == 1) {
      const char c = sp->data[0];
      fill_with(w, [c](char *&d) { *d++ = c; });
    } else {
      fill_with(w, [sp](char *&d) {
        copy_bytes(d, sp->data, (size_t)sp->nbytes);
        d += sp->nbytes;
      });
    }
  };
  V r;
  if (nbytes <= 1) { // "" or one character: the interned strings
    char one[1];
    fill(one);
    r = str_new_known(one, nbytes, ncp, ascii);
  } else {
    Str *o = str_new_raw(nbytes, ncp, ascii);
    fill(o->data);
    r = BOX(o);
  }
  decref(items);
  return r;
}

static bool in_chars(Str *chars, uint32_t c) {
  for (int64_t i = 0; i < chars->nbytes;) {
    uint32_t d;
    i = utf8_decode(chars->data, chars->nbytes, i, &d);
    if (d == c) return true;
  }
  return false;
}
static V strip_impl(V sv, V chars, bool left, bool right) {
  REQUIRE_STR(sv, "strip");
  if (chars != MOLT_NONE && !is_str(chars)) return err_fmt(MOLT_EXC_TYPE_ERROR, "strip arg must be None or str");
  Str *s = STR(sv);
  int64_t i = 0, e = s->nbytes;
  auto strip_me = [&](uint32_t c) { return chars == MOLT_NONE ? is_ws(c) : in_chars(STR(chars), c); };
  if (left) {
    while (i < e) {
      uint32_t c;
      int64_t nx = utf8_decode(s->data, s->nbytes, i, &c);
      if (!strip_me(c)) break;
      i = nx;
    }
  }
  if (right) {
    while (e > i) {
      int64_t st = e - 1;
      while (st > i && ((unsigned char)s->data[st] & 0xC0) == 0x80) st--;
      uint32_t c;
      utf8_decode(s->data, s->nbytes, st, &c);
      if (!strip_me(c)) break;
      e = st;
    }
  }
  if (i == 0 && e == s->nbytes) return incref(sv);
  return mk(s->data + i, e - i);
}
extern "C" MoltValue molt_str_strip(MoltValue s, MoltValue c) { return strip_impl(s, c, true, true); }
extern "C" MoltValue molt_str_lstrip(MoltValue s, MoltValue c) { return strip_impl(s, c, true, false); }
extern "C" MoltValue molt_str_rstrip(MoltValue s, MoltValue c) { return strip_impl(s, c, false, true); }

extern "C" MoltValue molt_str_replace(MoltValue sv, MoltValue old, MoltValue nw, int64_t count) {
  REQUIRE_STR(sv, "replace");
  if (!is_str(old) || !is_str(nw))
    return err_fmt(MOLT_EXC_TYPE_ERROR, "replace() argument must be str, not %s", tname(is_str(old) ? nw : old));
  Str *s = STR(sv), *o = STR(old), *n = STR(nw);
  Buf b;
  if (o->nbytes == 0) {
    int64_t i = 0;
    while (true) {
      if (count != 0) {
        b.put(n->data, n->nbytes);
        if (count > 0) count--;
      }
      if (i >= s->nbytes) break;
      uint32_t c;
      int64_t nx = utf8_decode(s->data, s->nbytes, i, &c);
      b.put(s->data + i, nx - i);
      i = nx;
    }
    return b.take_str();
  }
  int64_t i = 0;
  while (count != 0) {
    const char *f = mem_find(s->data + i, s->nbytes - i, o->data, o->nbytes);
    if (!f) break;
    int64_t j = f - s->data;
    b.put(s->data + i, j - i);
    b.put(n->data, n->nbytes);
    i = j + o->nbytes;
    if (count > 0) count--;
  }
  b.put(s->data + i, s->nbytes - i);
  return b.take_str();
}

// converts optional start/end (code points, slice semantics) to byte range
static int cp_range(Str *s, V start, V end, int64_t *b0, int64_t *b1, int64_t *c0) {
  int64_t a, e, st, n;
  int64_t len = s->ncp;
  int64_t sa = 0, ea = len;
  if (start != MOLT_NONE) {
    if (!is_intlike(start)) {
      err_fmt(MOLT_EXC_TYPE_ERROR, "slice indices must be integers or None or have an __index__ method");
      return -1;
    }
  }
  if (slice_indices(start, end, MOLT_NONE, len, &a, &e, &st, &n) < 0) return -1;
  if (e < a) { // empty window: nothing (not even "") matches, like CPython
    *c0 = -1;
    return 0;
  }
  sa = a;
  ea = e;
  // CPython: start > len -> no match (handled by caller via *c0 > len)
  if (start != MOLT_NONE) {
    int64_t raw;
    if (int_fits_i64(start, &raw)) {
      if (raw < 0) raw += len;
      if (raw > len) {
        *c0 = -1;
        return 0;
      }
    }
  }
  *c0 = sa;
  *b0 = str_cp_to_byte(s, sa);
  *b1 = str_cp_to_byte(s, ea);
  return 0;
}

static V find_impl(V sv, V sub, V start, V end, bool rev, bool raise, const char *name) {
  REQUIRE_STR(sv, name);
  if (!is_str(sub)) return err_fmt(MOLT_EXC_TYPE_ERROR, "must be str, not %s", tname(sub));
  Str *s = STR(sv), *p = STR(sub);
  int64_t b0, b1, c0;
  if (cp_range(s, start, end, &b0, &b1, &c0) < 0) return MOLT_NULL;
  const char *f = nullptr;
  if (c0 >= 0) {
    f = rev ? mem_rfind(s->data + b0, b1 - b0, p->data, p->nbytes) : mem_find(s->data + b0, b1 - b0, p->data, p->nbytes);
  }
  if (!f) {
    if (raise) return err_fmt(MOLT_EXC_VALUE_ERROR, "substring not found");
    return molt_box_smallint(-1);
  }
  return int_from_i64(byte_to_cp(s, f - s->data));
}
extern "C" MoltValue molt_str_find(MoltValue s, MoltValue sub, MoltValue a, MoltValue b) { return find_impl(s, sub, a, b, false, false, "find"); }
extern "C" MoltValue molt_str_rfind(MoltValue s, MoltValue sub, MoltValue a, MoltValue b) { return find_impl(s, sub, a, b, true, false, "rfind"); }
extern "C" MoltValue molt_str_index(MoltValue s, MoltValue sub, MoltValue a, MoltValue b) { return find_impl(s, sub, a, b, false, true, "index"); }
extern "C" MoltValue molt_str_rindex(MoltValue s, MoltValue sub, MoltValue a, MoltValue b) { return find_impl(s, sub, a, b, true, true, "rindex"); }

extern "C" MoltValue molt_str_count(MoltValue sv, MoltValue sub, MoltValue start, MoltValue end) {
  REQUIRE_STR(sv, "count");
  if (!is_str(sub)) return err_fmt(MOLT_EXC_TYPE_ERROR, "must be str, not %s", tname(sub));
  Str *s = STR(sv), *p = STR(sub);
  int64_t b0, b1, c0;
  if (cp_range(s, start, end, &b0, &b1, &c0) < 0) return MOLT_NULL;
  if (c0 < 0) return molt_box_smallint(0);
  if (p->nbytes == 0) return int_from_i64(byte_to_cp(s, b1) - byte_to_cp(s, b0) + 1);
  int64_t cnt = 0, i = b0;
  while (true) {
    const char *f = mem_find(s->data + i, b1 - i, p->data, p->nbytes);
    if (!f) break;
    cnt++;
    i = (f - s->data) + p->nbytes;
  }
  return int_from_i64(cnt);
}

static V affix_impl(V sv, V aff, V start, V end, bool suffix) {
  REQUIRE_STR(sv, suffix ? "endswith" : "startswith");
  if (is_tuple(aff)) {
    for (int64_t i = 0; i < TUPLE(aff)->len; i++) {
      V r = affix_impl(sv, TUPLE(aff)->items[i], start, end, suffix);
      if (r != MOLT_FALSE) return r;
    }
    return MOLT_FALSE;
  }
  if (!is_str(aff))
    return err_fmt(MOLT_EXC_TYPE_ERROR, "%s first arg must be str or a tuple of str, not %s",
                   suffix ? "endswith" : "startswith", tname(aff));
  Str *s = STR(sv), *p = STR(aff);
  int64_t b0, b1, c0;
  if (cp_range(s, start, end, &b0, &b1, &c0) < 0) return MOLT_NULL;
  if (c0 < 0) return MOLT_FALSE;
  if (p->nbytes > b1 - b0) return MOLT_FALSE;
  const char *at = suffix ? s->data + b1 - p->nbytes : s->data + b0;
  return molt_box_bool(memcmp(at, p->data, (size_t)p->nbytes) == 0);
}
extern "C" MoltValue molt_str_startswith(MoltValue s, MoltValue p, MoltValue a, MoltValue b) { return affix_impl(s, p, a, b, false); }
extern "C" MoltValue molt_str_endswith(MoltValue s, MoltValue p, MoltValue a, MoltValue b) { return affix_impl(s, p, a, b, true); }


// Simple Unicode case data for the scripts a test program is likely to use:
// ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic. Other scripts are
// treated as uncased (documented limitation).
static uint32_t cp_upper(uint32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  if (c == 0xB5) return 0x39C;
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
  if (c == 0xFF) return 0x178;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x131) return 'I';
    if (c == 0x17F) return 'S';
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c : c - 1;
    if (c == 0x138 || c == 0x149 || c == 0x130) return c;
    return (c & 1) ? c - 1 : c;
  }
  if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
  if (c == 0x3C2) return 0x3A3;
  if (c >= 0x3AC && c <= 0x3AF) return c == 0x3AC ? 0x386 : c - 37;
  if (c >= 0x430 && c <= 0x44F) return c - 32;
  if (c >= 0x450 && c <= 0x45F) return c - 80;
  return c;
}
static uint32_t cp_lower(uint32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
  if (c == 0x178) return 0xFF;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x130) return 'i';
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : c;
    if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
    return (c & 1) ? c : c + 1;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}
static bool cp_is_lower(uint32_t c) { return cp_upper(c) != c || c == 0xDF || c == 0x138 || c == 0x149; }
static bool cp_is_upper(uint32_t c) { return cp_lower(c) != c; }
static bool cp_is_alpha(uint32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  if (c >= 0x250 && c <= 0x2C1) return true;
  if (c >= 0x370 && c <= 0x3FF) return c != 0x375 && c != 0x37E && c != 0x384 && c != 0x385 && c != 0x387;
  if (c >= 0x400 && c <= 0x52F) return !(c >= 0x482 && c <= 0x489);
  if ((c >= 0x531 && c <= 0x556) || (c >= 0x561 && c <= 0x587)) return true;
  if ((c >= 0x5D0 && c <= 0x5EA) || (c >= 0x620 && c <= 0x64A)) return true;
  if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0xAC00 && c <= 0xD7A3))
    return true;
  return false;
}
static bool cp_is_cased(uint32_t c) { return cp_is_lower(c) || cp_is_upper(c); }
// Unicode decimal digits (Nd) of the common scripts.
static bool cp_is_decimal(uint32_t c) {
  return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9) ||
         (c >= 0x966 && c <= 0x96F) || (c >= 0x9E6 && c <= 0x9EF) || (c >= 0xFF10 && c <= 0xFF19);
}

static V map_case(V sv, int mode) { // 0 upper 1 lower 2 title 3 capitalize 4 swapcase
  REQUIRE_STR(sv, "upper");
  Str *s = STR(sv);
  Buf b;
  b.reserve(s->nbytes);
  bool prev_cased = false, last_cased = false;
  for (int64_t i = 0, k = 0; i < s->nbytes; k++) {
    uint32_t c;
    i = utf8_decode(s->data, s->nbytes, i, &c);
    uint32_t o;
    bool up;
    switch (mode) {
    case 0: up = true; break;
    case 1: up = false; break;
    case 2: up = !prev_cased; break;
    case 3: up = k == 0; break;
    default: up = cp_is_lower(c); break;
    }
    if (mode == 4 && !cp_is_cased(c)) o = c;
    else o = up ? cp_upper(c) : cp_lower(c);
    if (o == 0x3C3 && c == 0x3A3) { // final sigma: after a cased letter, not before one
      uint32_t next = 0;
      if (i < s->nbytes) utf8_decode(s->data, s->nbytes, i, &next);
      if (last_cased && !(i < s->nbytes && cp_is_cased(next))) o = 0x3C2;
    }
    last_cased = cp_is_cased(c);
    if (up && c == 0xDF) { // sharp s: upper() and title() give "SS"/"Ss"
      b.putc('S');
      b.putc(mode == 2 || mode == 3 ? 's' : 'S');
    } else {
      b.utf8(o);
    }
    if (mode == 2) prev_cased = cp_is_cased(c);
  }
  return b.take_str();
}
extern "C" MoltValue molt_str_upper(MoltValue s) { return map_case(s, 0); }
extern "C" MoltValue molt_str_lower(MoltValue s) { return map_case(s, 1); }
extern "C" MoltValue molt_str_title(MoltValue s) { return map_case(s, 2); }
extern "C" MoltValue molt_str_capitalize(MoltValue s) { return map_case(s, 3); }
extern "C" MoltValue molt_str_swapcase(MoltValue s) { return map_case(s, 4); }

static V classify(V sv, int mode) { // 0 digit 1 alpha 2 alnum 3 space 4 upper 5 lower
  REQUIRE_STR(sv, "isdigit");
  Str *s = STR(sv);
  if (s->nbytes == 0) return MOLT_FALSE;
  bool cased = false;
  for (int64_t i = 0; i < s->nbytes;) {
    uint32_t c;
    i = utf8_decode(s->data, s->nbytes, i, &c);
    bool digit = cp_is_decimal(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0x2460 && c <= 0x2468);
    bool alpha = cp_is_alpha(c);
    switch (mode) {
    case 0: if (!digit) return MOLT_FALSE; break;
    case 1: if (!alpha) return MOLT_FALSE; break;
    case 2: if (!alpha && !(c >= '0' && c <= '9') && !digit) return MOLT_FALSE; break;
    case 3: if (!is_ws(c)) return MOLT_FALSE; break;
    case 4:
      if (cp_is_lower(c)) return MOLT_FALSE;
      if (cp_is_upper(c)) cased = true;
      break;
    default:
      if (cp_is_upper(c)) return MOLT_FALSE;
      if (cp_is_lower(c)) cased = true;
      break;
    }
  }
  return mode >= 4 ? molt_box_bool(cased) : MOLT_TRUE;
}
extern "C" MoltValue molt_str_isdigit(MoltValue s) { return classify(s, 0); }
extern "C" MoltValue molt_str_isalpha(MoltValue s) { return classify(s, 1); }
extern "C" MoltValue molt_str_isalnum(MoltValue s) { return classify(s, 2); }
extern "C" MoltValue molt_str_isspace(MoltValue s) { return classify(s, 3); }
extern "C" MoltValue molt_str_isupper(MoltValue s) { return classify(s, 4); }
extern "C" MoltValue molt_str_islower(MoltValue s) { return classify(s, 5); }

static int fill_char(V fill, uint32_t *out) {
  if (fill == MOLT_NONE) {
    *out = ' ';
    return 0;
  }
  if (!is_str(fill) || STR(fill)->ncp != 1) {
    err_fmt(MOLT_EXC_TYPE_ERROR, "The fill character must be exactly one character long");
    return -1;
  }
  utf8_decode(STR(fill)->data, STR(fill)->nbytes, 0, out);
  return 0;
}
static V pad(V sv, int64_t left, int64_t right, uint32_t fc) {
  Buf b;
  b.fill(fc, left);
  b.putv(sv);
  b.fill(fc, right);
  return b.take_str();
}
extern "C" MoltValue molt_str_center(MoltValue sv, int64_t width, MoltValue fill) {
  REQUIRE_STR(sv, "center");
  uint32_t fc;
  if (fill_char(fill, &fc) < 0) return MOLT_NULL;
  int64_t len = STR(sv)->ncp;
  if (width <= len) return incref(sv);
  int64_t marg = width - len, left = marg / 2 + (marg & width & 1);
  return pad(sv, left, marg - left, fc);
}
extern "C" MoltValue molt_str_ljust(MoltValue sv, int64_t width, MoltValue fill) {
  REQUIRE_STR(sv, "ljust");
  uint32_t fc;
  if (fill_char(fill, &fc) < 0) return MOLT_NULL;
  int64_t len = STR(sv)->ncp;
  return width <= len ? incref(sv) : pad(sv, 0, width - len, fc);
}
extern "C" MoltValue molt_str_rjust(MoltValue sv, int64_t width, MoltValue fill) {
  REQUIRE_STR(sv, "rjust");
  uint32_t fc;
  if (fill_char(fill, &fc) < 0) return MOLT_NULL;
  int64_t len = STR(sv)->ncp;
  return width <= len ? incref(sv) : pad(sv, width - len, 0, fc);
}
extern "C" MoltValue molt_str_zfill(MoltValue sv, int64_t width) {
  REQUIRE_STR(sv, "zfill");
  Str *s = STR(sv);
  if (width <= s->ncp) return incref(sv);
  Buf b;
  int64_t i = 0;
  if (s->nbytes && (s->data[0] == '+' || s->data[0] == '-')) {
    b.putc(s->data[0]);
    i = 1;
  }
  b.fill('0', width - s->ncp);
  b.put(s->data + i, s->nbytes - i);
  return b.take_str();
}

static V part_impl(V sv, V sep, bool rev) {
  REQUIRE_STR(sv, "partition");
  if (!is_str(sep)) return err_fmt(MOLT_EXC_TYPE_ERROR, "must be str, not %s", tname(sep));
  Str *s = STR(sv), *p = STR(sep);
  if (p->nbytes == 0) return err_fmt(MOLT_EXC_VALUE_ERROR, "empty separator");
  const char *f = rev ? mem_rfind(s->data, s->nbytes, p->data, p->nbytes) : mem_find(s->data, s->nbytes, p->data, p->nbytes);
  V t = tuple_new(3);
  if (!f) {
    TUPLE(t)->items[rev ? 2 : 0] = incref(sv);
    TUPLE(t)->items[1] = str_empty();
    TUPLE(t)->items[rev ? 0 : 2] = str_empty();
    return t;
  }
  int64_t j = f - s->data;
  TUPLE(t)->items[0] = mk(s->data, j);
  TUPLE(t)->items[1] = incref(sep);
  TUPLE(t)->items[2] = mk(s->data + j + p->nbytes, s->nbytes - j - p->nbytes);
  return t;
}
extern "C" MoltValue molt_str_partition(MoltValue s, MoltValue sep) { return part_impl(s, sep, false); }
extern "C" MoltValue molt_str_rpartition(MoltValue s, MoltValue sep) { return part_impl(s, sep, true); }

extern "C" MoltValue molt_str_splitlines(MoltValue sv, int keepends) {
  REQUIRE_STR(sv, "splitlines");
  Str *s = STR(sv);
  V out = list_new(0);
  int64_t i = 0, n = s->nbytes;
  const char *d = s->data;
  while (i < n) {
    int64_t j = i, eol = 0;
    while (j < n) {
      unsigned char c = (unsigned char)d[j];
      if (c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e) {
        eol = (c == '\r' && j + 1 < n && d[j + 1] == '\n') ? 2 : 1;
        break;
      }
      if (c == 0xC2 && j + 1 < n && (unsigned char)d[j + 1] == 0x85) {
        eol = 2;
        break;
      }
      if (c == 0xE2 && j + 2 < n && (unsigned char)d[j + 1] == 0x80 &&
          ((unsigned char)d[j + 2] == 0xA8 || (unsigned char)d[j + 2] == 0xA9)) {
        eol = 3;
        break;
      }
      j++;
    }
    list_append_steal(out, mk(d + i, keepends ? j + eol - i : j - i));
    i = j + eol;
  }
  return out;
}

static V remove_affix(V sv, V aff, bool suffix) {
  REQUIRE_STR(sv, suffix ? "removesuffix" : "removeprefix");
  if (!is_str(aff))
    return err_fmt(MOLT_EXC_TYPE_ERROR, "%s() argument must be str, not %s", suffix ? "removesuffix" : "removeprefix",
                   tname(aff));
  Str *s = STR(sv), *a = STR(aff);
  if (a->nbytes == 0 || a->nbytes > s->nbytes) return incref(sv);
  const char *at = suffix ? s->data + s->nbytes - a->nbytes : s->data;
  if (memcmp(at, a->data, (size_t)a->nbytes) != 0) return incref(sv);
  return suffix ? mk(s->data, s->nbytes - a->nbytes) : mk(s->data + a->nbytes, s->nbytes - a->nbytes);
}
extern "C" MoltValue molt_str_removeprefix(MoltValue s, MoltValue p) { return remove_affix(s, p, false); }
extern "C" MoltValue molt_str_removesuffix(MoltValue s, MoltValue p) { return remove_affix(s, p, true); }
extern "C" MoltValue molt_str_isdecimal(MoltValue sv) {
  REQUIRE_STR(sv, "isdecimal");
  Str *s = STR(sv);
  if (s->nbytes == 0) return MOLT_FALSE;
  for (int64_t i = 0; i < s->nbytes;) {
    uint32_t c;
    i = utf8_decode(s->data, s->nbytes, i, &c);
    if (!cp_is_decimal(c)) return MOLT_FALSE;
  }
  return MOLT_TRUE;
}
extern "C" MoltValue molt_str_isnumeric(MoltValue sv) {
  REQUIRE_STR(sv, "isnumeric");
  Str *s = STR(sv);
  if (s->nbytes == 0) return MOLT_FALSE;
  for (int64_t i = 0; i < s->nbytes;) {
    uint32_t c;
    i = utf8_decode(s->data, s->nbytes, i, &c);
    bool num = cp_is_decimal(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0xBC && c <= 0xBE) ||
               (c >= 0x2150 && c <= 0x2189) || (c >= 0x2460 && c <= 0x249B) || (c >= 0xFF10 && c <= 0xFF19);
    if (!num) return MOLT_FALSE;
  }
  return MOLT_TRUE;
}

extern "C" MoltValue molt_str_encode(MoltValue sv) {
  REQUIRE_STR(sv, "encode");
  return molt_bytes_from((const uint8_t *)STR(sv)->data, STR(sv)->nbytes);
}

// ---- bytes (minimal) -------------------------------------------------------------

extern "C" MoltValue molt_bytes_from(const uint8_t *data, int64_t n) {
  Bytes *b = (Bytes *)molt_alloc_object(offsetof(Bytes, data) + (size_t)n + 1, MOLT_TYPE_BYTES);
  b->n = n;
  if (n) memcpy(b->data, data, (size_t)n);
  return BOX(b);
}
extern "C" MoltValue molt_bytes_decode(MoltValue bv) {
  if (!is_type(bv, MOLT_TYPE_BYTES)) return err_fmt(MOLT_EXC_TYPE_ERROR, "decode() requires a bytes object");
  Bytes *b = AS(Bytes, bv);
  // validate UTF-8
  for (int64_t i = 0; i < b->n;) {
    unsigned char c = b->data[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len > 0 && i + len <= b->n;
    for (int k = 1; ok && k < len; k++) ok = (b->data[i + k] & 0xC0) == 0x80;
    if (!ok)
      return err_fmt(MOLT_EXC_UNICODE_ERROR, "'utf-8' codec can't decode byte 0x%02x in position %lld: invalid start byte",
                     c, (long long)i);
    i += len;
  }
  return str_new_utf8((const char *)b->data, b->n);
}
