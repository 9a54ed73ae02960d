// helpers.h - small RAII and conversion helpers for the runtime unit tests.
//
// `Val` owns one reference (constructed from a MoltValue it steals it), so
// test expressions like repr(molt_add(I(1), I(2))) leak nothing under LSan.
#pragma once

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "molt/runtime.h"

struct Val {
  MoltValue v;
  Val(MoltValue x) : v(x) {} // steals
  Val(const Val &o) : v(o.v) { molt_incref(v); }
  Val &operator=(const Val &o) {
    molt_incref(o.v);
    if (v != MOLT_NULL) molt_decref(v);
    v = o.v;
    return *this;
  }
  ~Val() {
    if (v != MOLT_NULL) molt_decref(v);
  }
  operator MoltValue() const { return v; }
};

inline Val I(int64_t i) { return molt_int_from_i64(i); }
inline Val F(double d) { return molt_box_double(d); }
inline Val S(const char *s) { return molt_str_from_cstr(s); }
inline Val B(bool b) { return molt_box_bool(b); }
inline Val N() { return MOLT_NONE; }
inline Val BIG(const char *digits) { return molt_int_from_cstr(digits, 10); }
inline Val L(std::initializer_list<Val> xs) {
  std::vector<MoltValue> v;
  for (auto &x : xs) v.push_back(x.v);
  return molt_list_from_array(v.data(), (int64_t)v.size());
}
inline Val T(std::initializer_list<Val> xs) {
  std::vector<MoltValue> v;
  for (auto &x : xs) v.push_back(x.v);
  return molt_tuple_from_array(v.data(), (int64_t)v.size());
}
inline Val D(std::initializer_list<std::pair<Val, Val>> kvs) {
  Val d = molt_dict_new();
  for (auto &kv : kvs) molt_dict_set(d, kv.first, kv.second);
  return d;
}
inline Val SET(std::initializer_list<Val> xs) {
  Val s = molt_set_new();
  for (auto &x : xs) molt_set_add(s, x);
  return s;
}

// "Type: message" of the pending exception (cleared), or "" if none.
inline std::string err() {
  MoltValue e = molt_err_fetch();
  if (e == MOLT_NONE) return "";
  MoltValue s = molt_str(e);
  std::string msg = molt_str_utf8(s, nullptr);
  std::string r = std::string(molt_type_name(molt_type_id(e))) + (msg.empty() ? "" : ": " + msg);
  molt_decref(s);
  molt_decref(e);
  return r;
}

// repr(v) for a result (stolen); "ERR Type: msg" when v is MOLT_NULL.
inline std::string repr(Val v) {
  if (v.v == MOLT_NULL) return "ERR " + err();
  MoltValue s = molt_repr(v);
  if (s == MOLT_NULL) return "ERR " + err();
  std::string r = molt_str_utf8(s, nullptr);
  molt_decref(s);
  return r;
}
inline std::string str(Val v) {
  if (v.v == MOLT_NULL) return "ERR " + err();
  MoltValue s = molt_str(v);
  if (s == MOLT_NULL) return "ERR " + err();
  std::string r = molt_str_utf8(s, nullptr);
  molt_decref(s);
  return r;
}
// For int-returning API calls: "ok" / "ERR ..." / the number.
inline std::string rc(int64_t r) {
  if (r == -1 && molt_err_occurred()) return "ERR " + err();
  return std::to_string(r);
}
