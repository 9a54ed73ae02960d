// micro.cpp - micro-benchmark of hot runtime paths (not a test).
// Prints ns/op for small-int add, list append, list index, dict get/set and
// string concat through the generic C API (what compiled code calls when it
// cannot inline a fast path). Each benchmark runs 5 times; the minimum is
// reported to damp noise from other processes.
#include <stdio.h>
#include <time.h>

#include "molt/runtime.h"

static double now_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static volatile MoltValue g_sink;
static const long N = 2000000;

static double bench_int_add() {
  MoltValue acc = molt_int_from_i64(0), one = molt_int_from_i64(1);
  double t0 = now_ns();
  for (long i = 0; i < N; i++) acc = molt_add(acc, one);
  double t1 = now_ns();
  g_sink = acc;
  return (t1 - t0) / N;
}
static double bench_list_append() {
  MoltValue list = molt_list_new(0);
  double t0 = now_ns();
  for (long i = 0; i < N; i++) molt_list_append(list, molt_box_smallint(i));
  double t1 = now_ns();
  molt_decref(list);
  return (t1 - t0) / N;
}
static double bench_list_index() {
  MoltValue list = molt_list_new(0);
  for (long i = 0; i < 1000; i++) molt_list_append(list, molt_box_smallint(i));
  long sum = 0;
  double t0 = now_ns();
  for (long i = 0; i < N; i++) {
    MoltValue v = molt_getitem(list, molt_box_smallint(i % 1000));
    sum += (long)molt_unbox_smallint(v);
  }
  double t1 = now_ns();
  g_sink = (MoltValue)sum;
  molt_decref(list);
  return (t1 - t0) / N;
}
static MoltValue g_dict;
static double bench_dict_set() {
  if (g_dict) molt_decref(g_dict);
  g_dict = molt_dict_new();
  double t0 = now_ns();
  for (long i = 0; i < N; i++) molt_dict_set(g_dict, molt_box_smallint(i % 100000), molt_box_smallint(i));
  return (now_ns() - t0) / N;
}
static double bench_dict_get() {
  double t0 = now_ns();
  for (long i = 0; i < N; i++) g_sink = molt_dict_get(g_dict, molt_box_smallint(i % 100000), MOLT_NONE);
  return (now_ns() - t0) / N;
}
static MoltValue g_sdict, g_keys[1000];
static double bench_dict_get_str() {
  double t0 = now_ns();
  for (long i = 0; i < N; i++) g_sink = molt_dict_get(g_sdict, g_keys[i % 1000], MOLT_NONE);
  return (now_ns() - t0) / N;
}
static double bench_str_concat() {
  MoltValue x = molt_str_from_cstr("x"), s = molt_str_from_cstr("");
  double t0 = now_ns();
  for (long i = 0; i < N; i++) {
    MoltValue t = molt_add(s, x);
    molt_decref(s);
    s = t;
    if ((i & 63) == 63) {
      molt_decref(s);
      s = molt_str_from_cstr("");
    }
  }
  double t1 = now_ns();
  molt_decref(s);
  molt_decref(x);
  return (t1 - t0) / N;
}

static double bench_str_iadd() { // s += 'x' building one long string
  MoltValue x = molt_str_from_cstr("x"), s = molt_str_from_cstr("");
  double t0 = now_ns();
  for (long i = 0; i < N; i++) s = molt_iadd_steal(s, x);
  double t1 = now_ns();
  molt_decref(s);
  molt_decref(x);
  return (t1 - t0) / N;
}

static void report(const char *name, double (*fn)()) {
  double best = 1e30;
  for (int r = 0; r < 5; r++) {
    double t = fn();
    if (t < best) best = t;
  }
  printf("%-34s %7.2f ns/op\n", name, best);
}

int main(int argc, char **argv) {
  molt_runtime_init(argc, argv);
  g_sdict = molt_dict_new();
  char buf[32];
  for (int i = 0; i < 1000; i++) {
    snprintf(buf, sizeof buf, "key%d", i);
    g_keys[i] = molt_str_from_cstr(buf);
    molt_dict_set(g_sdict, g_keys[i], molt_box_smallint(i));
  }
  report("small-int add (molt_add)", bench_int_add);
  report("list append", bench_list_append);
  report("list index (molt_getitem)", bench_list_index);
  report("dict set (int keys, 100k)", bench_dict_set);
  report("dict get (int keys, 100k)", bench_dict_get);
  report("dict get (str keys, 1k)", bench_dict_get_str);
  report("str concat (s + 'x', len <= 64)", bench_str_concat);
  report("str += 'x' (in place, 2M chars)", bench_str_iadd);
  for (int i = 0; i < 1000; i++) molt_decref(g_keys[i]);
  molt_decref(g_sdict);
  molt_decref(g_dict);
  return molt_runtime_finish();
}
