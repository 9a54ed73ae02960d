// Type interning, display, assignability and joins.
#include "types.h"

#include <fmt/format.h>

namespace molt {

const FieldInfo* ClassInfo::findField(std::string_view n) const {
  for (const ClassInfo* c = this; c; c = c->base)
    for (const auto& f : c->fields)
      if (f.name == n) return &f;
  return nullptr;
}

FunctionInfo* ClassInfo::findMethod(std::string_view n) const {
  for (const ClassInfo* c = this; c; c = c->base) {
    auto it = c->methods.find(n);
    if (it != c->methods.end()) return it->second;
  }
  return nullptr;
}

bool ClassInfo::isSubclassOf(const ClassInfo* other) const {
  for (const ClassInfo* c = this; c; c = c->base)
    if (c == other) return true;
  return false;
}

TypeTable::TypeTable() {
  for (TypeKind k : {TypeKind::Unknown, TypeKind::Never, TypeKind::None, TypeKind::Bool, TypeKind::Int,
                     TypeKind::Float, TypeKind::Str, TypeKind::Bytes, TypeKind::Object, TypeKind::Range,
                     TypeKind::File})
    intern(k, {});
}

size_t TypeTable::hashOf(TypeKind kind, std::span<const TypeId> args, const ClassInfo* cls, std::string_view name) {
  uint64_t h = 1469598103934665603ull ^ static_cast<uint64_t>(kind);
  auto mix = [&](uint64_t v) { h = (h ^ v) * 1099511628211ull; };
  for (TypeId a : args) mix(a);
  mix(reinterpret_cast<uintptr_t>(cls));
  for (unsigned char c : name) mix(c);
  return static_cast<size_t>(h ^ (h >> 29));
}

void TypeTable::growIndex() {
  index_.assign(index_.empty() ? 64 : index_.size() * 2, 0);
  size_t mask = index_.size() - 1;
  for (TypeId id = 0; id < types_.size(); ++id) {
    const TypeData& d = types_[id];
    size_t k = hashOf(d.kind, d.args, d.cls, d.name) & mask;
    while (index_[k] != 0) k = (k + 1) & mask;
    index_[k] = id + 1;
  }
}

TypeId TypeTable::intern(TypeKind kind, std::span<const TypeId> args, const ClassInfo* cls, std::string_view name) {
  if ((types_.size() + 1) * 2 > index_.size()) growIndex();
  size_t mask = index_.size() - 1;
  size_t k = hashOf(kind, args, cls, name) & mask;
  for (; index_[k] != 0; k = (k + 1) & mask) {
    const TypeData& d = types_[index_[k] - 1];
    if (d.kind == kind && d.cls == cls && d.name == name && std::equal(d.args.begin(), d.args.end(), args.begin(), args.end()))
      return index_[k] - 1;
  }
  TypeId id = static_cast<TypeId>(types_.size());
  types_.push_back(TypeData{kind, std::vector<TypeId>(args.begin(), args.end()), cls, name});
  index_[k] = id + 1;
  return id;
}

TypeId TypeTable::optional(TypeId t) {
  TypeKind k = kind(t);
  if (k == TypeKind::None || k == TypeKind::Optional || k == TypeKind::Unknown || k == TypeKind::Object) return t;
  return intern1(TypeKind::Optional, t);
}

TypeId TypeTable::callable(std::span<const TypeId> params, TypeId ret) {
  scratch_.assign(params.begin(), params.end());
  scratch_.push_back(ret);
  return intern(TypeKind::Callable, scratch_);
}

TypeId TypeTable::callable(std::span<const ParamInfo> params, TypeId ret) {
  scratch_.clear();
  for (const ParamInfo& p : params) scratch_.push_back(p.type);
  scratch_.push_back(ret);
  return intern(TypeKind::Callable, scratch_);
}

TypeId TypeTable::stripNone(TypeId t) const { return kind(t) == TypeKind::Optional ? arg(t, 0) : t; }

bool TypeTable::containsUnknown(TypeId t) const {
  if (kind(t) == TypeKind::Unknown) return true;
  for (TypeId a : types_[t].args)
    if (containsUnknown(a)) return true;
  return false;
}

std::string TypeTable::display(TypeId t) const {
  const TypeData& d = types_[t];
  auto joinArgs = [&](size_t from, size_t to) {
    std::string s;
    for (size_t i = from; i < to; ++i) {
      if (i > from) s += ", ";
      s += display(d.args[i]);
    }
    return s;
  };
  switch (d.kind) {
    case TypeKind::Unknown: return "Unknown";
    case TypeKind::Never: return "NoReturn";
    case TypeKind::None: return "None";
    case TypeKind::Bool: return "bool";
    case TypeKind::Int: return "int";
    case TypeKind::Float: return "float";
    case TypeKind::Str: return "str";
    case TypeKind::Bytes: return "bytes";
    case TypeKind::Object: return "object";
    case TypeKind::List: return "list[" + display(d.args[0]) + "]";
    case TypeKind::Set: return "set[" + display(d.args[0]) + "]";
    case TypeKind::Dict: return "dict[" + joinArgs(0, 2) + "]";
    case TypeKind::Tuple: return d.args.empty() ? "tuple[()]" : "tuple[" + joinArgs(0, d.args.size()) + "]";
    case TypeKind::TupleVar: return "tuple[" + display(d.args[0]) + ", ...]";
    case TypeKind::Optional: return display(d.args[0]) + " | None";
    case TypeKind::Callable:
      return "Callable[[" + joinArgs(0, d.args.size() - 1) + "], " + display(d.args.back()) + "]";
    case TypeKind::Instance: return std::string(d.cls->name);
    case TypeKind::ClassObj: return "type[" + std::string(d.cls->name) + "]";
    case TypeKind::Module: return "module `" + std::string(d.name) + "`";
    case TypeKind::Range: return "range";
    case TypeKind::Iterator: return "Iterator[" + display(d.args[0]) + "]";
    case TypeKind::View: return "view[" + display(d.args[0]) + "]";
    case TypeKind::File: return "TextIO";
    case TypeKind::Super: return "super[" + std::string(d.cls->name) + "]";
    case TypeKind::TypeVar: return std::string(d.name);
  }
  return "?";
}

bool TypeTable::invariantEqual(TypeId a, TypeId b) const {
  if (a == b) return true;
  if (kind(a) == TypeKind::Unknown || kind(b) == TypeKind::Unknown) return true;
  const TypeData& x = types_[a];
  const TypeData& y = types_[b];
  if (x.kind != y.kind || x.cls != y.cls || x.args.size() != y.args.size() || x.name != y.name) return false;
  for (size_t i = 0; i < x.args.size(); ++i)
    if (!invariantEqual(x.args[i], y.args[i])) return false;
  return true;
}

bool TypeTable::assignable(TypeId to, TypeId from) const {
  if (to == from) return true;
  TypeKind tk = kind(to), fk = kind(from);
  if (tk == TypeKind::Unknown || fk == TypeKind::Unknown || fk == TypeKind::Never) return true;
  if (tk == TypeKind::Object) return true;
  switch (tk) {
    case TypeKind::Float: return fk == TypeKind::Int || fk == TypeKind::Bool;
    case TypeKind::Int: return fk == TypeKind::Bool;
    case TypeKind::Optional:
      if (fk == TypeKind::None) return true;
      if (fk == TypeKind::Optional) return assignable(arg(to, 0), arg(from, 0));
      return assignable(arg(to, 0), from);
    case TypeKind::Instance:
      return fk == TypeKind::Instance && get(from).cls->isSubclassOf(get(to).cls);
    case TypeKind::ClassObj:
      return fk == TypeKind::ClassObj && get(from).cls->isSubclassOf(get(to).cls);
    case TypeKind::List:
    case TypeKind::Set:
    case TypeKind::Dict:
      return invariantEqual(to, from);
    case TypeKind::Tuple: {
      if (fk != TypeKind::Tuple || get(to).args.size() != get(from).args.size()) return false;
      for (size_t i = 0; i < get(to).args.size(); ++i)
        if (!assignable(arg(to, i), arg(from, i))) return false;
      return true;
    }
    case TypeKind::TupleVar: {
      if (fk == TypeKind::TupleVar) return assignable(arg(to, 0), arg(from, 0));
      if (fk != TypeKind::Tuple) return false;
      for (TypeId e : get(from).args)
        if (!assignable(arg(to, 0), e)) return false;
      return true;
    }
    case TypeKind::Iterator: {
      // Iterable[T] accepts every iterable whose elements fit.
      TypeId elem;
      switch (fk) {
        case TypeKind::List: case TypeKind::Set: case TypeKind::TupleVar: case TypeKind::Iterator:
        case TypeKind::View:
          elem = arg(from, 0); break;
        case TypeKind::Dict: elem = arg(from, 0); break;
        case TypeKind::Str: elem = str(); break;
        case TypeKind::Range: elem = integer(); break;
        case TypeKind::Tuple: {
          for (TypeId e : get(from).args)
            if (!assignable(arg(to, 0), e)) return false;
          return true;
        }
        default: return false;
      }
      return assignable(arg(to, 0), elem);
    }
    case TypeKind::Callable: {
      if (fk != TypeKind::Callable) return false;
      const auto& ta = get(to).args;
      const auto& fa = get(from).args;
      if (ta.size() != fa.size()) return false;
      for (size_t i = 0; i + 1 < ta.size(); ++i)
        if (!assignable(fa[i], ta[i])) return false;  // parameters are contravariant
      return assignable(ta.back(), fa.back());
    }
    default: return false;
  }
}

TypeId TypeTable::join(TypeId a, TypeId b, bool& ok) {
  ok = true;
  if (a == b) return a;
  TypeKind ak = kind(a), bk = kind(b);
  if (ak == TypeKind::Unknown || bk == TypeKind::Never) return a;
  if (bk == TypeKind::Unknown || ak == TypeKind::Never) return b;
  if (assignable(a, b)) return a;
  if (assignable(b, a)) return b;
  if (ak == TypeKind::None) return optional(b);
  if (bk == TypeKind::None) return optional(a);
  if (ak == TypeKind::Optional || bk == TypeKind::Optional) {
    bool inner_ok;
    TypeId j = join(stripNone(a), stripNone(b), inner_ok);
    if (inner_ok) return optional(j);
  }
  if (ak == TypeKind::Instance && bk == TypeKind::Instance) {
    for (const ClassInfo* c = get(a).cls; c; c = c->base)
      if (get(b).cls->isSubclassOf(c)) return instance(c);
  }
  if (ak == TypeKind::Tuple && bk == TypeKind::Tuple && get(a).args.size() == get(b).args.size()) {
    std::vector<TypeId> elts;
    for (size_t i = 0; i < get(a).args.size(); ++i) {
      bool e_ok;
      elts.push_back(join(arg(a, i), arg(b, i), e_ok));
      if (!e_ok) { ok = false; return unknown(); }
    }
    return tuple(std::move(elts));
  }
  ok = false;
  return unknown();
}

TypeId TypeTable::substitute(TypeId t, const std::map<std::string_view, TypeId>& bindings) {
  const TypeData& d = types_[t];
  if (d.kind == TypeKind::TypeVar) {
    auto it = bindings.find(d.name);
    return it == bindings.end() ? unknown() : it->second;
  }
  if (d.args.empty()) return t;
  // Re-read through types_[t] after each step: substitute() may intern,
  // which moves types_. The argument list is copied only once one changes
  // (most substitutions change nothing).
  const TypeKind kind = d.kind;
  const ClassInfo* cls = d.cls;
  const std::string_view name = d.name;
  const size_t n = d.args.size();
  std::vector<TypeId> args;
  bool changed = false;
  for (size_t i = 0; i < n; ++i) {
    TypeId a = types_[t].args[i];
    TypeId s = substitute(a, bindings);
    if (s != a && !changed) {
      args.assign(types_[t].args.begin(), types_[t].args.begin() + static_cast<std::ptrdiff_t>(i));
      changed = true;
    }
    if (changed) args.push_back(s);
  }
  if (!changed) return t;
  if (kind == TypeKind::Optional) return optional(args[0]);
  return intern(kind, args, cls, name);
}

}  // namespace molt
