/* classes.c - classes.py lowered by hand: a structified class with dunder
 * hooks, a closure, a user exception class, file I/O, set/dict
 * comprehensions. Checked against python3 by run_program.py. */
#include "molt/runtime.h"

#define CHECK(v) do { if ((v) == MOLT_NULL) goto error; } while (0)
#define CHECKI(r) do { if ((r) < 0) goto error; } while (0)
#define I(x) molt_box_smallint(x)

static uint32_t g_point, g_bad_input;

static MoltValue point_new(MoltValue x, MoltValue y) {
  MoltValue p = molt_struct_new(g_point);
  if (p == MOLT_NULL) return MOLT_NULL;
  molt_struct_set(p, 0, x);
  molt_struct_set(p, 1, y);
  return p;
}
/* tuple (self.x, self.y) */
static MoltValue point_key(MoltValue p) {
  MoltValue t = molt_tuple_new(2);
  molt_tuple_init_steal(t, 0, molt_struct_get(p, 0));
  molt_tuple_init_steal(t, 1, molt_struct_get(p, 1));
  return t;
}
static MoltValue point_repr(MoltValue self, const MoltValue *a, int64_t n) {
  (void)self; (void)n;
  MoltValue x = molt_struct_get(a[0], 0), y = molt_struct_get(a[0], 1);
  MoltValue parts[5] = {molt_str_from_cstr("Point("), molt_format(x, MOLT_NONE), molt_str_from_cstr(", "),
                        molt_format(y, MOLT_NONE), molt_str_from_cstr(")")};
  MoltValue r = molt_str_concat_n(parts, 5);
  for (int i = 0; i < 5; i++) molt_decref(parts[i]);
  molt_decref(x);
  molt_decref(y);
  return r;
}
static MoltValue point_eq(MoltValue self, const MoltValue *a, int64_t n) {
  (void)self; (void)n;
  if (!molt_isinstance(a[1], g_point)) return MOLT_FALSE;
  MoltValue k1 = point_key(a[0]), k2 = point_key(a[1]);
  MoltValue r = molt_eq(k1, k2);
  molt_decref(k1);
  molt_decref(k2);
  return r;
}
static MoltValue point_hash(MoltValue self, const MoltValue *a, int64_t n) {
  (void)self; (void)n;
  MoltValue k = point_key(a[0]);
  MoltValue r = molt_hash_value(k);
  molt_decref(k);
  return r;
}
static MoltValue point_lt(MoltValue self, const MoltValue *a, int64_t n) {
  (void)self; (void)n;
  MoltValue k1 = point_key(a[0]), k2 = point_key(a[1]);
  MoltValue r = molt_lt(k1, k2);
  molt_decref(k1);
  molt_decref(k2);
  return r;
}
static const uint8_t kPointKinds[] = {MOLT_FIELD_VALUE, MOLT_FIELD_VALUE};
static const char *const kPointNames[] = {"x", "y"};
static const MoltClassDesc kPoint = {"Point", "__main__", MOLT_TYPE_OBJECT, 2, kPointKinds, kPointNames, 0,
                                     point_repr, 0, point_eq, point_lt, point_hash, 0, 0};

/* def make_scaler(k): def scale(p): return Point(p.x * k, p.y * k) */
static MoltValue scale(MoltValue self, const MoltValue *a, int64_t n) {
  (void)n;
  MoltValue k = molt_func_capture(self, 0); /* borrowed */
  MoltValue x = molt_struct_get(a[0], 0), y = molt_struct_get(a[0], 1);
  MoltValue sx = molt_mul(x, k), sy = molt_mul(y, k);
  molt_decref(x);
  molt_decref(y);
  MoltValue p = point_new(sx, sy);
  molt_decref(sx);
  molt_decref(sy);
  return p;
}
static MoltValue make_scaler(MoltValue k) {
  MoltValue f = molt_func_new(scale, "scale", 1, 1);
  molt_func_set_capture(f, 0, k);
  return f;
}

static void print1(MoltValue v) { molt_print(&v, 1, MOLT_NONE, MOLT_NONE, 0); }

int main(int argc, char **argv) {
  molt_runtime_init(argc, argv);
  g_point = molt_class_register(&kPoint);
  g_bad_input = molt_exc_type_new("BadInput", MOLT_EXC_VALUE_ERROR);
  static MoltValue pts = MOLT_NONE, dbl = MOLT_NONE, index = MOLT_NONE, rows = MOLT_NONE, squares = MOLT_NONE;
  molt_global_register(&pts);
  molt_global_register(&dbl);
  molt_global_register(&index);
  molt_global_register(&rows);
  molt_global_register(&squares);
  MoltValue path = molt_str_from_cstr("molt_classes_out.txt");
  molt_global_register(&path);

  pts = molt_list_new(4);
  {
    int64_t xy[4][2] = {{3, 1}, {1, 2}, {3, 1}, {-2, 5}};
    for (int i = 0; i < 4; i++) CHECKI(molt_list_append_steal(pts, point_new(I(xy[i][0]), I(xy[i][1]))));
  }
  print1(pts);
  {
    MoltValue args[4];
    args[0] = molt_sorted(pts, MOLT_NONE, 0);
    CHECK(args[0]);
    MoltValue s = molt_set(pts);
    CHECK(s);
    args[1] = molt_len_value(s);
    molt_decref(s);
    MoltValue p0 = molt_getitem(pts, I(0)), p2 = molt_getitem(pts, I(2));
    args[2] = molt_eq(p0, p2);
    molt_decref(p0);
    molt_decref(p2);
    MoltValue q = point_new(I(1), I(2));
    int in = molt_contains(pts, q);
    molt_decref(q);
    CHECKI(in);
    args[3] = molt_box_bool(in);
    molt_print(args, 4, MOLT_NONE, MOLT_NONE, 0);
    molt_decref(args[0]);
  }
  dbl = make_scaler(I(2));
  {
    MoltValue head = molt_getslice(pts, MOLT_NONE, I(2), MOLT_NONE);
    MoltValue m = molt_map(dbl, &head, 1);
    molt_decref(head);
    CHECK(m);
    MoltValue l = molt_list(m);
    molt_decref(m);
    CHECK(l);
    print1(l);
    molt_decref(l);
  }
  index = molt_dict_new();
  {
    MoltValue it = molt_enumerate(pts, MOLT_NONE);
    for (MoltValue pair; (pair = molt_iter_next(it)) != MOLT_STOP;) {
      CHECK(pair);
      MoltValue ip[2];
      CHECKI(molt_unpack(pair, 2, ip));
      molt_decref(pair);
      CHECKI(molt_dict_set(index, ip[1], ip[0]));
      molt_decref(ip[0]);
      molt_decref(ip[1]);
    }
    molt_decref(it);
    print1(index);
  }
  {
    MoltValue w = molt_str_from_cstr("w");
    MoltValue f = molt_open(path, w);
    molt_decref(w);
    CHECK(f);
    MoltValue uniq = molt_set(pts);
    MoltValue order = molt_sorted(uniq, MOLT_NONE, 0);
    molt_decref(uniq);
    CHECK(order);
    MoltValue comma = molt_str_from_cstr(","), nl = molt_str_from_cstr("\n");
    for (int64_t i = 0; i < molt_len(order); i++) {
      MoltValue p = molt_list_get_borrowed(order, i);
      MoltValue x = molt_struct_get(p, 0), y = molt_struct_get(p, 1);
      MoltValue parts[4] = {molt_format(x, MOLT_NONE), comma, molt_format(y, MOLT_NONE), nl};
      MoltValue line = molt_str_concat_n(parts, 4);
      molt_decref(parts[0]);
      molt_decref(parts[2]);
      molt_decref(x);
      molt_decref(y);
      MoltValue wr = molt_file_write(f, line);
      molt_decref(line);
      CHECK(wr);
      molt_decref(wr);
    }
    molt_decref(comma);
    molt_decref(nl);
    molt_decref(order);
    molt_decref(molt_file_close(f));
    molt_decref(f);
  }
  rows = molt_list_new(0);
  {
    MoltValue f = molt_open(path, MOLT_NONE);
    CHECK(f);
    MoltValue comma = molt_str_from_cstr(",");
    MoltValue it = molt_iter(f);
    for (MoltValue line; (line = molt_iter_next(it)) != MOLT_STOP;) {
      CHECK(line);
      MoltValue st = molt_str_strip(line, MOLT_NONE);
      molt_decref(line);
      MoltValue parts = molt_str_split(st, comma, -1);
      molt_decref(st);
      CHECKI(molt_list_append_steal(rows, parts));
    }
    molt_decref(it);
    molt_decref(comma);
    molt_decref(molt_file_close(f));
    molt_decref(f);
    MoltValue total = I(0);
    for (int64_t i = 0; i < molt_len(rows); i++) {
      MoltValue ab[2];
      CHECKI(molt_unpack(molt_list_get_borrowed(rows, i), 2, ab));
      MoltValue a = molt_int(ab[0]), b = molt_int(ab[1]);
      MoltValue prod = molt_mul(a, b);
      MoltValue t = molt_add(total, prod);
      molt_decref(total);
      total = t;
      molt_decref(prod);
      molt_decref(a);
      molt_decref(b);
      molt_decref(ab[0]);
      molt_decref(ab[1]);
    }
    MoltValue args[2] = {rows, total};
    molt_print(args, 2, MOLT_NONE, MOLT_NONE, 0);
    molt_decref(total);
  }
  squares = molt_set_new();
  for (int64_t n = 0; n < 20; n++) {
    MoltValue sq = molt_mul(I(n), I(n));
    MoltValue m = molt_mod(sq, I(7));
    molt_decref(sq);
    CHECKI(molt_set_add(squares, m));
  }
  {
    MoltValue args[2] = {squares, molt_sorted(squares, MOLT_NONE, 1)};
    molt_print(args, 2, MOLT_NONE, MOLT_NONE, 0);
    molt_decref(args[1]);
  }
  {
    MoltValue msg = molt_str_from_cstr("negative radius: -1");
    MoltValue t = molt_tuple_from_array(&msg, 1);
    MoltValue e0 = molt_exc_new(g_bad_input, t);
    molt_decref(t);
    molt_decref(msg);
    molt_raise(e0);
    molt_decref(e0);
    if (!molt_err_matches(MOLT_EXC_VALUE_ERROR)) goto error;
    MoltValue e = molt_err_fetch();
    molt_exc_handler_enter(e);
    MoltValue args[3] = {molt_str_from_cstr("caught"), molt_repr(e), molt_box_bool(molt_isinstance(e, g_bad_input))};
    molt_print(args, 3, MOLT_NONE, MOLT_NONE, 0);
    molt_decref(args[0]);
    molt_decref(args[1]);
    molt_exc_handler_leave();
    molt_decref(e);
  }
  {
    MoltValue msg = molt_str_from_cstr("final");
    MoltValue t = molt_tuple_from_array(&msg, 1);
    MoltValue e = molt_exc_new(g_bad_input, t);
    molt_decref(t);
    molt_decref(msg);
    molt_raise(e);
    molt_decref(e);
    goto error;
  }
error:
  return molt_runtime_finish();
}
