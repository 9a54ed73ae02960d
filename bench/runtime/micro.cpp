// micro.cpp - micro-benchmark of hot runtime paths (not a test).
// Prints ns/op for small-int add, list append, list index, dict get/set and
// string concat, each measured over enough iterations to take ~0.1-0.5 s.
#include <stdio.h>
#include <time.h>

#include "molt/runtime.h"

static double now_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static volatile MoltValue g_sink;

int main(int argc, char **argv) {
  molt_runtime_init(argc, argv);
  const long N = 10000000;

  // small-int add (generic molt_add entry point, incl. overflow check)
  double t0 = now_ns();
  MoltValue acc = molt_int_from_i64(0);
  MoltValue one = molt_int_from_i64(1);
  for (long i = 0; i < N; i++) acc = molt_add(acc, one);
  double t1 = now_ns();
  g_sink = acc;
  printf("small-int add   %6.2f ns/op\n", (t1 - t0) / N);

  // list append
  MoltValue list = molt_list_new(0);
  t0 = now_ns();
  for (long i = 0; i < N; i++) molt_list_append(list, molt_box_smallint(i));
  t1 = now_ns();
  printf("list append     %6.2f ns/op\n", (t1 - t0) / N);

  // list index (generic molt_getitem, bounds-checked)
  t0 = now_ns();
  long sum = 0;
  for (long i = 0; i < N; i++) {
    MoltValue v = molt_getitem(list, molt_box_smallint(i));
    sum += (long)molt_unbox_smallint(v);
  }
  t1 = now_ns();
  g_sink = (MoltValue)sum;
  printf("list index      %6.2f ns/op\n", (t1 - t0) / N);
  molt_decref(list);

  // dict set / get with small-int keys (1M distinct keys)
  const long K = 1000000;
  MoltValue d = molt_dict_new();
  t0 = now_ns();
  for (long i = 0; i < N; i++) molt_dict_set(d, molt_box_smallint(i % K), molt_box_smallint(i));
  t1 = now_ns();
  printf("dict set        %6.2f ns/op\n", (t1 - t0) / N);
  t0 = now_ns();
  for (long i = 0; i < N; i++) {
    MoltValue v = molt_dict_get(d, molt_box_smallint(i % K), MOLT_NONE);
    g_sink = v;
  }
  t1 = now_ns();
  printf("dict get        %6.2f ns/op\n", (t1 - t0) / N);
  molt_decref(d);

  // dict get with str keys
  MoltValue ds = molt_dict_new();
  MoltValue keys[1000];
  char buf[32];
  for (int i = 0; i < 1000; i++) {
    snprintf(buf, sizeof buf, "key%d", i);
    keys[i] = molt_str_from_cstr(buf);
    molt_dict_set(ds, keys[i], molt_box_smallint(i));
  }
  t0 = now_ns();
  for (long i = 0; i < N; i++) g_sink = molt_dict_get(ds, keys[i % 1000], MOLT_NONE);
  t1 = now_ns();
  printf("dict get (str)  %6.2f ns/op\n", (t1 - t0) / N);
  for (int i = 0; i < 1000; i++) molt_decref(keys[i]);
  molt_decref(ds);

  // string concat: s = s + "x" on short strings (reset every 64 chars)
  const long M = 2000000;
  MoltValue x = molt_str_from_cstr("x");
  MoltValue s = molt_str_from_cstr("");
  t0 = now_ns();
  for (long i = 0; i < M; i++) {
    MoltValue t = molt_add(s, x);
    molt_decref(s);
    s = t;
    if ((i & 63) == 63) {
      molt_decref(s);
      s = molt_str_from_cstr("");
    }
  }
  t1 = now_ns();
  printf("str concat      %6.2f ns/op (strings up to 64 chars)\n", (t1 - t0) / M);
  molt_decref(s);
  molt_decref(x);
  return molt_runtime_finish();
}
