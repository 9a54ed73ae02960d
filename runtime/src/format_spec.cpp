// format_spec.cpp - format(v, spec), f-string `{v:spec}`, str.format and
// printf-style `%` formatting, following CPython 3.11's format mini-language:
//   [[fill]align][sign][#][0][width][grouping][.precision][type]
#include <math.h>

#include "internal.h"

namespace {

struct Spec {
  uint32_t fill = ' ';
  char align = 0; // < > ^ =
  char sign = 0;  // + - space
  bool alt = false, zero = false, z = false;
  int64_t width = -1;
  char group = 0; // , _
  int64_t prec = -1;
  char type = 0;
};

bool parse_spec(V specv, Spec *sp, const char *tn) {
  Str *s = STR(specv);
  const char *p = s->data, *e = s->data + s->nbytes;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  // fill+align
  bool fill_specified = false;
  if (p < e) {
    uint32_t cp;
    int64_t nx = utf8_decode(s->data, s->nbytes, p - s->data, &cp);
    const char *after = s->data + nx;
    if (after < e && is_align(*after)) {
      sp->fill = cp;
      sp->align = *after;
      fill_specified = true;
      p = after + 1;
    } else if (is_align(*p)) {
      sp->align = *p++;
    }
  }
  if (p < e && (*p == '+' || *p == '-' || *p == ' ')) sp->sign = *p++;
  if (p < e && *p == 'z') { // 3.11: coerce negative zero to zero
    sp->z = true;
    p++;
  }
  if (p < e && *p == '#') {
    sp->alt = true;
    p++;
  }
  if (p < e && *p == '0') {
    sp->zero = true;
    p++;
  }
  if (p < e && *p >= '0' && *p <= '9') {
    sp->width = 0;
    while (p < e && *p >= '0' && *p <= '9') sp->width = sp->width * 10 + (*p++ - '0');
  }
  if (p < e && (*p == ',' || *p == '_')) sp->group = *p++;
  if (p < e && *p == '.') {
    p++;
    if (p >= e || *p < '0' || *p > '9') {
      err_fmt(MOLT_EXC_VALUE_ERROR, "Format specifier missing precision");
      return false;
    }
    sp->prec = 0;
    while (p < e && *p >= '0' && *p <= '9') sp->prec = sp->prec * 10 + (*p++ - '0');
  }
  if (p < e) sp->type = *p++;
  if (p < e) {
    err_fmt(MOLT_EXC_VALUE_ERROR, "Invalid format specifier '%s' for object of type '%s'", s->data, tn);
    return false;
  }
  // CPython: '0' sets the fill unless one was given; it implies '='
  // alignment only for numbers and only without an explicit alignment
  // (applied by the numeric formatters via Spec::zero).
  if (sp->zero && !fill_specified) sp->fill = '0';
  return true;
}

int64_t cp_len(const char *s, int64_t n) {
  int64_t c = 0;
  for (int64_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
  return c;
}

// Inserts grouping separators into the integer digits; every `every` digits.
void group_digits(Buf *out, const char *d, int64_t n, char sep, int every) {
  for (int64_t i = 0; i < n; i++) {
    if (i && (n - i) % every == 0) out->putc(sep);
    out->putc(d[i]);
  }
}

// Lays out sign/prefix + body with fill & alignment.
V finish(const Spec &sp, const char *signpfx, int64_t nsign, const char *body, int64_t nbody, char default_align) {
  char align = sp.align ? sp.align : (sp.zero && default_align == '>') ? '=' : default_align;
  int64_t len = nsign + cp_len(body, nbody);
  int64_t pad = sp.width > len ? sp.width - len : 0;
  Buf b;
  int64_t left = 0, right = 0;
  switch (align) {
  case '<': right = pad; break;
  case '^': left = pad / 2; right = pad - left; break;
  case '=':
    b.put(signpfx, nsign);
    b.fill(sp.fill, pad);
    b.put(body, nbody);
    return b.take_str();
  default: left = pad; break;
  }
  b.fill(sp.fill, left);
  b.put(signpfx, nsign);
  b.put(body, nbody);
  b.fill(sp.fill, right);
  return b.take_str();
}

// Body digits with grouping and zero padding that is itself grouped (CPython).
V finish_number(const Spec &sp, const char *sign_pfx, int64_t nsp, const char *intpart, int64_t nint,
                const char *rest, int64_t nrest, int every) {
  Buf body;
  if (sp.group) {
    if ((sp.align == '=' || (!sp.align && sp.zero)) && sp.fill == '0' && sp.width > 0) {
      // zero padding participates in grouping
      int64_t digits = nint;
      while (true) {
        int64_t glen = digits + (digits - 1) / every;
        if (nsp + glen + cp_len(rest, nrest) >= sp.width) break;
        digits++;
      }
      Buf z;
      z.fill('0', digits - nint);
      z.put(intpart, nint);
      group_digits(&body, z.p, z.n, sp.group, every);
      z.free_();
    } else {
      group_digits(&body, intpart, nint, sp.group, every);
    }
  } else {
    body.put(intpart, nint);
  }
  body.put(rest, nrest);
  V r = finish(sp, sign_pfx, nsp, body.p ? body.p : "", body.n, '>');
  body.free_();
  return r;
}

V format_int(V v, const Spec &sp0) {
  Spec sp = sp0;
  char t = sp.type ? sp.type : 'd';
  if (t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%') return MOLT_STOP; // use float path
  if (sp.z) return err_fmt(MOLT_EXC_VALUE_ERROR, "Negative zero coercion (z) not allowed in integer format specifier");
  if (sp.prec >= 0) return err_fmt(MOLT_EXC_VALUE_ERROR, "Precision not allowed in integer format specifier");
  if (t == 'c') {
    int64_t c;
    if (!int_fits_i64(v, &c) || c < 0 || c > 0x10FFFF) return err_fmt(MOLT_EXC_OVERFLOW_ERROR, "%%c arg not in range(0x110000)");
    char tmp[4];
    int64_t k = utf8_encode((uint32_t)c, tmp);
    return finish(sp, "", 0, tmp, k, '>');
  }
  int base = t == 'd' || t == 'n' ? 10 : t == 'x' || t == 'X' ? 16 : t == 'o' ? 8 : t == 'b' ? 2 : 0;
  if (!base) return err_fmt(MOLT_EXC_VALUE_ERROR, "Unknown format code '%c' for object of type 'int'", t);
  if (sp.group == ',' && base != 10) return err_fmt(MOLT_EXC_VALUE_ERROR, "Cannot specify ',' with '%c'.", t);
  int neg = int_sign(v) < 0;
  V a = neg ? int_neg(v) : incref(norm_bool(v));
  V digits = int_to_str(a, base);
  decref(a);
  if (digits == MOLT_NULL) return MOLT_NULL;
  char pfx[8];
  int np = 0;
  if (neg) pfx[np++] = '-';
  else if (sp.sign == '+') pfx[np++] = '+';
  else if (sp.sign == ' ') pfx[np++] = ' ';
  if (sp.alt && base != 10) {
    pfx[np++] = '0';
    pfx[np++] = t == 'x' ? 'x' : t == 'X' ? 'X' : t == 'o' ? 'o' : 'b';
  }
  Str *d = STR(digits);
  char *dd = (char *)molt_xmalloc((size_t)d->nbytes + 1);
  memcpy(dd, d->data, (size_t)d->nbytes + 1);
  if (t == 'X')
    for (int64_t i = 0; i < d->nbytes; i++)
      if (dd[i] >= 'a' && dd[i] <= 'f') dd[i] = (char)(dd[i] - 32);
  V r = finish_number(sp, pfx, np, dd, d->nbytes, "", 0, base == 10 ? 3 : 4);
  free(dd);
  decref(digits);
  return r;
}

V format_float(double x, const Spec &sp) {
  char t = sp.type;
  if (t && !strchr("eEfFgGn%", t)) return err_fmt(MOLT_EXC_VALUE_ERROR, "Unknown format code '%c' for object of type 'float'", t);
  bool neg = signbit(x) && !isnan(x);
  double ax = fabs(x);
  char body[512];
  int n;
  if (t == '%') ax *= 100;
  if (isnan(x) || isinf(x)) {
    const char *s = isnan(x) ? "nan" : "inf";
    if (t == 'E' || t == 'F' || t == 'G') s = isnan(x) ? "NAN" : "INF";
    n = snprintf(body, sizeof body, "%s%s", s, t == '%' ? "%" : "");
  } else if (!t) {
    if (sp.prec < 0) {
      n = float_repr_buf(ax, body, sizeof body);
      if (sp.alt && strchr(body, 'e') && !strchr(body, '.')) { // '#': force a decimal point
        memmove(body + 2, body + 1, (size_t)n);
        body[1] = '.';
        n++;
      }
    } else {
      // like 'g' but exponent already when decpt > p-1 and at least one
      // fractional digit in fixed notation (CPython Py_DTSF_ADD_DOT_0)
      int p = sp.prec == 0 ? 1 : (int)(sp.prec > 400 ? 400 : sp.prec);
      char eb[512];
      snprintf(eb, sizeof eb, "%.*e", p - 1, ax);
      int x = atoi(strchr(eb, 'e') + 1);
      if (x < -4 || x >= p - 1) {
        n = snprintf(body, sizeof body, sp.alt ? "%#.*e" : "%.*e", p - 1, ax);
        char *e = strchr(body, 'e');
        if (!sp.alt && memchr(body, '.', (size_t)(e - body))) { // strip fractional trailing zeros
          char *m = e;
          while (m[-1] == '0') m--;
          if (m[-1] == '.') m--;
          memmove(m, e, strlen(e) + 1);
          n = (int)strlen(body);
        }
      } else {
        n = snprintf(body, sizeof body, "%.*f", p - 1 - x, ax);
        if (!sp.alt && strchr(body, '.')) {
          while (n > 0 && body[n - 1] == '0') body[--n] = 0;
          if (n > 0 && body[n - 1] == '.') body[--n] = 0;
        }
        if (!strchr(body, '.')) n += snprintf(body + n, sizeof body - (size_t)n, ".0");
      }
    }
  } else {
    int p = sp.prec < 0 ? 6 : (int)(sp.prec > 400 ? 400 : sp.prec);
    char ct = t == '%' ? 'f' : t == 'n' ? 'g' : t;
    char fmt[16];
    snprintf(fmt, sizeof fmt, "%%%s.*%c", sp.alt ? "#" : "", ct);
    if ((ct == 'g' || ct == 'G') && p == 0) p = 1;
    n = snprintf(body, sizeof body, fmt, p, ax);
    if (n >= (int)sizeof body) n = (int)sizeof body - 1;
    if (t == '%') body[n++] = '%', body[n] = 0;
  }
  if (neg && sp.z) { // 'z': drop the sign if the rounded result is zero
    bool all_zero = true;
    for (int i = 0; i < n && body[i] != 'e' && body[i] != 'E'; i++)
      if (body[i] >= '1' && body[i] <= '9') all_zero = false;
    if (all_zero) neg = false;
  }
  char pfx[2];
  int np = 0;
  if (neg) pfx[np++] = '-';
  else if (sp.sign == '+') pfx[np++] = '+';
  else if (sp.sign == ' ') pfx[np++] = ' ';
  // split integer digits from the rest for grouping
  int64_t nint = 0;
  while (nint < n && body[nint] >= '0' && body[nint] <= '9') nint++;
  if (isnan(x) || isinf(x)) nint = 0;
  if (nint == 0) return finish(sp, pfx, np, body, n, '>');
  return finish_number(sp, pfx, np, body, nint, body + nint, n - nint, 3);
}

V format_str(V s, const Spec &sp) {
  if (sp.type && sp.type != 's') return err_fmt(MOLT_EXC_VALUE_ERROR, "Unknown format code '%c' for object of type 'str'", sp.type);
  if (sp.sign) return err_fmt(MOLT_EXC_VALUE_ERROR, "Sign not allowed in string format specifier");
  if (sp.align == '=') return err_fmt(MOLT_EXC_VALUE_ERROR, "'=' alignment not allowed in string format specifier");
  if (sp.group) return err_fmt(MOLT_EXC_VALUE_ERROR, "Cannot specify '%c' with 's'.", sp.group);
  Str *st = STR(s);
  int64_t nb = st->nbytes;
  if (sp.prec >= 0 && sp.prec < st->ncp) nb = str_cp_to_byte(st, sp.prec);
  return finish(sp, "", 0, st->data, nb, '<');
}

} // namespace

extern "C" MoltValue molt_format(MoltValue v, MoltValue spec) {
  if (spec != MOLT_NONE && !is_str(spec)) return err_fmt(MOLT_EXC_TYPE_ERROR, "format() argument 2 must be str, not %s", tname(spec));
  if (spec == MOLT_NONE || STR(spec)->nbytes == 0) return molt_str_of(v);
  Spec sp;
  if (!parse_spec(spec, &sp, tname(v))) return MOLT_NULL;
  if (is_intlike(v)) {
    V r = format_int(v, sp);
    if (r != MOLT_STOP) return r;
    double d;
    if (!to_double(v, &d)) return MOLT_NULL;
    return format_float(d, sp);
  }
  if (molt_is_double(v)) return format_float(molt_unbox_double(v), sp);
  if (is_str(v)) return format_str(v, sp);
  return err_fmt(MOLT_EXC_TYPE_ERROR, "unsupported format string passed to %s.__format__", tname(v));
}

// ---- str.format --------------------------------------------------------------------------

namespace {

struct FmtState {
  const V *args;
  int64_t nargs;
  V kwargs; // dict or MOLT_NONE
  int64_t auto_idx = 0;
  int mode = 0; // 0 unknown, 1 automatic numbering, 2 manual
};

// Resolves a field name: "" (automatic), digits, or identifier (kwargs),
// followed by any number of [key] items. Returns a new ref or MOLT_NULL.
V resolve_field(FmtState &st, const char *f, const char *fe) {
  const char *k = f;
  while (k < fe && *k != '[' && *k != '.') k++;
  V val;
  if (k == f) {
    if (st.mode == 2)
      return err_fmt(MOLT_EXC_VALUE_ERROR, "cannot switch from manual field specification to automatic field numbering");
    st.mode = 1;
    int64_t idx = st.auto_idx++;
    if (idx >= st.nargs)
      return err_fmt(MOLT_EXC_INDEX_ERROR, "Replacement index %lld out of range for positional args tuple", (long long)idx);
    val = incref(st.args[idx]);
  } else if (*f >= '0' && *f <= '9') {
    if (st.mode == 1)
      return err_fmt(MOLT_EXC_VALUE_ERROR, "cannot switch from automatic field numbering to manual field specification");
    st.mode = 2;
    int64_t idx = 0;
    for (const char *q = f; q < k; q++) {
      if (*q < '0' || *q > '9') return err_fmt(MOLT_EXC_VALUE_ERROR, "invalid field name");
      idx = idx * 10 + (*q - '0');
    }
    if (idx >= st.nargs)
      return err_fmt(MOLT_EXC_INDEX_ERROR, "Replacement index %lld out of range for positional args tuple", (long long)idx);
    val = incref(st.args[idx]);
  } else {
    V name = str_new_utf8(f, k - f);
    int err = 0;
    V r = st.kwargs == MOLT_NONE ? MOLT_NULL : dict_lookup(st.kwargs, name, str_hash(name), &err);
    if (r == MOLT_NULL) { // absent (or comparison error): KeyError('name')
      if (!err) err_key(name);
      decref(name);
      return MOLT_NULL;
    }
    decref(name);
    val = incref(r);
  }
  while (k < fe) {
    if (*k == '.') return (decref(val), err_fmt(MOLT_EXC_VALUE_ERROR, "attribute fields are not supported"));
    const char *close = (const char *)memchr(k, ']', (size_t)(fe - k));
    if (!close) return (decref(val), err_fmt(MOLT_EXC_VALUE_ERROR, "Missing ']' in format string"));
    const char *a = k + 1;
    bool digits = a < close;
    int64_t n = 0;
    for (const char *q = a; q < close; q++) {
      if (*q < '0' || *q > '9') digits = false;
      else n = n * 10 + (*q - '0');
    }
    V key = digits ? int_from_i64(n) : str_new_utf8(a, close - a);
    V item = molt_getitem(val, key);
    decref(key);
    decref(val);
    if (item == MOLT_NULL) return MOLT_NULL;
    val = item;
    k = close + 1;
  }
  return val;
}

int format_into(Buf *out, FmtState &st, const char *p, const char *e, int depth) {
  if (depth > 2) {
    err_fmt(MOLT_EXC_VALUE_ERROR, "Max string recursion exceeded");
    return -1;
  }
  while (p < e) {
    if (*p == '{') {
      if (p + 1 < e && p[1] == '{') {
        out->putc('{');
        p += 2;
        continue;
      }
      const char *q = p + 1;
      int d = 1;
      while (q < e && d) {
        if (*q == '{') d++;
        else if (*q == '}') d--;
        if (d) q++;
      }
      if (q >= e) {
        err_fmt(MOLT_EXC_VALUE_ERROR, depth ? "unmatched '{' in format spec" : "Single '{' encountered in format string");
        return -1;
      }
      // field: name[!conv][:spec]
      const char *f = p + 1, *fe = q;
      const char *colon = nullptr, *bang = nullptr;
      int br = 0;
      for (const char *k = f; k < fe; k++) {
        if (*k == '[') br++;
        else if (*k == ']') br--;
        else if (br == 0 && *k == '!' && !bang) bang = k;
        else if (br == 0 && *k == ':') {
          colon = k;
          break;
        }
      }
      const char *name_end = bang ? bang : colon ? colon : fe;
      V val = resolve_field(st, f, name_end);
      if (val == MOLT_NULL) return -1;
      if (bang) {
        const char *conv_end = colon ? colon : fe;
        char c = bang + 1 < conv_end ? bang[1] : 0;
        V conv = c == 'r' ? molt_repr_of(val) : c == 's' ? molt_str_of(val) : c == 'a' ? molt_ascii(val) : MOLT_NULL;
        decref(val);
        if (conv == MOLT_NULL) {
          if (!molt_err_occurred()) err_fmt(MOLT_EXC_VALUE_ERROR, "Unknown conversion specifier %c", c);
          return -1;
        }
        val = conv;
      }
      V spec;
      if (colon && memchr(colon + 1, '{', (size_t)(fe - colon - 1))) { // nested fields in the spec
        Buf sb;
        if (format_into(&sb, st, colon + 1, fe, depth + 1) < 0) {
          sb.free_();
          decref(val);
          return -1;
        }
        spec = sb.take_str();
      } else {
        spec = colon ? str_new_utf8(colon + 1, fe - colon - 1) : str_empty();
      }
      V r = molt_format(val, spec);
      decref(spec);
      decref(val);
      if (r == MOLT_NULL) return -1;
      out->putv(r);
      decref(r);
      p = q + 1;
    } else if (*p == '}') {
      if (p + 1 < e && p[1] == '}') {
        out->putc('}');
        p += 2;
        continue;
      }
      err_fmt(MOLT_EXC_VALUE_ERROR, "Single '}' encountered in format string");
      return -1;
    } else {
      out->putc(*p++);
    }
  }
  return 0;
}

} // namespace

extern "C" MoltValue molt_str_format_kw(MoltValue fmt, const MoltValue *args, int64_t nargs, MoltValue kwargs) {
  if (!is_str(fmt)) return err_fmt(MOLT_EXC_TYPE_ERROR, "format requires a str");
  if (kwargs != MOLT_NONE && !is_dict(kwargs)) return err_fmt(MOLT_EXC_TYPE_ERROR, "format kwargs must be a dict");
  FmtState st;
  st.args = args;
  st.nargs = nargs;
  st.kwargs = kwargs;
  Buf out;
  if (format_into(&out, st, STR(fmt)->data, STR(fmt)->data + STR(fmt)->nbytes, 0) < 0) {
    out.free_();
    return MOLT_NULL;
  }
  return out.take_str();
}

extern "C" MoltValue molt_str_format(MoltValue fmt, const MoltValue *args, int64_t nargs) {
  return molt_str_format_kw(fmt, args, nargs, MOLT_NONE);
}

// ---- printf-style % ----------------------------------------------------------------------

extern "C" MoltValue molt_str_percent(MoltValue fmt, MoltValue args) {
  if (!is_str(fmt)) return err_fmt(MOLT_EXC_TYPE_ERROR, "format requires a str");
  const V *argv;
  int64_t nargs;
  if (is_tuple(args)) {
    argv = TUPLE(args)->items;
    nargs = TUPLE(args)->len;
  } else {
    argv = &args;
    nargs = 1;
  }
  int64_t ai = 0;
  Str *s = STR(fmt);
  const char *p = s->data, *e = s->data + s->nbytes;
  Buf out;
  while (p < e) {
    if (*p != '%') {
      out.putc(*p++);
      continue;
    }
    p++;
    if (p >= e) {
      out.free_();
      return err_fmt(MOLT_EXC_VALUE_ERROR, "incomplete format");
    }
    if (*p == '%') {
      out.putc('%');
      p++;
      continue;
    }
    V mapped = MOLT_NULL; // %(name)s: value looked up in a mapping argument
    if (*p == '(') {
      if (!is_dict(args)) {
        out.free_();
        return err_fmt(MOLT_EXC_TYPE_ERROR, "format requires a mapping");
      }
      const char *q = p + 1;
      int d = 1;
      while (q < e && d) {
        if (*q == '(') d++;
        else if (*q == ')') d--;
        if (d) q++;
      }
      if (q >= e) {
        out.free_();
        return err_fmt(MOLT_EXC_VALUE_ERROR, "incomplete format key");
      }
      V key = str_new_utf8(p + 1, q - p - 1);
      mapped = molt_dict_getitem(args, key);
      decref(key);
      if (mapped == MOLT_NULL) {
        out.free_();
        return MOLT_NULL;
      }
      p = q + 1;
    }
    Spec sp;
    bool left = false;
    while (p < e && strchr("-+ 0#", *p)) {
      if (*p == '-') left = true;
      else if (*p == '+') sp.sign = '+';
      else if (*p == ' ') { if (!sp.sign) sp.sign = ' '; }
      else if (*p == '0') sp.zero = true;
      else sp.alt = true;
      p++;
    }
    // `*` takes the width or precision from the arguments (an int).
    auto star = [&](int64_t& v) {
      if (ai >= nargs || !molt_is_smallint(argv[ai])) return false;
      v = molt_unbox_smallint(argv[ai++]);
      p++;
      return true;
    };
    if (p < e && *p == '*') {
      if (!star(sp.width)) {
        out.free_();
        return err_fmt(MOLT_EXC_TYPE_ERROR, "* wants int");
      }
      if (sp.width < 0) {
        left = true;
        sp.width = -sp.width;
      }
    } else if (p < e && *p >= '0' && *p <= '9') {
      sp.width = 0;
      while (p < e && *p >= '0' && *p <= '9') sp.width = sp.width * 10 + (*p++ - '0');
    }
    if (p < e && *p == '.') {
      p++;
      sp.prec = 0;
      if (p < e && *p == '*') {
        if (!star(sp.prec)) {
          out.free_();
          return err_fmt(MOLT_EXC_TYPE_ERROR, "* wants int");
        }
        if (sp.prec < 0) sp.prec = 0;
      } else {
        while (p < e && *p >= '0' && *p <= '9') sp.prec = sp.prec * 10 + (*p++ - '0');
      }
    }
    if (p >= e) {
      out.free_();
      return err_fmt(MOLT_EXC_VALUE_ERROR, "incomplete format");
    }
    char t = *p++;
    if (mapped == MOLT_NULL && ai >= nargs) {
      out.free_();
      return err_fmt(MOLT_EXC_TYPE_ERROR, "not enough arguments for format string");
    }
    V a = mapped != MOLT_NULL ? mapped : argv[ai++];
    V piece = MOLT_NULL;
    if (left) sp.align = '<';
    else if (sp.zero && t != 's' && t != 'r' && t != 'a' && t != 'c') {
      sp.fill = '0';
      sp.align = '=';
    } else sp.align = '>';
    switch (t) {
    case 's':
    case 'r':
    case 'a': {
      V sv = t == 's' ? molt_str_of(a) : t == 'r' ? molt_repr_of(a) : molt_ascii(a);
      if (sv == MOLT_NULL) break;
      Spec ss = sp;
      ss.sign = 0;
      ss.fill = ' ';
      ss.type = 0;
      piece = format_str(sv, ss);
      decref(sv);
      break;
    }
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': {
      V iv;
      if (is_intlike(a)) iv = incref(norm_bool(a));
      else if (molt_is_double(a) && (t == 'd' || t == 'i' || t == 'u')) {
        double d = molt_unbox_double(a);
        if (isnan(d) || isinf(d)) {
          err_fmt(isnan(d) ? MOLT_EXC_VALUE_ERROR : MOLT_EXC_OVERFLOW_ERROR, "cannot convert float %s to integer",
                  isnan(d) ? "NaN" : "infinity");
          break;
        }
        iv = int_from_double(d);
      } else {
        if (t == 'd' || t == 'i' || t == 'u')
          err_fmt(MOLT_EXC_TYPE_ERROR, "%%%c format: a real number is required, not %s", t, tname(a));
        else
          err_fmt(MOLT_EXC_TYPE_ERROR, "%%%c format: an integer is required, not %s", t, tname(a));
        break;
      }
      Spec is = sp;
      is.type = (t == 'i' || t == 'u') ? 'd' : t;
      int64_t prec = is.prec;
      is.prec = -1;
      V body = format_int(iv, Spec{});
      Spec tmp = is;
      if (prec >= 0 && body != MOLT_NULL) { // precision = minimum digits
        decref(body);
        Spec zs;
        zs.type = is.type;
        zs.alt = is.alt;
        zs.fill = '0';
        zs.align = '=';
        zs.width = prec + (int_sign(iv) < 0) + (is.alt && is.type != 'd' ? 2 : 0);
        zs.sign = is.sign;
        body = format_int(iv, zs);
        if (body != MOLT_NULL) {
          Spec ws;
          ws.width = is.width;
          ws.align = is.align == '=' ? '>' : is.align;
          piece = format_str(body, ws);
          decref(body);
        }
      } else {
        if (body != MOLT_NULL) decref(body);
        piece = format_int(iv, tmp);
      }
      decref(iv);
      break;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      double d;
      if (!is_intlike(a) && !molt_is_double(a)) {
        err_fmt(MOLT_EXC_TYPE_ERROR, "must be real number, not %s", tname(a));
        break;
      }
      if (!to_double(a, &d)) break;
      Spec fs = sp;
      fs.type = t;
      if (fs.prec < 0) fs.prec = 6;
      piece = format_float(d, fs);
      break;
    }
    case 'c': {
      if (is_str(a) && STR(a)->ncp == 1) {
        Spec ss = sp;
        ss.sign = 0;
        ss.type = 0;
        piece = format_str(a, ss);
      } else if (is_intlike(a)) {
        Spec cs = sp;
        cs.type = 'c';
        piece = format_int(a, cs);
      } else {
        err_fmt(MOLT_EXC_TYPE_ERROR, "%%c requires int or char");
      }
      break;
    }
    default:
      err_fmt(MOLT_EXC_VALUE_ERROR, "unsupported format character '%c' (0x%x) at index %lld", t, (unsigned)t,
              (long long)(p - s->data - 1));
      break;
    }
    xdecref(mapped);
    if (piece == MOLT_NULL) {
      out.free_();
      return MOLT_NULL;
    }
    out.putv(piece);
    decref(piece);
  }
  if (ai < nargs && is_tuple(args)) {
    out.free_();
    return err_fmt(MOLT_EXC_TYPE_ERROR, "not all arguments converted during string formatting");
  }
  if (ai == 0 && !is_tuple(args) && !is_dict(args) && nargs == 1) {
    out.free_();
    return err_fmt(MOLT_EXC_TYPE_ERROR, "not all arguments converted during string formatting");
  }
  return out.take_str();
}
