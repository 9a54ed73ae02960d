/* sample.c - sample.py lowered by hand the way compiled Molt code calls the
 * runtime (owned temporaries released, every fallible call checked). Run by
 * run_program.py against python3: stdout, last stderr line and exit status
 * must match. */
#include "molt/runtime.h"

#define CHECK(v) do { if ((v) == MOLT_NULL) goto error; } while (0)
#define CHECKI(r) do { if ((r) < 0) goto error; } while (0)
#define I(x) molt_box_smallint(x)

/* key=lambda kv: (-kv[1], kv[0]) */
static MoltValue key_fn(MoltValue self, const MoltValue *args, int64_t n) {
  (void)self; (void)n;
  MoltValue c = molt_getitem(args[0], I(1));
  if (c == MOLT_NULL) return MOLT_NULL;
  MoltValue negc = molt_neg(c);
  molt_decref(c);
  if (negc == MOLT_NULL) return MOLT_NULL;
  MoltValue w = molt_getitem(args[0], I(0));
  if (w == MOLT_NULL) { molt_decref(negc); return MOLT_NULL; }
  MoltValue t = molt_tuple_new(2);
  molt_tuple_init_steal(t, 0, negc);
  molt_tuple_init_steal(t, 1, w);
  return t;
}

static MoltValue print1(MoltValue v) { return molt_print(&v, 1, MOLT_NONE, MOLT_NONE, 0); }

int main(int argc, char **argv) {
  molt_runtime_init(argc, argv);
  static MoltValue counts = MOLT_NONE, items = MOLT_NONE, nums = MOLT_NONE, s = MOLT_NONE, x = MOLT_NONE;
  molt_global_register(&counts);
  molt_global_register(&items);
  molt_global_register(&nums);
  molt_global_register(&s);
  molt_global_register(&x);
  {
    MoltValue text = molt_str_from_cstr("the quick brown fox jumps over the lazy dog the fox");
    counts = molt_dict_new();
    MoltValue words = molt_str_split(text, MOLT_NONE, -1);
    molt_decref(text);
    CHECK(words);
    MoltValue it = molt_iter(words);
    molt_decref(words);
    CHECK(it);
    for (MoltValue w; (w = molt_iter_next(it)) != MOLT_STOP;) {
      CHECK(w);
      MoltValue old = molt_dict_get(counts, w, I(0));
      MoltValue nw = molt_add(old, I(1));
      molt_decref(old);
      CHECK(nw);
      CHECKI(molt_dict_set(counts, w, nw));
      molt_decref(nw);
      molt_decref(w);
    }
    molt_decref(it);
    MoltValue key = molt_func_new(key_fn, "<lambda>", 1, 0);
    MoltValue view = molt_dict_items(counts);
    items = molt_sorted(view, key, 0);
    molt_decref(view);
    molt_decref(key);
    CHECK(items);
    MoltValue top = molt_getslice(items, MOLT_NONE, I(3), MOLT_NONE);
    CHECK(top);
    MoltValue fmt6 = molt_str_from_cstr(">6"), colon = molt_str_from_cstr(": ");
    for (int64_t i = 0; i < molt_len(top); i++) {
      MoltValue pair[2];
      CHECKI(molt_unpack(molt_list_get_borrowed(top, i), 2, pair));
      MoltValue parts[3];
      parts[0] = molt_format(pair[0], fmt6);
      parts[1] = colon;
      parts[2] = molt_format(pair[1], MOLT_NONE);
      MoltValue line = molt_str_concat_n(parts, 3);
      molt_decref(parts[0]);
      molt_decref(parts[2]);
      molt_decref(pair[0]);
      molt_decref(pair[1]);
      CHECK(line);
      print1(line);
      molt_decref(line);
    }
    molt_decref(fmt6);
    molt_decref(colon);
    molt_decref(top);
  }
  {
    nums = molt_list_new(0);
    for (int64_t i = 0; i < 10; i++)
      if (i % 2) CHECKI(molt_list_append_steal(nums, molt_mul(I(i), I(i))));
    MoltValue args[6];
    args[0] = nums;
    args[1] = molt_sum(nums, MOLT_NONE);
    args[2] = molt_max(&nums, 1, MOLT_NONE, MOLT_NULL);
    MoltValue p = molt_pow(I(2), I(100));
    args[3] = molt_floordiv(p, I(7));
    molt_decref(p);
    args[4] = molt_floordiv(I(-7), I(2));
    args[5] = molt_mod(I(-7), I(2));
    molt_print(args, 6, MOLT_NONE, MOLT_NONE, 0);
    for (int i = 1; i < 6; i++) molt_decref(args[i]);
  }
  {
    MoltValue a3[] = {I(1), I(2), I(3)}, b2[] = {I(100), I(5)};
    MoltValue a = molt_set_from_array(a3, 3, 1), b = molt_set_from_array(b2, 2, 1);
    MoltValue args[4];
    args[0] = molt_or(a, b);
    args[1] = molt_round(molt_box_double(2.675), I(2));
    args[2] = molt_box_double(1e16);
    args[3] = molt_add(molt_box_double(0.1), molt_box_double(0.2));
    molt_print(args, 4, MOLT_NONE, MOLT_NONE, 0);
    molt_decref(args[0]);
    molt_decref(a);
    molt_decref(b);
  }
  {
    s = molt_set_new();
    MoltValue r = molt_range_new(I(20), I(0), I(-3));
    MoltValue it = molt_iter(r);
    molt_decref(r);
    for (MoltValue i; (i = molt_iter_next(it)) != MOLT_STOP;) {
      MoltValue v = molt_mul(i, I(7));
      CHECKI(molt_set_add(s, v));
      molt_decref(v);
    }
    molt_decref(it);
    print1(s);
  }
  {
    MoltValue d = molt_dict_new();
    MoltValue ka = molt_str_from_cstr("a"), kb = molt_str_from_cstr("b");
    molt_dict_set(d, ka, I(1));
    MoltValue r = molt_getitem(d, kb);
    molt_decref(ka);
    molt_decref(kb);
    molt_decref(d);
    if (r == MOLT_NULL) {
      if (!molt_err_matches(MOLT_EXC_KEY_ERROR)) goto error;
      MoltValue e = molt_err_fetch();
      molt_exc_handler_enter(e);
      MoltValue args[2] = {molt_str_from_cstr("KeyError"), e};
      molt_print(args, 2, MOLT_NONE, MOLT_NONE, 0);
      molt_decref(args[0]);
      molt_exc_handler_leave();
      molt_decref(e);
    } else {
      molt_decref(r);
    }
  }
  {
    MoltValue args[3];
    args[0] = molt_math_sqrt(I(2));
    args[1] = molt_math_factorial(I(25));
    MoltValue fmt = molt_str_from_cstr("%5.2f|%-4s|%x");
    MoltValue ab = molt_str_from_cstr("ab");
    MoltValue tup[] = {molt_box_double(3.14159), ab, I(255)};
    MoltValue t = molt_tuple_from_array(tup, 3);
    args[2] = molt_str_percent(fmt, t);
    molt_decref(t);
    molt_decref(ab);
    molt_decref(fmt);
    CHECK(args[2]);
    molt_print(args, 3, MOLT_NONE, MOLT_NONE, 0);
    molt_decref(args[1]);
    molt_decref(args[2]);
  }
  {
    MoltValue done = molt_str_from_cstr("done"), end = molt_str_from_cstr("!\n"), sep = molt_str_from_cstr("");
    molt_print(&done, 1, sep, end, 0);
    molt_decref(done);
    molt_decref(end);
    molt_decref(sep);
  }
  {
    MoltValue three[] = {I(1), I(2), I(3)};
    x = molt_list_from_array(three, 3);
    molt_list_append(x, x);
    print1(x);
  }
  {
    MoltValue r = molt_truediv(I(1), I(0));
    if (r == MOLT_NULL) {
      if (!molt_err_matches(MOLT_EXC_ZERO_DIVISION_ERROR)) goto error;
      MoltValue e = molt_err_fetch();
      molt_exc_handler_enter(e);
      MoltValue oops = molt_str_from_cstr("oops");
      MoltValue v = molt_int(oops);
      molt_decref(oops);
      molt_exc_handler_leave();
      molt_decref(e);
      if (v == MOLT_NULL) goto error;
      molt_decref(v);
    }
  }
  return molt_runtime_finish();
error:
  return molt_runtime_finish();
}
