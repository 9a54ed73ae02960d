// file.cpp - text-mode files for open(): read/readline/readlines/write/
// close and line iteration (molt_iter_next handles file objects).
//
// Files are UTF-8 with CPython's default universal-newline reading ("\r\n"
// and "\r" read as "\n"; writes are untranslated, as on POSIX). On
// wasm32-wasi the runner preopens "/" and passes the working directory.
#include <errno.h>
#include <sys/stat.h>

#include "internal.h"

extern "C" MoltValue molt_open(MoltValue path, MoltValue mode) {
  if (!is_str(path)) return err_fmt(MOLT_EXC_TYPE_ERROR, "expected str, bytes or os.PathLike object, not %s", tname(path));
  const char *m = "r";
  if (mode != MOLT_NONE) {
    if (!is_str(mode)) return err_fmt(MOLT_EXC_TYPE_ERROR, "open() argument 'mode' must be str, not %s", tname(mode));
    m = STR(mode)->data;
  }
  char cmode[4] = {0};
  bool plus = strchr(m, '+') != nullptr;
  char kind = 0;
  for (const char *p = m; *p; p++) {
    if (*p == 'r' || *p == 'w' || *p == 'a' || *p == 'x') {
      if (kind) return err_fmt(MOLT_EXC_VALUE_ERROR, "must have exactly one of create/read/write/append mode");
      kind = *p;
    } else if (*p == 'b') {
      return err_fmt(MOLT_EXC_VALUE_ERROR, "binary mode is not supported by this runtime");
    } else if (*p != 't' && *p != '+') {
      return err_fmt(MOLT_EXC_VALUE_ERROR, "invalid mode: '%s'", m);
    }
  }
  if (!kind) kind = 'r';
  cmode[0] = kind == 'x' ? 'w' : kind;
  if (plus) cmode[1] = '+';
  if (kind == 'x') {
    FILE *probe = fopen(STR(path)->data, "r");
    if (probe) {
      fclose(probe);
      V r = str_repr(path);
      err_fmt(MOLT_EXC_OS_ERROR, "[Errno 17] File exists: %s", STR(r)->data);
      decref(r);
      return MOLT_NULL;
    }
  }
  errno = 0;
  FILE *fp = fopen(STR(path)->data, cmode);
  // fopen opens a directory for reading on Linux; CPython refuses it.
  struct stat st;
  if (fp && fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
    fclose(fp);
    fp = nullptr;
    errno = EISDIR;
  }
  if (!fp) {
    int e = errno;
    V r = str_repr(path);
    // Linux's errno numbers, which CPython prints (WASI numbers them differently).
    if (e == ENOENT)
      err_fmt(MOLT_EXC_FILE_NOT_FOUND_ERROR, "[Errno 2] No such file or directory: %s", STR(r)->data);
    else if (e == EISDIR)
      err_fmt(MOLT_EXC_IS_A_DIRECTORY_ERROR, "[Errno 21] Is a directory: %s", STR(r)->data);
    else
      err_fmt(MOLT_EXC_OS_ERROR, "[Errno %d] %s: %s", e, strerror(e), STR(r)->data);
    decref(r);
    return MOLT_NULL;
  }

  File *f = (File *)molt_alloc_object(sizeof(File), MOLT_TYPE_FILE);
  f->fp = fp;
  f->readable = kind == 'r' || plus;
  f->writable = kind != 'r' || plus;
  f->name = incref(path);
  f->mode = molt_str_from_cstr(m);
  return BOX(f);
}

// sys.stdout (fd 1) and sys.stderr (fd 2): immortal file objects over the
// same C streams print() writes to, so their output interleaves as in CPython.
extern "C" MoltValue molt_sys_stdio(int32_t fd) {
  static V objs[3] = {MOLT_NULL, MOLT_NULL, MOLT_NULL};
  if (fd != 1 && fd != 2) return err_fmt(MOLT_EXC_VALUE_ERROR, "bad standard stream %d", (int)fd);
  if (objs[fd] == MOLT_NULL) {
    File *f = (File *)molt_alloc_object(sizeof(File), MOLT_TYPE_FILE);
    f->fp = fd == 1 ? stdout : stderr;
    f->writable = 1;
    f->name = molt_str_from_cstr(fd == 1 ? "<stdout>" : "<stderr>");
    f->mode = molt_str_from_cstr("w");
    f->h.rc = MOLT_IMMORTAL_REFCNT;
    objs[fd] = BOX(f);
  }
  return objs[fd];
}

// fgetc with universal-newline translation.
static int getc_nl(FILE *fp) {
  int c = fgetc(fp);
  if (c == '\r') {
    int d = fgetc(fp);
    if (d != '\n' && d != EOF) ungetc(d, fp);
    return '\n';
  }
  return c;
}

static File *checked(V fv, bool want_read, bool want_write) {
  if (!is_type(fv, MOLT_TYPE_FILE)) {
    err_fmt(MOLT_EXC_TYPE_ERROR, "expected a file object, got %s", tname(fv));
    return nullptr;
  }
  File *f = AS(File, fv);
  if (f->closed) {
    err_fmt(MOLT_EXC_VALUE_ERROR, "I/O operation on closed file.");
    return nullptr;
  }
  if (want_read && !f->readable) {
    err_fmt(MOLT_EXC_OS_ERROR, "not readable");
    return nullptr;
  }
  if (want_write && !f->writable) {
    err_fmt(MOLT_EXC_OS_ERROR, "not writable");
    return nullptr;
  }
  return f;
}

extern "C" MoltValue molt_file_read(MoltValue fv, int64_t size) {
  File *f = checked(fv, true, false);
  if (!f) return MOLT_NULL;
  Buf b;
  char tmp[4096];
  if (size < 0) {
    size_t k;
    bool pending_cr = false;
    while ((k = fread(tmp, 1, sizeof tmp, f->fp)) > 0) {
      for (size_t i = 0; i < k; i++) {
        char c = tmp[i];
        if (pending_cr) {
          pending_cr = false;
          if (c == '\n') continue; // "\r\n" -> already emitted "\n"
        }
        if (c == '\r') {
          b.putc('\n');
          pending_cr = true;
        } else {
          b.putc(c);
        }
      }
    }
    return b.take_str();
  }
  // size counts code points
  int64_t got = 0;
  int c;
  while (got < size && (c = getc_nl(f->fp)) != EOF) {
    b.putc((char)c);
    if (((unsigned char)c & 0xC0) != 0x80) {
      // count a code point when its lead byte arrives; pull continuation bytes
      got++;
      int extra = (unsigned char)c >= 0xF0 ? 3 : (unsigned char)c >= 0xE0 ? 2 : (unsigned char)c >= 0xC0 ? 1 : 0;
      for (int i = 0; i < extra && (c = fgetc(f->fp)) != EOF; i++) b.putc((char)c);
    }
  }
  return b.take_str();
}

extern "C" MoltValue molt_file_readline(MoltValue fv) {
  File *f = checked(fv, true, false);
  if (!f) return MOLT_NULL;
  Buf b;
  int c;
  while ((c = getc_nl(f->fp)) != EOF) {
    b.putc((char)c);
    if (c == '\n') break;
  }
  return b.take_str();
}

extern "C" MoltValue molt_file_readlines(MoltValue fv) {
  V l = list_new(0);
  while (true) {
    V line = molt_file_readline(fv);
    if (line == MOLT_NULL) {
      decref(l);
      return MOLT_NULL;
    }
    if (STR(line)->nbytes == 0) {
      decref(line);
      return l;
    }
    list_append_steal(l, line);
  }
}

extern "C" MoltValue molt_file_write(MoltValue fv, MoltValue s) {
  File *f = checked(fv, false, true);
  if (!f) return MOLT_NULL;
  if (!is_str(s)) return err_fmt(MOLT_EXC_TYPE_ERROR, "write() argument must be str, not %s", tname(s));
  fwrite(STR(s)->data, 1, (size_t)STR(s)->nbytes, f->fp);
  return int_from_i64(STR(s)->ncp);
}

extern "C" MoltValue molt_file_close(MoltValue fv) {
  if (!is_type(fv, MOLT_TYPE_FILE)) return err_fmt(MOLT_EXC_TYPE_ERROR, "expected a file object, got %s", tname(fv));
  File *f = AS(File, fv);
  if (!f->closed && (f->fp == stdout || f->fp == stderr)) { // sys.stdout.close(): print() still uses the stream
    fflush(f->fp);
    f->closed = 1;
  } else if (!f->closed) {
    fclose(f->fp);
    f->fp = nullptr;
    f->closed = 1;
  }
  return MOLT_NONE;
}
