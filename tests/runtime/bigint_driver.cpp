// bigint_driver.cpp - evaluates integer expressions with the Molt runtime
// for the python3 differential test (bigint_diff.py).
//
// stdin: one case per line, "<op> <a> [<b>]" with decimal operands.
// stdout: one line per case: repr of the result, or "ERR <Type>: <message>".
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "molt/runtime.h"

static MoltValue parse(const char *tok) {
  MoltValue s = molt_str_from_cstr(tok);
  MoltValue v = molt_int_from_str(s, 10);
  molt_decref(s);
  return v;
}

static void report(MoltValue r) {
  if (r == MOLT_NULL) {
    MoltValue e = molt_err_fetch();
    MoltValue msg = molt_str(e);
    printf("ERR %s: %s\n", molt_type_name(molt_type_id(e)), molt_str_utf8(msg, NULL));
    molt_decref(msg);
    molt_decref(e);
    return;
  }
  MoltValue s = molt_repr(r);
  if (s == MOLT_NULL) {
    report(MOLT_NULL);
  } else {
    printf("%s\n", molt_str_utf8(s, NULL));
    molt_decref(s);
  }
  molt_decref(r);
}

// ---- "call" cases: a Python-literal parser and a method table -------------
// Lines "call\t<name>\t<repr(arg1)>\t<repr(arg2)>..." evaluate one runtime
// entry point on literal arguments (ints, floats, str, None, bools, lists,
// tuples, dicts) and print repr(result) (mutating methods print
// (result, receiver)).

static const char *g_p;
static MoltValue parse_lit();
static void skip_ws() {
  while (*g_p == ' ') g_p++;
}
static MoltValue parse_seq(char close, int kind) { // 0 list 1 tuple 2 dict 3 set
  MoltValue out = kind == 2 ? molt_dict_new() : molt_list_new(0);
  skip_ws();
  while (*g_p && *g_p != close) {
    MoltValue k = parse_lit();
    skip_ws();
    if (kind == 2 && *g_p == ':') {
      g_p++;
      MoltValue v = parse_lit();
      molt_dict_set(out, k, v);
      molt_decref(v);
    } else {
      molt_list_append(out, k);
    }
    molt_decref(k);
    skip_ws();
    if (*g_p == ',') g_p++;
    skip_ws();
  }
  if (*g_p == close) g_p++;
  if (kind == 1) {
    MoltValue t = molt_tuple(out);
    molt_decref(out);
    return t;
  }
  if (kind == 3) { // a set display of constants, built the way CPython does
    int64_t n = molt_len(out);
    MoltValue *items = (MoltValue *)malloc(sizeof(MoltValue) * (size_t)(n + 1));
    for (int64_t i = 0; i < n; i++) items[i] = molt_list_get_borrowed(out, i);
    MoltValue t = molt_set_from_array(items, n, 1);
    free(items);
    molt_decref(out);
    return t;
  }
  return out;
}
static uint32_t hexn(int n) {
  uint32_t v = 0;
  for (int i = 0; i < n && *g_p; i++, g_p++) {
    char c = *g_p;
    v = v * 16 + (uint32_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return v;
}
static void put_utf8(char *buf, size_t *n, uint32_t cp) {
  if (cp < 0x80) buf[(*n)++] = (char)cp;
  else if (cp < 0x800) { buf[(*n)++] = (char)(0xC0 | (cp >> 6)); buf[(*n)++] = (char)(0x80 | (cp & 0x3F)); }
  else if (cp < 0x10000) { buf[(*n)++] = (char)(0xE0 | (cp >> 12)); buf[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F)); buf[(*n)++] = (char)(0x80 | (cp & 0x3F)); }
  else { buf[(*n)++] = (char)(0xF0 | (cp >> 18)); buf[(*n)++] = (char)(0x80 | ((cp >> 12) & 0x3F)); buf[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F)); buf[(*n)++] = (char)(0x80 | (cp & 0x3F)); }
}
static MoltValue parse_lit() {
  skip_ws();
  char c = *g_p;
  if (c == '[') { g_p++; return parse_seq(']', 0); }
  if (c == '(') { g_p++; return parse_seq(')', 1); }
  if (c == '{') { // dict, or set if the first element has no ':'
    const char *save = ++g_p;
    int depth = 0;
    int is_set = 1;
    for (const char *q = g_p; *q && !(depth == 0 && *q == '}'); q++) {
      if (*q == '\'' || *q == '"') { char qc = *q++; while (*q && *q != qc) { if (*q == '\\') q++; q++; } continue; }
      if (*q == '[' || *q == '(' || *q == '{') depth++;
      else if (*q == ']' || *q == ')' || *q == '}') depth--;
      else if (*q == ':' && depth == 0) { is_set = 0; break; }
      else if (*q == ',' && depth == 0) break;
    }
    g_p = save;
    return parse_seq('}', is_set && *g_p != '}' ? 3 : 2);
  }
  if (c == '\'' || c == '"') {
    char q = *g_p++;
    static char buf[1 << 16];
    size_t n = 0;
    while (*g_p && *g_p != q) {
      if (*g_p == '\\') {
        g_p++;
        char e = *g_p++;
        switch (e) {
        case 'n': buf[n++] = '\n'; break;
        case 't': buf[n++] = '\t'; break;
        case 'r': buf[n++] = '\r'; break;
        case 'x': put_utf8(buf, &n, hexn(2)); break;
        case 'u': put_utf8(buf, &n, hexn(4)); break;
        case 'U': put_utf8(buf, &n, hexn(8)); break;
        default: buf[n++] = e; break;
        }
      } else {
        buf[n++] = *g_p++;
      }
    }
    if (*g_p == q) g_p++;
    return molt_str_from_utf8(buf, (int64_t)n);
  }
  if (!strncmp(g_p, "None", 4)) { g_p += 4; return MOLT_NONE; }
  if (!strncmp(g_p, "True", 4)) { g_p += 4; return MOLT_TRUE; }
  if (!strncmp(g_p, "False", 5)) { g_p += 5; return MOLT_FALSE; }
  if (!strncmp(g_p, "set()", 5)) { g_p += 5; return molt_set_new(); }
  // number
  char tok[512];
  size_t n = 0;
  while (*g_p && !strchr(",)]}: \t\n", *g_p) && n < sizeof tok - 1) tok[n++] = *g_p++;
  tok[n] = 0;
  MoltValue s = molt_str_from_cstr(tok);
  MoltValue v = (strpbrk(tok, ".en") && strncmp(tok, "0x", 2)) ? molt_float(s) : molt_int_from_str(s, 10);
  molt_decref(s);
  return v;
}

static MoltValue pair(MoltValue r, MoltValue obj) { // (r, obj), steals r
  if (r == MOLT_NULL) return MOLT_NULL;
  MoltValue items[2] = {r, obj};
  MoltValue t = molt_tuple_from_array(items, 2);
  molt_decref(r);
  return t;
}
static MoltValue rc_pair(int rc, MoltValue obj) { return rc < 0 ? MOLT_NULL : pair(MOLT_NONE, obj); }
static int64_t i64(MoltValue v) { return v == MOLT_NONE ? -1 : molt_int_as_i64(v); }
static MoltValue to_list(MoltValue it) {
  if (it == MOLT_NULL) return MOLT_NULL;
  MoltValue l = molt_list(it);
  molt_decref(it);
  return l;
}

static MoltValue dispatch(const char *name, MoltValue *a, int n) {
#define A(i) (i < n ? a[i] : MOLT_NONE)
#define IS(x) (strcmp(name, x) == 0)
  if (IS("str.split")) return molt_str_split(A(0), A(1), n > 2 ? i64(a[2]) : -1);
  if (IS("str.rsplit")) return molt_str_rsplit(A(0), A(1), n > 2 ? i64(a[2]) : -1);
  if (IS("str.join")) return molt_str_join(A(0), A(1));
  if (IS("str.strip")) return molt_str_strip(A(0), A(1));
  if (IS("str.lstrip")) return molt_str_lstrip(A(0), A(1));
  if (IS("str.rstrip")) return molt_str_rstrip(A(0), A(1));
  if (IS("str.replace")) return molt_str_replace(A(0), A(1), A(2), n > 3 ? i64(a[3]) : -1);
  if (IS("str.find")) return molt_str_find(A(0), A(1), A(2), A(3));
  if (IS("str.rfind")) return molt_str_rfind(A(0), A(1), A(2), A(3));
  if (IS("str.index")) return molt_str_index(A(0), A(1), A(2), A(3));
  if (IS("str.rindex")) return molt_str_rindex(A(0), A(1), A(2), A(3));
  if (IS("str.count")) return molt_str_count(A(0), A(1), A(2), A(3));
  if (IS("str.startswith")) return molt_str_startswith(A(0), A(1), A(2), A(3));
  if (IS("str.endswith")) return molt_str_endswith(A(0), A(1), A(2), A(3));
  if (IS("str.upper")) return molt_str_upper(A(0));
  if (IS("str.lower")) return molt_str_lower(A(0));
  if (IS("str.title")) return molt_str_title(A(0));
  if (IS("str.capitalize")) return molt_str_capitalize(A(0));
  if (IS("str.swapcase")) return molt_str_swapcase(A(0));
  if (IS("str.isdigit")) return molt_str_isdigit(A(0));
  if (IS("str.isalpha")) return molt_str_isalpha(A(0));
  if (IS("str.isalnum")) return molt_str_isalnum(A(0));
  if (IS("str.isspace")) return molt_str_isspace(A(0));
  if (IS("str.isupper")) return molt_str_isupper(A(0));
  if (IS("str.islower")) return molt_str_islower(A(0));
  if (IS("str.zfill")) return molt_str_zfill(A(0), i64(A(1)));
  if (IS("str.center")) return molt_str_center(A(0), i64(A(1)), A(2));
  if (IS("str.ljust")) return molt_str_ljust(A(0), i64(A(1)), A(2));
  if (IS("str.rjust")) return molt_str_rjust(A(0), i64(A(1)), A(2));
  if (IS("str.partition")) return molt_str_partition(A(0), A(1));
  if (IS("str.rpartition")) return molt_str_rpartition(A(0), A(1));
  if (IS("str.splitlines")) return molt_str_splitlines(A(0), n > 1 && a[1] == MOLT_TRUE);
  if (IS("str.format")) return molt_str_format(A(0), a + 1, n - 1);
  if (IS("str.removeprefix")) return molt_str_removeprefix(A(0), A(1));
  if (IS("str.removesuffix")) return molt_str_removesuffix(A(0), A(1));
  if (IS("str.isdecimal")) return molt_str_isdecimal(A(0));
  if (IS("str.isnumeric")) return molt_str_isnumeric(A(0));
  if (IS("int.bit_length")) return molt_int_bit_length(A(0));
  if (IS("float.is_integer")) return molt_float_is_integer(A(0));
  if (IS("mod")) return molt_mod(A(0), A(1));
  if (IS("getitem")) return molt_getitem(A(0), A(1));
  if (IS("getslice")) return molt_getslice(A(0), A(1), A(2), A(3));
  if (IS("setslice")) return rc_pair(molt_setslice(A(0), A(1), A(2), A(3), A(4)), A(0));
  if (IS("delslice")) return rc_pair(molt_delslice(A(0), A(1), A(2), A(3)), A(0));
  if (IS("setitem")) return rc_pair(molt_setitem(A(0), A(1), A(2)), A(0));
  if (IS("delitem")) return rc_pair(molt_delitem(A(0), A(1)), A(0));
  if (IS("len")) return molt_len_value(A(0));
  if (IS("contains")) { int r = molt_contains(A(0), A(1)); return r < 0 ? MOLT_NULL : molt_box_bool(r); }
  if (IS("add")) return molt_add(A(0), A(1));
  if (IS("mul")) return molt_mul(A(0), A(1));
  if (IS("eq")) return molt_eq(A(0), A(1));
  if (IS("lt")) return molt_lt(A(0), A(1));
  if (IS("le")) return molt_le(A(0), A(1));
  if (IS("repr")) return molt_repr(A(0));
  if (IS("str")) return molt_str(A(0));
  if (IS("hash_eq")) { int64_t x = molt_hash(A(0)), y = molt_hash(A(1)); return molt_err_occurred() ? MOLT_NULL : molt_box_bool(x == y); }
  if (IS("sorted")) return molt_sorted(A(0), MOLT_NONE, n > 1 && a[1] == MOLT_TRUE);
  if (IS("min")) return molt_min(a, n, MOLT_NONE, MOLT_NULL);
  if (IS("max")) return molt_max(a, n, MOLT_NONE, MOLT_NULL);
  if (IS("sum")) return molt_sum(A(0), MOLT_NONE);
  if (IS("int")) return molt_int(A(0));
  if (IS("float")) return molt_float(A(0));
  if (IS("round")) return molt_round(A(0), A(1));
  if (IS("list")) return molt_list(A(0));
  if (IS("tuple")) return molt_tuple(A(0));
  if (IS("set")) return molt_set(A(0));
  if (IS("dict")) return molt_dict(A(0));
  if (IS("reversed")) return to_list(molt_reversed(A(0)));
  if (IS("enumerate")) return to_list(molt_enumerate(A(0), A(1)));
  if (IS("zip")) return to_list(molt_zip(a, n));
  if (IS("any")) return molt_any(A(0));
  if (IS("all")) return molt_all(A(0));
  if (IS("list.append")) return rc_pair(molt_list_append(A(0), A(1)), A(0));
  if (IS("list.extend")) return rc_pair(molt_list_extend(A(0), A(1)), A(0));
  if (IS("list.insert")) return rc_pair(molt_list_insert(A(0), i64(A(1)), A(2)), A(0));
  if (IS("list.pop")) return pair(molt_list_pop(A(0), n > 1 ? i64(a[1]) : -1), A(0));
  if (IS("list.remove")) return rc_pair(molt_list_remove(A(0), A(1)), A(0));
  if (IS("list.index")) return molt_list_index(A(0), A(1));
  if (IS("list.count")) return molt_list_count(A(0), A(1));
  if (IS("list.sort")) return rc_pair(molt_list_sort(A(0), MOLT_NONE, n > 1 && a[1] == MOLT_TRUE), A(0));
  if (IS("list.reverse")) return rc_pair(molt_list_reverse(A(0)), A(0));
  if (IS("dict.get")) return molt_dict_get(A(0), A(1), A(2));
  if (IS("dict.pop")) return pair(molt_dict_pop(A(0), A(1), n > 2 ? a[2] : MOLT_NULL), A(0));
  if (IS("dict.setdefault")) return pair(molt_dict_setdefault(A(0), A(1), A(2)), A(0));
  if (IS("dict.update")) return rc_pair(molt_dict_update(A(0), A(1)), A(0));
  if (IS("dict.popitem")) return pair(molt_dict_popitem(A(0)), A(0));
  if (IS("dict.items")) return to_list(molt_dict_items(A(0)));
  if (IS("set.add")) return rc_pair(molt_set_add(A(0), A(1)), A(0));
  if (IS("set.pop")) return pair(molt_set_pop(A(0)), A(0));
  if (IS("set.discard")) return rc_pair(molt_set_discard(A(0), A(1)), A(0));
  if (IS("set.remove")) return rc_pair(molt_set_remove(A(0), A(1)), A(0));
  if (IS("set.union")) return molt_set_union(A(0), A(1));
  if (IS("set.intersection")) return molt_set_intersection(A(0), A(1));
  if (IS("set.difference")) return molt_set_difference(A(0), A(1));
  if (IS("set.symmetric_difference")) return molt_set_symmetric_difference(A(0), A(1));
  if (IS("set.issubset")) return molt_set_issubset(A(0), A(1));
  if (IS("format")) return molt_format(A(0), A(1));
  if (IS("percent")) return molt_str_percent(A(0), A(1));
  fprintf(stderr, "unknown call %s\n", name);
  exit(2);
#undef A
#undef IS
}

static void do_call(char *rest) {
  char *name = strtok(rest, "\t\n");
  MoltValue args[8];
  int n = 0;
  char *tok;
  while (n < 8 && (tok = strtok(NULL, "\t\n"))) {
    g_p = tok;
    args[n++] = parse_lit();
  }
  report(dispatch(name, args, n));
  for (int i = 0; i < n; i++) molt_decref(args[i]);
}

int main(int argc, char **argv) {
  molt_runtime_init(argc, argv);
  static char line[1 << 20];
  while (fgets(line, sizeof line, stdin)) {
    if (strncmp(line, "call\t", 5) == 0) {
      do_call(line + 5);
      continue;
    }
    // fields are separated by tabs when the line has one (format specs may
    // contain spaces), otherwise by spaces
    const char *delim = strchr(line, '\t') ? "\t\n" : " \n";
    char *op = strtok(line, delim);
    char *as = strtok(NULL, delim);
    char *bs = strtok(NULL, delim);
    if (!op || !as) continue;
    if (strcmp(op, "frepr") == 0 || strcmp(op, "ffmt") == 0 || strcmp(op, "ifmt") == 0) {
      // frepr <text>: repr(float(text)); ffmt <text> <spec>: format(float(text), spec);
      // ifmt <int> <spec>: format(int, spec). A spec of "<empty>" stands for "".
      MoltValue s = molt_str_from_cstr(as);
      MoltValue v = op[0] == 'i' ? molt_int_from_str(s, 10) : molt_float(s);
      molt_decref(s);
      if (v == MOLT_NULL || op[1] == 'r') {
        report(v);
        continue;
      }
      MoltValue spec = molt_str_from_cstr(bs && strcmp(bs, "<empty>") != 0 ? bs : "");
      MoltValue r = molt_format(v, spec);
      molt_decref(spec);
      molt_decref(v);
      if (r != MOLT_NULL) { // print str, not repr, so spaces survive
        printf("%s|\n", molt_str_utf8(r, NULL));
        molt_decref(r);
      } else {
        report(r);
      }
      continue;
    }
    if (strcmp(op, "parse") == 0) { // int(as, base=bs); "_" stands for ""
      MoltValue s = molt_str_from_cstr(strcmp(as, "_") == 0 ? "" : as);
      report(molt_int_from_str(s, bs ? atoi(bs) : 10));
      molt_decref(s);
      continue;
    }
    MoltValue a = parse(as);
    MoltValue b = bs ? parse(bs) : MOLT_NONE;
    MoltValue r;
    if (!strcmp(op, "add")) r = molt_add(a, b);
    else if (!strcmp(op, "sub")) r = molt_sub(a, b);
    else if (!strcmp(op, "mul")) r = molt_mul(a, b);
    else if (!strcmp(op, "floordiv")) r = molt_floordiv(a, b);
    else if (!strcmp(op, "mod")) r = molt_mod(a, b);
    else if (!strcmp(op, "divmod")) r = molt_divmod(a, b);
    else if (!strcmp(op, "truediv")) r = molt_truediv(a, b);
    else if (!strcmp(op, "pow")) r = molt_pow(a, b);
    else if (!strcmp(op, "lshift")) r = molt_lshift(a, b);
    else if (!strcmp(op, "rshift")) r = molt_rshift(a, b);
    else if (!strcmp(op, "and")) r = molt_and(a, b);
    else if (!strcmp(op, "or")) r = molt_or(a, b);
    else if (!strcmp(op, "xor")) r = molt_xor(a, b);
    else if (!strcmp(op, "lt")) r = molt_lt(a, b);
    else if (!strcmp(op, "eq")) r = molt_eq(a, b);
    else if (!strcmp(op, "neg")) r = molt_neg(a);
    else if (!strcmp(op, "invert")) r = molt_invert(a);
    else if (!strcmp(op, "float")) r = molt_float(a);
    else if (!strcmp(op, "hash")) r = molt_hash_value(a);
    else if (!strcmp(op, "hex")) r = molt_hex(a);
    else if (!strcmp(op, "bin")) r = molt_bin(a);
    else if (!strcmp(op, "str")) r = molt_str(a);
    else if (!strcmp(op, "gcd")) r = molt_math_gcd(a, b);
    else { fprintf(stderr, "unknown op %s\n", op); return 2; }
    report(r);
    molt_decref(a);
    molt_decref(b);
  }
  return molt_runtime_finish();
}
