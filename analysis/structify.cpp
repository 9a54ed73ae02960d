// Struct layouts and the reasons a class cannot be structified.
#include "structify.h"

#include <unordered_map>

namespace molt {
namespace {

std::string q(std::string_view s) { return "`" + std::string(s) + "`"; }

bool unboxed(const TypeTable& T, TypeId t) {
  TypeKind k = T.kind(t);
  return k == TypeKind::Float || k == TypeKind::Bool;
}

}  // namespace

std::vector<StructLayout> computeLayouts(const CheckedModule& m, std::vector<Diagnostic>& diags) {
  std::vector<StructLayout> out;
  std::unordered_map<const ClassInfo*, size_t> index;
  const TypeTable& T = m.types;
  for (const auto& c : m.classes) {
    if (c->builtin || !c->decl) continue;
    StructLayout l;
    l.cls = c.get();
    // Fields: the base's layout first, then this class's instance fields.
    if (c->base && !c->base->builtin) {
      auto it = index.find(c->base);
      if (it != index.end()) {
        const StructLayout& base = out[it->second];
        l.fields = base.fields;
        if (!base.structifiable)
          l.reasons.push_back({DiagnosticKind::UnstructifiableBase,
                               "class " + q(c->name) + " cannot be structified: its base class " + q(c->base->name) +
                                   " is not structifiable",
                               c->decl->bases.empty() ? c->decl->name_range : c->decl->bases[0]->range});
      }
    }
    for (const FieldInfo& f : c->fields) {
      if (f.is_class_constant) continue;
      bool shadowed = false;
      for (const FieldLayout& existing : l.fields) shadowed |= existing.name == f.name;
      if (shadowed) continue;
      uint32_t offset = kStructHeaderSize + kStructSlotSize * static_cast<uint32_t>(l.fields.size());
      l.fields.push_back(FieldLayout{f.name, f.type, offset, kStructSlotSize, !unboxed(T, f.type), c.get(), f.decl});
    }
    l.size = kStructHeaderSize + kStructSlotSize * static_cast<uint32_t>(l.fields.size());
    for (const char* hook : {"__getattr__", "__getattribute__", "__setattr__", "__delattr__"}) {
      auto it = c->methods.find(hook);
      if (it != c->methods.end() && it->second->decl)
        l.reasons.push_back({DiagnosticKind::DynamicAttributeHook,
                             "class " + q(c->name) + " cannot be structified: it defines " + q(hook),
                             it->second->decl->name_range});
    }
    for (const ClassEvent& e : m.class_events)
      if (e.cls == c.get()) l.reasons.push_back({e.code, e.message, e.range});
    l.structifiable = l.reasons.empty();
    index[c.get()] = out.size();
    out.push_back(std::move(l));
  }
  // Diagnostics: one per cause, at the cause, pointing back at the class.
  for (const StructLayout& l : out) {
    for (const StructReason& r : l.reasons) {
      bool reported = false;
      for (const ClassEvent& e : m.class_events)
        if (e.cls == l.cls && e.range == r.range && e.code == r.code && e.already_reported) reported = true;
      if (reported) continue;
      Diagnostic d{r.code, r.range, r.message, {}, {}, {}};
      d.related.push_back({l.cls->decl->name_range, "class " + q(l.cls->name) + " is defined here"});
      diags.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace molt
