// repr.cpp - str() and repr() of every runtime type, and print().
//
// Containers nest reprs like CPython; a container already being printed
// further up the stack prints as [...] / {...} (CPython's Py_ReprEnter).
#include "internal.h"

// Containers nested deeper than CPython's recursion limit raise its
// RecursionError instead of overflowing the C stack.
static const int kMaxReprDepth = 1000;
static const void *g_repr_stack[kMaxReprDepth];
static int g_repr_depth = 0;

// 1: entered; 0: `p` is already being printed (a cycle); -1: too deep
// (RecursionError pending).
static int repr_enter(const void *p) {
  for (int i = 0; i < g_repr_depth; i++)
    if (g_repr_stack[i] == p) return 0;
  if (g_repr_depth == kMaxReprDepth) {
    err_fmt(MOLT_EXC_RECURSION_ERROR, "maximum recursion depth exceeded while getting the repr of an object");
    return -1;
  }
  g_repr_stack[g_repr_depth++] = p;
  return 1;
}
static void repr_leave() { g_repr_depth--; }

static void put_addr(Buf *b, const char *what, const void *p) {
  char tmp[160];
  int n = snprintf(tmp, sizeof tmp, "<%s at 0x%llx>", what, (unsigned long long)(uintptr_t)p);
  b->put(tmp, n);
}

static int repr_seq(Buf *b, const V *items, int64_t n, const char *open, const char *close, bool tuple1) {
  b->puts(open);
  for (int64_t i = 0; i < n; i++) {
    if (i) b->puts(", ");
    if (repr_into(b, items[i]) < 0) return -1;
  }
  if (tuple1 && n == 1) b->putc(',');
  b->puts(close);
  return 0;
}

static int repr_dict(Buf *b, Dict *d) {
  b->putc('{');
  bool first = true;
  for (int64_t i = 0; i < d->nentries; i++) {
    DictEntry *e = &d->entries[i];
    if (e->key == MOLT_NULL) continue;
    if (!first) b->puts(", ");
    first = false;
    if (repr_into(b, e->key) < 0) return -1;
    b->puts(": ");
    if (repr_into(b, e->value) < 0) return -1;
  }
  b->putc('}');
  return 0;
}

static int repr_set_items(Buf *b, Set *s) {
  bool first = true;
  for (int64_t i = 0; i <= s->mask; i++) {
    V k = s->table[i].key;
    if (k == MOLT_NULL || k == MOLT_STOP) continue;
    if (!first) b->puts(", ");
    first = false;
    if (repr_into(b, k) < 0) return -1;
  }
  return 0;
}

static void repr_bytes(Buf *b, Bytes *by) {
  bool has_sq = memchr(by->data, '\'', (size_t)by->n) != nullptr;
  bool has_dq = memchr(by->data, '"', (size_t)by->n) != nullptr;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  b->putc('b');
  b->putc(q);
  for (int64_t i = 0; i < by->n; i++) {
    uint8_t c = by->data[i];
    if (c == (uint8_t)q || c == '\\') {
      b->putc('\\');
      b->putc((char)c);
    } else if (c == '\t') b->puts("\\t");
    else if (c == '\n') b->puts("\\n");
    else if (c == '\r') b->puts("\\r");
    else if (c < 0x20 || c >= 0x7f) {
      char tmp[8];
      snprintf(tmp, sizeof tmp, "\\x%02x", c);
      b->puts(tmp);
    } else b->putc((char)c);
  }
  b->putc(q);
}

static void class_name(Buf *b, uint32_t id) {
  TypeInfo *t = molt_typeinfo(id);
  if (t && (t->kind == TK_STRUCT || t->kind == TK_BOXED) && t->desc && t->desc->module) {
    b->puts(t->desc->module);
    b->putc('.');
  }
  b->puts(molt_type_name(id));
}

int repr_into(Buf *b, V v) {
  if (molt_is_double(v)) {
    char tmp[64];
    b->put(tmp, float_repr_buf(molt_unbox_double(v), tmp, sizeof tmp));
    return 0;
  }
  if (molt_is_smallint(v)) {
    char tmp[32];
    b->put(tmp, snprintf(tmp, sizeof tmp, "%lld", (long long)molt_unbox_smallint(v)));
    return 0;
  }
  if (molt_is_bool(v)) {
    b->puts(molt_unbox_bool(v) ? "True" : "False");
    return 0;
  }
  if (v == MOLT_NONE) {
    b->puts("None");
    return 0;
  }
  if (!molt_is_ptr(v)) {
    b->puts("<invalid value>");
    return 0;
  }
  MoltObject *o = OBJ(v);
  switch (o->type) {
  case MOLT_TYPE_INT: {
    V s = int_to_str(v, 10);
    if (s == MOLT_NULL) return -1;
    b->putv(s);
    decref(s);
    return 0;
  }
  case MOLT_TYPE_STR: {
    V s = str_repr(v);
    b->putv(s);
    decref(s);
    return 0;
  }
  case MOLT_TYPE_BYTES: repr_bytes(b, AS(Bytes, v)); return 0;
  case MOLT_TYPE_LIST:
  case MOLT_TYPE_TUPLE:
  case MOLT_TYPE_DICT:
  case MOLT_TYPE_SET:
  case MOLT_TYPE_DICT_VIEW: {
    int entered = repr_enter(o);
    if (entered < 0) return -1;
    if (entered == 0) {
      b->puts(o->type == MOLT_TYPE_LIST ? "[...]" : o->type == MOLT_TYPE_TUPLE ? "(...)" : "{...}");
      return 0;
    }
    int rc = 0;
    switch (o->type) {
    case MOLT_TYPE_LIST: rc = repr_seq(b, LIST(v)->items, LIST(v)->len, "[", "]", false); break;
    case MOLT_TYPE_TUPLE: rc = repr_seq(b, TUPLE(v)->items, TUPLE(v)->len, "(", ")", true); break;
    case MOLT_TYPE_DICT: rc = repr_dict(b, AS(Dict, v)); break;
    case MOLT_TYPE_SET:
      if (AS(Set, v)->used == 0) {
        b->puts("set()");
      } else {
        b->putc('{');
        rc = repr_set_items(b, AS(Set, v));
        b->putc('}');
      }
      break;
    default: {
      b->puts(tname(v));
      b->putc('(');
      V l = seq_to_list(v);
      if (l == MOLT_NULL) {
        rc = -1;
      } else {
        rc = repr_seq(b, LIST(l)->items, LIST(l)->len, "[", "]", false);
        decref(l);
      }
      b->putc(')');
      break;
    }
    }
    repr_leave();
    return rc;
  }
  case MOLT_TYPE_RANGE: {
    Range *r = AS(Range, v);
    char tmp[96];
    int n = r->step == 1 ? snprintf(tmp, sizeof tmp, "range(%lld, %lld)", (long long)r->start, (long long)r->stop)
                         : snprintf(tmp, sizeof tmp, "range(%lld, %lld, %lld)", (long long)r->start,
                                    (long long)r->stop, (long long)r->step);
    b->put(tmp, n);
    return 0;
  }
  case MOLT_TYPE_FUNCTION: {
    Buf nm;
    nm.puts("function ");
    nm.putv(AS(Func, v)->name);
    nm.putc(0);
    put_addr(b, nm.p, o);
    nm.free_();
    return 0;
  }
  case MOLT_TYPE_BOUND_METHOD: {
    BoundMethod *m = AS(BoundMethod, v);
    b->puts("<bound method ");
    if (is_type(m->func, MOLT_TYPE_FUNCTION)) b->putv(AS(Func, m->func)->name);
    b->puts(" of ");
    if (repr_into(b, m->self) < 0) return -1;
    b->putc('>');
    return 0;
  }
  case MOLT_TYPE_FILE: {
    File *f = AS(File, v);
    b->puts("<_io.TextIOWrapper name=");
    repr_into(b, f->name);
    b->puts(" mode=");
    repr_into(b, f->mode);
    b->puts(" encoding='UTF-8'>");
    return 0;
  }
  case MOLT_TYPE_TYPE: {
    b->puts("<class '");
    class_name(b, AS(TypeObj, v)->id);
    b->puts("'>");
    return 0;
  }
  case MOLT_TYPE_ITERATOR: {
    Buf nm;
    nm.puts(tname(v));
    nm.puts(" object");
    nm.putc(0);
    put_addr(b, nm.p, o);
    nm.free_();
    return 0;
  }
  default: break;
  }
  TypeInfo *t = molt_typeinfo(o->type);
  if (t && t->desc && t->desc->repr_fn) {
    V r = call_hook(t->desc->repr_fn, v, MOLT_NULL);
    if (r == MOLT_NULL) return -1;
    if (!is_str(r)) {
      err_fmt(MOLT_EXC_TYPE_ERROR, "__repr__ returned non-string (type %s)", tname(r));
      decref(r);
      return -1;
    }
    b->putv(r);
    decref(r);
    return 0;
  }
  if (t && t->kind == TK_EXCEPTION) {
    b->puts(t->name);
    V args = AS(Exc, v)->args;
    if (TUPLE(args)->len == 1) {
      b->putc('(');
      if (repr_into(b, TUPLE(args)->items[0]) < 0) return -1;
      b->putc(')');
      return 0;
    }
    return repr_into(b, args);
  }
  Buf nm;
  class_name(&nm, o->type);
  nm.puts(" object");
  nm.putc(0);
  put_addr(b, nm.p, o);
  nm.free_();
  return 0;
}

int str_into(Buf *b, V v) {
  if (is_str(v)) {
    b->putv(v);
    return 0;
  }
  const MoltClassDesc *d = user_desc(v);
  if (d && d->str_fn) {
    V r = call_hook(d->str_fn, v, MOLT_NULL);
    if (r == MOLT_NULL) return -1;
    if (!is_str(r)) {
      err_fmt(MOLT_EXC_TYPE_ERROR, "__str__ returned non-string (type %s)", tname(r));
      decref(r);
      return -1;
    }
    b->putv(r);
    decref(r);
    return 0;
  }
  if (is_exc_obj(v)) {
    V s = exc_str(v);
    if (s == MOLT_NULL) return -1;
    b->putv(s);
    decref(s);
    return 0;
  }
  return repr_into(b, v);
}

V molt_repr_of(V v) {
  if (is_str(v)) return str_repr(v);
  Buf b;
  if (repr_into(&b, v) < 0) {
    b.free_();
    return MOLT_NULL;
  }
  return b.take_str();
}
V molt_str_of(V v) {
  if (is_str(v)) return incref(v);
  if (molt_is_smallint(v)) return int_to_str(v, 10);
  Buf b;
  if (str_into(&b, v) < 0) {
    b.free_();
    return MOLT_NULL;
  }
  return b.take_str();
}
extern "C" MoltValue molt_str(MoltValue v) { return molt_str_of(v); }
extern "C" MoltValue molt_repr(MoltValue v) { return molt_repr_of(v); }

V str_ascii_repr(V v);
extern "C" MoltValue molt_ascii(MoltValue v) {
  V r = molt_repr_of(v);
  if (r == MOLT_NULL || STR(r)->ascii) return r;
  // escape non-ASCII code points of the repr
  Buf b;
  Str *s = STR(r);
  for (int64_t i = 0; i < s->nbytes;) {
    uint32_t c;
    i = utf8_decode(s->data, s->nbytes, i, &c);
    char tmp[16];
    if (c < 0x80) b.putc((char)c);
    else if (c < 0x100) b.put(tmp, snprintf(tmp, sizeof tmp, "\\x%02x", c));
    else if (c < 0x10000) b.put(tmp, snprintf(tmp, sizeof tmp, "\\u%04x", c));
    else b.put(tmp, snprintf(tmp, sizeof tmp, "\\U%08x", c));
  }
  decref(r);
  return b.take_str();
}

// ---- print ----------------------------------------------------------------------------

extern "C" MoltValue molt_print(const MoltValue *args, int64_t n, MoltValue sep, MoltValue end, int to_stderr) {
  if (sep != MOLT_NONE && !is_str(sep))
    return err_fmt(MOLT_EXC_TYPE_ERROR, "sep must be None or a string, not %s", tname(sep));
  if (end != MOLT_NONE && !is_str(end))
    return err_fmt(MOLT_EXC_TYPE_ERROR, "end must be None or a string, not %s", tname(end));
  Buf b;
  for (int64_t i = 0; i < n; i++) {
    if (i) {
      if (sep == MOLT_NONE) b.putc(' ');
      else b.putv(sep);
    }
    if (str_into(&b, args[i]) < 0) {
      b.free_();
      return MOLT_NULL;
    }
  }
  if (end == MOLT_NONE) b.putc('\n');
  else b.putv(end);
  FILE *f = to_stderr ? stderr : stdout;
  if (to_stderr) fflush(stdout);
  if (b.n) fwrite(b.p, 1, (size_t)b.n, f);
  b.free_();
  return MOLT_NONE;
}
