// The doctor's fix engine: annotation inference from evidence, field
// declarations, edit application and unified diffs.
#include "fixes.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace molt {
namespace {

// Spells a type as annotation source text. Returns false for types that have
// no spelling in the subset (Unknown, views, modules...).
struct Speller {
  const TypeTable& T;
  uint32_t use_site;  // the annotation's byte offset: classes defined later need quotes
  bool future_annotations;
  std::set<std::string> typing_names;  // names the text needs from typing
  bool forward = false;

  bool spell(TypeId t, std::string& out) {
    const TypeData& d = T.get(t);
    auto args = [&](size_t from, size_t to) {
      for (size_t i = from; i < to; ++i) {
        if (i > from) out += ", ";
        if (!spell(d.args[i], out)) return false;
      }
      return true;
    };
    switch (d.kind) {
      case TypeKind::None: out += "None"; return true;
      case TypeKind::Bool: out += "bool"; return true;
      case TypeKind::Int: out += "int"; return true;
      case TypeKind::Float: out += "float"; return true;
      case TypeKind::Str: out += "str"; return true;
      case TypeKind::Bytes: out += "bytes"; return true;
      case TypeKind::Object: out += "object"; return true;
      case TypeKind::List: out += "list["; if (!spell(d.args[0], out)) return false; out += "]"; return true;
      case TypeKind::Set: out += "set["; if (!spell(d.args[0], out)) return false; out += "]"; return true;
      case TypeKind::Dict: out += "dict["; if (!args(0, 2)) return false; out += "]"; return true;
      case TypeKind::Tuple:
        if (d.args.empty()) return false;
        out += "tuple[";
        if (!args(0, d.args.size())) return false;
        out += "]";
        return true;
      case TypeKind::TupleVar: out += "tuple["; if (!spell(d.args[0], out)) return false; out += ", ...]"; return true;
      case TypeKind::Optional: if (!spell(d.args[0], out)) return false; out += " | None"; return true;
      case TypeKind::Callable:
        typing_names.insert("Callable");
        out += "Callable[[";
        if (!args(0, d.args.size() - 1)) return false;
        out += "], ";
        if (!spell(d.args.back(), out)) return false;
        out += "]";
        return true;
      case TypeKind::Iterator:
        typing_names.insert("Iterator");
        out += "Iterator[";
        if (!spell(d.args[0], out)) return false;
        out += "]";
        return true;
      case TypeKind::File: typing_names.insert("TextIO"); out += "TextIO"; return true;
      case TypeKind::Instance:
        if (d.cls->decl && d.cls->decl->range.end > use_site) forward = true;
        out += d.cls->name;
        return true;
      default: return false;
    }
  }
};

bool hasFutureAnnotations(const Module& m) {
  for (const Stmt* s : m.body)
    if (s->kind == StmtKind::ImportFrom && as<ImportFromStmt>(s)->module == "__future__")
      for (const Alias& a : as<ImportFromStmt>(s)->names)
        if (a.name == "annotations") return true;
  return false;
}

// Where a new top-level import goes: after a docstring and `__future__` imports.
uint32_t importInsertionPoint(const FileAnalysis& a) {
  uint32_t at = 0;
  for (const Stmt* s : a.parsed.module.body) {
    bool docstring = s == a.parsed.module.body.front() && s->kind == StmtKind::Expr && as<ExprStmt>(s)->value->kind == ExprKind::Str;
    bool future = s->kind == StmtKind::ImportFrom && as<ImportFromStmt>(s)->module == "__future__";
    if (!docstring && !future) break;
    at = s->range.end;
  }
  if (at == 0) return 0;
  std::string_view text = a.source->text();
  size_t nl = text.find('\n', at);
  return nl == std::string_view::npos ? static_cast<uint32_t>(text.size()) : static_cast<uint32_t>(nl + 1);
}

}  // namespace

// Spells `t` for use at `site`, adding typing imports the file lacks.
bool annotationFor(FileAnalysis& a, TypeId t, uint32_t site, std::string& text, std::vector<TextEdit>& extra) {
  Speller sp{a.checked->types, site, hasFutureAnnotations(a.parsed.module), {}};
  if (!sp.spell(t, text)) return false;
  if (sp.forward && !sp.future_annotations) text = "\"" + text + "\"";
  for (const std::string& name : sp.typing_names) {
    auto it = a.names.module_scope->symbols.find(name);
    if (it != a.names.module_scope->symbols.end()) {
      const Symbol* s = it->second;
      if (s->kind == SymbolKind::ImportedName && s->module == "typing" && s->imported == name) continue;
      return false;  // the name means something else here
    }
    extra.push_back({{importInsertionPoint(a), importInsertionPoint(a)}, "from typing import " + name + "\n"});
  }
  return true;
}

bool classBodyInsertion(const FileAnalysis& a, const ClassDef* c, uint32_t& at, std::string& indent, bool& blank_after) {
  if (c->body.empty()) return false;
  std::string_view text = a.source->text();
  const Stmt* first = c->body.front();
  uint32_t line_start = a.source->lineStart(a.source->position(first->range.begin).line);
  indent = std::string(text.substr(line_start, first->range.begin - line_start));
  if (indent.empty() || indent.find_first_not_of(" \t") != std::string::npos) return false;
  at = line_start;
  bool docstring = first->kind == StmtKind::Expr && as<ExprStmt>(first)->value->kind == ExprKind::Str;
  const Stmt* next = docstring ? (c->body.size() > 1 ? c->body[1] : nullptr) : first;
  blank_after = next && (next->kind == StmtKind::FunctionDef || next->kind == StmtKind::ClassDef);
  if (docstring) {
    size_t nl = text.find('\n', first->range.end);
    if (nl == std::string_view::npos) return false;
    at = static_cast<uint32_t>(nl + 1);
  }
  return true;
}

namespace {

// Joins evidence into one type. `exact` is false when the result widened a
// type (int + float -> float, two classes -> their base).
bool joinEvidence(TypeTable& T, const std::vector<TypeId>& ev, TypeId& out, bool& exact) {
  if (ev.empty()) return false;
  std::vector<TypeId> distinct;
  for (TypeId t : ev) {
    if (T.containsUnknown(t) || T.kind(t) == TypeKind::Never) return false;
    if (std::find(distinct.begin(), distinct.end(), t) == distinct.end()) distinct.push_back(t);
  }
  TypeId j = distinct[0];
  for (size_t i = 1; i < distinct.size(); ++i) {
    bool ok;
    j = T.join(j, distinct[i], ok);
    if (!ok) return false;
  }
  // Exact when every distinct type is j itself, None, or j's non-None part.
  exact = true;
  for (TypeId t : distinct)
    if (t != j && T.kind(t) != TypeKind::None && t != T.stripNone(j)) exact = false;
  out = j;
  return true;
}

Diagnostic* findDiagnostic(FileAnalysis& a, DiagnosticKind k, SourceRange r) {
  for (Diagnostic& d : a.diagnostics)
    if (d.kind == k && d.range == r) return &d;
  return nullptr;
}

// The offset just after the `)` closing a def's parameter list.
std::optional<uint32_t> paramsEnd(std::string_view text, const FunctionDef* f) {
  size_t i = f->name_range.end;
  int depth = 0;
  char quote = 0;
  for (; i < f->header.end && i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    else if (c == '(' || c == '[') ++depth;
    else if (c == ')' || c == ']') {
      if (--depth == 0) return static_cast<uint32_t>(i + 1);
    }
  }
  return std::nullopt;
}

void fixMissingAnnotations(FileAnalysis& a) {
  CheckedModule& m = *a.checked;
  std::string_view text = a.source->text();
  for (const auto& fnp : m.functions) {
    const FunctionInfo* fn = fnp.get();
    const FunctionDef* f = fn->decl;
    if (!f) continue;
    size_t first = fn->has_self ? 1 : 0;
    for (size_t i = first; i < f->params.size(); ++i) {
      const Param& p = f->params[i];
      if (p.annotation) continue;
      Diagnostic* d = findDiagnostic(a, DiagnosticKind::MissingAnnotation, p.range);
      if (!d) continue;
      auto ev = m.param_evidence.find({fn, i - first});
      TypeId t;
      bool exact;
      if (ev == m.param_evidence.end() || !joinEvidence(m.types, ev->second, t, exact)) {
        d->help.push_back("no call site or default gives its type yet; annotate it by hand");
        continue;
      }
      std::string ann;
      std::vector<TextEdit> edits;
      if (!annotationFor(a, t, f->range.begin, ann, edits)) continue;
      if (p.default_value)
        edits.push_back({{p.range.end, p.default_value->range.begin}, ": " + ann + " = "});
      else
        edits.push_back({{p.range.end, p.range.end}, ": " + ann});
      d->fixes.push_back({fmt::format("annotate `{}: {}`{}", p.name, ann, exact ? "" : " (widened from call sites)"),
                          exact ? Applicability::Safe : Applicability::Unsafe, std::move(edits)});
    }
    if (fn->return_inferred) {
      Diagnostic* d = findDiagnostic(a, DiagnosticKind::MissingAnnotation, f->name_range);
      if (!d) continue;
      auto ev = m.return_evidence.find(fn);
      TypeId t;
      bool exact;
      if (ev == m.return_evidence.end() || !joinEvidence(m.types, ev->second, t, exact)) continue;
      auto at = paramsEnd(text, f);
      if (!at) continue;
      std::string ann;
      std::vector<TextEdit> edits;
      if (!annotationFor(a, t, f->range.begin, ann, edits)) continue;
      edits.push_back({{*at, *at}, " -> " + ann});
      d->fixes.push_back({fmt::format("annotate the return type `-> {}`", ann), exact ? Applicability::Safe : Applicability::Unsafe,
                          std::move(edits)});
    }
  }
}

// `obj.extra = v` from outside the class: declare `extra: T` in the class body.
void fixFieldsAddedOutside(FileAnalysis& a) {
  CheckedModule& m = *a.checked;
  for (const ClassEvent& e : m.class_events) {
    if (e.code != DiagnosticKind::AttributeAddedOutside || e.attr.empty() || !e.cls->decl) continue;
    Diagnostic* d = findDiagnostic(a, e.code, e.range);
    const FieldInfo* field = e.cls->findField(e.attr);
    if (!d || !field || e.cls->decl->body.empty()) continue;
    uint32_t line_start;
    std::string indent;
    bool blank;
    if (!classBodyInsertion(a, e.cls->decl, line_start, indent, blank)) continue;
    std::string ann;
    std::vector<TextEdit> edits;
    if (!annotationFor(a, field->type, e.cls->decl->range.begin, ann, edits)) continue;
    edits.push_back({{line_start, line_start}, indent + std::string(e.attr) + ": " + ann + "\n"});
    if (blank) edits.push_back({{line_start, line_start}, "\n"});
    d->fixes.push_back({fmt::format("declare `{}: {}` as a field of `{}`", e.attr, ann, e.cls->name), Applicability::Unsafe,
                        std::move(edits)});
  }
}

}  // namespace

void attachFixes(FileAnalysis& a) {
  if (!a.checked) return;
  fixMissingAnnotations(a);
  fixFieldsAddedOutside(a);
}

std::optional<std::string> applyEdits(std::string_view text, std::vector<TextEdit> edits) {
  // Insertions repeated by several fixes (the same import, the blank line
  // after new field declarations) are applied once, after the other
  // insertions at that offset.
  std::vector<TextEdit> unique, repeated;
  for (const TextEdit& e : edits) {
    auto same = [&](const TextEdit& x) { return x.range == e.range && x.replacement == e.replacement; };
    if (std::any_of(repeated.begin(), repeated.end(), same)) continue;
    auto it = std::find_if(unique.begin(), unique.end(), same);
    if (it != unique.end() && e.range.begin == e.range.end) {
      repeated.push_back(*it);
      unique.erase(it);
      continue;
    }
    unique.push_back(e);
  }
  unique.insert(unique.end(), repeated.begin(), repeated.end());
  std::stable_sort(unique.begin(), unique.end(), [](const TextEdit& x, const TextEdit& y) { return x.range.begin < y.range.begin; });
  std::string out;
  uint32_t pos = 0;
  for (const TextEdit& e : unique) {
    if (e.range.begin < pos || e.range.end < e.range.begin || e.range.end > text.size()) return std::nullopt;
    out.append(text.substr(pos, e.range.begin - pos));
    out.append(e.replacement);
    pos = e.range.end;
  }
  out.append(text.substr(pos));
  return out;
}

std::string unifiedDiff(const std::string& path, std::string_view before, std::string_view after) {
  auto lines = [](std::string_view s) {
    std::vector<std::string_view> v;
    size_t i = 0;
    while (i < s.size()) {
      size_t nl = s.find('\n', i);
      size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
      v.push_back(s.substr(i, end - i));
      i = end;
    }
    return v;
  };
  std::vector<std::string_view> a = lines(before), b = lines(after);
  // Trim the common prefix and suffix, then LCS on the middle (small for fixes).
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  size_t n = a.size() - pre - suf, mlen = b.size() - pre - suf;
  if (n == 0 && mlen == 0) return {};
  // ops: ' ' keep, '-' delete, '+' insert, over the middle region.
  std::vector<std::pair<char, std::string_view>> ops;
  if (n * mlen <= 4'000'000) {
    std::vector<std::vector<uint32_t>> L(n + 1, std::vector<uint32_t>(mlen + 1, 0));
    for (size_t i = n; i-- > 0;)
      for (size_t j = mlen; j-- > 0;)
        L[i][j] = a[pre + i] == b[pre + j] ? L[i + 1][j + 1] + 1 : std::max(L[i + 1][j], L[i][j + 1]);
    size_t i = 0, j = 0;
    while (i < n || j < mlen) {
      if (i < n && j < mlen && a[pre + i] == b[pre + j]) { ops.push_back({' ', a[pre + i]}); ++i; ++j; }
      else if (i < n && (j == mlen || L[i + 1][j] >= L[i][j + 1])) { ops.push_back({'-', a[pre + i]}); ++i; }
      else { ops.push_back({'+', b[pre + j]}); ++j; }
    }
  } else {
    for (size_t i = 0; i < n; ++i) ops.push_back({'-', a[pre + i]});
    for (size_t j = 0; j < mlen; ++j) ops.push_back({'+', b[pre + j]});
  }
  // Full op list with context, then group into hunks of changes +-3 lines.
  std::vector<std::pair<char, std::string_view>> all;
  for (size_t i = 0; i < pre; ++i) all.push_back({' ', a[i]});
  all.insert(all.end(), ops.begin(), ops.end());
  for (size_t i = a.size() - suf; i < a.size(); ++i) all.push_back({' ', a[i]});
  std::string shown = path.starts_with("/") ? path.substr(1) : path;
  std::string out = "--- a/" + shown + "\n+++ b/" + shown + "\n";
  const size_t ctx = 3;
  size_t k = 0;
  size_t old_line = 1, new_line = 1;
  while (k < all.size()) {
    if (all[k].first == ' ') { ++k; ++old_line; ++new_line; continue; }
    size_t start = k >= ctx ? k - ctx : 0;
    size_t end = k;
    // Extend while changes are within 2*ctx of each other.
    size_t last_change = k;
    while (end < all.size()) {
      if (all[end].first != ' ') last_change = end;
      else if (end - last_change > 2 * ctx) break;
      ++end;
    }
    end = std::min(all.size(), last_change + ctx + 1);
    size_t o_start = old_line - (k - start), n_start = new_line - (k - start);
    size_t o_count = 0, n_count = 0;
    for (size_t x = start; x < end; ++x) {
      if (all[x].first != '+') ++o_count;
      if (all[x].first != '-') ++n_count;
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", o_start, o_count, n_start, n_count);
    for (size_t x = start; x < end; ++x) {
      out.push_back(all[x].first);
      out.append(all[x].second);
      if (all[x].second.empty() || all[x].second.back() != '\n') out += "\n\\ No newline at end of file\n";
    }
    for (size_t x = k; x < end; ++x) {
      if (all[x].first != '+') ++old_line;
      if (all[x].first != '-') ++new_line;
    }
    k = end;
  }
  return out;
}

}  // namespace molt
