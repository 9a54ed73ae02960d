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

int main(int argc, char **argv) {
  molt_runtime_init(argc, argv);
  static char line[1 << 20];
  while (fgets(line, sizeof line, stdin)) {
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
