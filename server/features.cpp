// Hover, definition, outline, semantic tokens, inlay hints, code lens and
// code actions over one DocumentAnalysis.
#include "server/features.h"

#include <algorithm>

#include "server/ast_walk.h"

namespace molt::lsp {

namespace {

bool contains(SourceRange r, uint32_t offset) { return r.begin <= offset && offset <= r.end; }

const CheckedModule* checkedOf(const DocumentAnalysis& a) { return a.analysis.checked.get(); }

std::string typeText(const DocumentAnalysis& a, TypeId t) {
  const CheckedModule* c = checkedOf(a);
  return c ? c->types.display(t) : std::string("?");
}

bool knownType(const DocumentAnalysis& a, TypeId t) {
  const CheckedModule* c = checkedOf(a);
  return c && t != c->types.unknown() && !c->types.containsUnknown(t);
}

const FunctionInfo* functionInfo(const DocumentAnalysis& a, const FunctionDef* f) {
  const CheckedModule* c = checkedOf(a);
  if (!c) return nullptr;
  auto it = c->function_of.find(f);
  return it == c->function_of.end() ? nullptr : it->second;
}

const ClassInfo* classInfo(const DocumentAnalysis& a, const ClassDef* cd) {
  const CheckedModule* c = checkedOf(a);
  if (!c) return nullptr;
  auto it = c->class_of.find(cd);
  return it == c->class_of.end() ? nullptr : it->second;
}

// The declared or inferred type of a symbol; unknown() without a checker.
std::optional<TypeId> symbolType(const DocumentAnalysis& a, const Symbol* s) {
  const CheckedModule* c = checkedOf(a);
  if (!c || !s || s->index >= c->symbol_types.size()) return std::nullopt;
  return c->symbol_types[s->index];
}

const Symbol* paramSymbol(const DocumentAnalysis& a, const void* scope_node, std::string_view name) {
  const Scope* sc = a.analysis.names.scopeOf(scope_node);
  if (!sc) return nullptr;
  auto it = sc->symbols.find(name);
  return it == sc->symbols.end() ? nullptr : it->second;
}

std::string plural(uint32_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

std::string compileStatus(const DocumentAnalysis& a, SourceRange r) {
  uint32_t n = errorsWithin(a, r);
  return n == 0 ? "compiles natively" : "blocked: " + plural(n, "problem");
}

std::string signature(const DocumentAnalysis& a, const FunctionDef* f) {
  const FunctionInfo* fi = functionInfo(a, f);
  if (!fi) {
    // No types (syntax errors elsewhere): show the header as written.
    std::string_view h = a.source->text().substr(f->header.begin, f->header.end - f->header.begin);
    while (!h.empty() && (h.back() == ' ' || h.back() == '\n' || h.back() == '\r' || h.back() == '\t')) h.remove_suffix(1);
    if (!h.empty() && h.back() == ':') h.remove_suffix(1);
    return std::string(h);
  }
  std::string s = "def " + std::string(f->name) + "(";
  bool first = true;
  auto sep = [&] {
    if (!first) s += ", ";
    first = false;
  };
  if (fi->has_self && !f->params.empty()) {
    sep();
    s += f->params[0].name;
  }
  bool kw = false;
  for (const ParamInfo& p : fi->params) {
    if (p.keyword_only && !kw) {
      sep();
      s += "*";
      kw = true;
    }
    sep();
    if (p.variadic) s += "*";
    s += std::string(p.name) + ": " + typeText(a, p.type);
    if (p.has_default) s += " = ...";
  }
  s += ") -> " + typeText(a, fi->returns);
  return s;
}

std::string codeBlock(std::string_view code) { return "```python\n" + std::string(code) + "\n```"; }

HoverInfo functionHover(const DocumentAnalysis& a, const FunctionDef* f, SourceRange at) {
  std::string md = codeBlock(signature(a, f));
  md += "\n\n" + compileStatus(a, f->range);
  return {at, md};
}

// Fields of `c` and its bases, base first (the order a layout would use).
std::vector<std::pair<const ClassInfo*, const FieldInfo*>> allFields(const ClassInfo* c) {
  std::vector<const ClassInfo*> chain;
  for (const ClassInfo* k = c; k && chain.size() < 64; k = k->base) chain.push_back(k);
  std::vector<std::pair<const ClassInfo*, const FieldInfo*>> out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (const FieldInfo& f : (*it)->fields)
      if (!f.is_class_constant) out.emplace_back(*it, &f);
  return out;
}

const StructLayout* layoutOf(const DocumentAnalysis& a, const ClassInfo* ci) {
  for (const StructLayout& l : a.analysis.layouts)
    if (l.cls == ci) return &l;
  return nullptr;
}

// "it defines `__getattr__`" from "class `P` cannot be structified: it defines `__getattr__`".
std::string reasonText(const StructReason& r) {
  size_t p = r.message.find(": ");
  return p == std::string::npos ? r.message : r.message.substr(p + 2);
}

std::string layoutSummary(const StructLayout& l) {
  if (!l.structifiable)
    return l.reasons.empty() ? "not structifiable" : "not structifiable: " + reasonText(l.reasons.front());
  return "struct · " + std::to_string(l.size) + " bytes · " + plural(static_cast<uint32_t>(l.fields.size()), "field");
}

HoverInfo layoutHover(const DocumentAnalysis& a, const ClassDef* cd, const ClassInfo* ci, const StructLayout& l,
                      SourceRange at) {
  std::string code = "class " + std::string(cd->name);
  if (ci->base) code += "(" + std::string(ci->base->name) + ")";
  code += ":";
  if (l.structifiable) code += "  # " + std::to_string(l.size) + " bytes, align " + std::to_string(l.align);
  for (const FieldLayout& f : l.fields) {
    code += "\n    " + std::string(f.name) + ": " + typeText(a, f.type) + "  # offset " + std::to_string(f.offset) + ", " +
            (f.boxed ? "boxed" : "unboxed");
    if (f.declared_in && f.declared_in != ci) code += ", from " + std::string(f.declared_in->name);
  }
  if (l.fields.empty()) code += "\n    ...";
  std::string md = codeBlock(code) + "\n\n" + layoutSummary(l);
  if (!l.structifiable) {
    for (const StructReason& r : l.reasons)
      md += "\n- " + reasonText(r) + " (line " + std::to_string(a.source->position(r.range.begin).line) + ")";
    md += "\n\ninstances stay boxed objects";
  }
  return {at, md};
}

HoverInfo classHover(const DocumentAnalysis& a, const ClassDef* cd, SourceRange at) {
  const ClassInfo* ci = classInfo(a, cd);
  if (ci)
    if (const StructLayout* l = layoutOf(a, ci)) return layoutHover(a, cd, ci, *l, at);
  std::string code = "class " + std::string(cd->name);
  if (ci && ci->base && !ci->base->builtin) code += "(" + std::string(ci->base->name) + ")";
  else if (ci && ci->base) code += "(" + std::string(ci->base->name) + ")";
  code += ":";
  if (!ci) return {at, codeBlock(code)};
  auto fields = allFields(ci);
  for (auto [owner, f] : fields) {
    code += "\n    " + std::string(f->name) + ": " + typeText(a, f->type);
    if (owner != ci) code += "  # from " + std::string(owner->name);
  }
  if (fields.empty()) code += "\n    ...";
  std::string md = codeBlock(code);
  md += "\n\nclass · " + plural(static_cast<uint32_t>(fields.size()), "field");
  if (!ci->methods.empty()) md += " · " + plural(static_cast<uint32_t>(ci->methods.size()), "method");
  return {at, md};
}

// The declaration (def/class name, parameter) at `offset`, if any.
struct DeclAt {
  const FunctionDef* function = nullptr;
  const ClassDef* cls = nullptr;
  const FunctionDef* param_owner = nullptr;
  const Param* param = nullptr;
};

DeclAt declarationAt(const DocumentAnalysis& a, uint32_t offset) {
  DeclAt d;
  AstCallbacks cb;
  cb.stmt = [&](const Stmt* s) {
    if (s->kind == StmtKind::FunctionDef) {
      auto* f = as<FunctionDef>(s);
      if (contains(f->name_range, offset)) d.function = f;
      for (const Param& p : f->params)
        if (contains(p.range, offset)) {
          d.param_owner = f;
          d.param = &p;
        }
    } else if (s->kind == StmtKind::ClassDef) {
      auto* c = as<ClassDef>(s);
      if (contains(c->name_range, offset)) d.cls = c;
    }
  };
  walkModule(a.analysis.parsed.module, cb);
  return d;
}

// Looks up `attr` on the class a value of type `t` refers to.
struct MemberRef {
  const ClassInfo* owner = nullptr;
  const FieldInfo* field = nullptr;
  const FunctionInfo* method = nullptr;
};

MemberRef memberOf(const DocumentAnalysis& a, TypeId t, std::string_view attr) {
  MemberRef m;
  const CheckedModule* c = checkedOf(a);
  if (!c) return m;
  t = c->types.stripNone(t);
  TypeKind k = c->types.kind(t);
  if (k != TypeKind::Instance && k != TypeKind::ClassObj && k != TypeKind::Super) return m;
  for (const ClassInfo* cls = c->types.get(t).cls; cls; cls = cls->base) {
    if (const FieldInfo* f = cls->findField(attr)) {
      m.owner = cls;
      m.field = f;
      return m;
    }
    auto it = cls->methods.find(attr);
    if (it != cls->methods.end()) {
      m.owner = cls;
      m.method = it->second;
      return m;
    }
  }
  return m;
}

std::string_view symbolLabel(const Symbol* s) {
  switch (s->kind) {
    case SymbolKind::Parameter: return "(parameter) ";
    case SymbolKind::Variable: return s->scope && s->scope->kind == ScopeKind::Class ? "(class attribute) " : "(variable) ";
    case SymbolKind::Module: return "(module) ";
    case SymbolKind::ImportedName: return "(imported) ";
    case SymbolKind::Builtin: return "(builtin) ";
    default: return "";
  }
}

}  // namespace

uint32_t errorsWithin(const DocumentAnalysis& a, SourceRange r) {
  uint32_t n = 0;
  for (const Diagnostic& d : a.diagnostics)
    if (d.severity() == Severity::Error && d.range.begin >= r.begin && d.range.begin < r.end) ++n;
  return n;
}

// ------------------------------------------------------------------- hover

std::optional<HoverInfo> hover(const DocumentAnalysis& a, uint32_t offset) {
  if (a.invalid_utf8) return std::nullopt;
  DeclAt d = declarationAt(a, offset);
  if (d.function) return functionHover(a, d.function, d.function->name_range);
  if (d.cls) return classHover(a, d.cls, d.cls->name_range);
  if (d.param) {
    const Symbol* s = paramSymbol(a, d.param_owner, d.param->name);
    auto t = symbolType(a, s);
    std::string code = "(parameter) " + std::string(d.param->name);
    if (t) code += ": " + typeText(a, *t);
    return HoverInfo{d.param->range, codeBlock(code)};
  }
  const Expr* e = innermostExprAt(a.analysis.parsed.module, offset);
  if (!e) return std::nullopt;
  const CheckedModule* c = checkedOf(a);
  if (e->kind == ExprKind::Name) {
    auto* n = as<NameExpr>(e);
    const Symbol* s = a.analysis.names.symbolOf(e);
    if (s && s->def && s->def->kind == StmtKind::FunctionDef) return functionHover(a, as<FunctionDef>(s->def), e->range);
    if (s && s->def && s->def->kind == StmtKind::ClassDef) return classHover(a, as<ClassDef>(s->def), e->range);
    std::string code = std::string(s ? symbolLabel(s) : "") + std::string(n->name);
    if (c) code += ": " + typeText(a, c->typeOf(e));
    return HoverInfo{e->range, codeBlock(code)};
  }
  if (e->kind == ExprKind::Attribute) {
    auto* at = as<AttributeExpr>(e);
    if (c && contains(at->attr_range, offset)) {
      MemberRef m = memberOf(a, c->typeOf(at->value), at->attr);
      if (m.method && m.method->decl) return functionHover(a, m.method->decl, at->attr_range);
      std::string code = std::string(m.field ? "(field) " : "") + std::string(at->attr) + ": " + typeText(a, c->typeOf(e));
      return HoverInfo{at->attr_range, codeBlock(code)};
    }
  }
  if (!c) return std::nullopt;
  return HoverInfo{e->range, codeBlock(typeText(a, c->typeOf(e)))};
}

// -------------------------------------------------------------- definition

std::optional<SourceRange> definition(const DocumentAnalysis& a, uint32_t offset) {
  if (a.invalid_utf8) return std::nullopt;
  DeclAt d = declarationAt(a, offset);
  if (d.function) return d.function->name_range;
  if (d.cls) return d.cls->name_range;
  if (d.param) return d.param->range;
  const Expr* e = innermostExprAt(a.analysis.parsed.module, offset);
  if (!e) return std::nullopt;
  if (e->kind == ExprKind::Name) {
    const Symbol* s = a.analysis.names.symbolOf(e);
    if (!s || s->kind == SymbolKind::Builtin) return std::nullopt;
    if (s->def && s->def->kind == StmtKind::FunctionDef) return as<FunctionDef>(s->def)->name_range;
    if (s->def && s->def->kind == StmtKind::ClassDef) return as<ClassDef>(s->def)->name_range;
    return s->range;
  }
  if (e->kind == ExprKind::Attribute) {
    auto* at = as<AttributeExpr>(e);
    const CheckedModule* c = checkedOf(a);
    if (!c || !contains(at->attr_range, offset)) return std::nullopt;
    MemberRef m = memberOf(a, c->typeOf(at->value), at->attr);
    if (m.field && m.owner && m.owner->decl) return m.field->decl;
    if (m.method && m.method->decl) return m.method->decl->name_range;
  }
  return std::nullopt;
}

// -------------------------------------------------------- document symbols

namespace {

void collectVariables(const DocumentAnalysis& a, Block body, std::vector<OutlineSymbol>& out,
                      std::vector<std::string_view>& seen) {
  auto add = [&](const Expr* t, const Stmt* s) {
    if (!t || t->kind != ExprKind::Name) return;
    std::string_view name = as<NameExpr>(t)->name;
    if (name == "<error>" || std::find(seen.begin(), seen.end(), name) != seen.end()) return;
    seen.push_back(name);
    std::string detail;
    if (const CheckedModule* c = checkedOf(a); c && knownType(a, c->typeOf(t))) detail = typeText(a, c->typeOf(t));
    out.push_back({std::string(name), detail, SymbolCategory::Variable, s->range, t->range, {}});
  };
  for (const Stmt* s : body) {
    if (!s) continue;
    switch (s->kind) {
      case StmtKind::Assign:
        for (const Expr* t : as<AssignStmt>(s)->targets) {
          if (t->kind == ExprKind::Tuple || t->kind == ExprKind::List) {
            for (const Expr* x : as<SequenceExpr>(t)->elts) add(x, s);
          } else {
            add(t, s);
          }
        }
        break;
      case StmtKind::AnnAssign: add(as<AnnAssignStmt>(s)->target, s); break;
      case StmtKind::If:
        collectVariables(a, as<IfStmt>(s)->body, out, seen);
        collectVariables(a, as<IfStmt>(s)->orelse, out, seen);
        break;
      case StmtKind::Try:
        collectVariables(a, as<TryStmt>(s)->body, out, seen);
        break;
      default: break;
    }
  }
}

OutlineSymbol functionSymbol(const DocumentAnalysis& a, const FunctionDef* f, bool method) {
  return {std::string(f->name), signature(a, f), method ? SymbolCategory::Method : SymbolCategory::Function,
          f->range, f->name_range, {}};
}

}  // namespace

std::vector<OutlineSymbol> documentSymbols(const DocumentAnalysis& a) {
  std::vector<OutlineSymbol> out;
  if (a.invalid_utf8) return out;
  std::vector<std::string_view> seen;
  std::vector<OutlineSymbol> vars;
  collectVariables(a, a.analysis.parsed.module.body, vars, seen);
  for (const Stmt* s : a.analysis.parsed.module.body) {
    if (!s) continue;
    if (s->kind == StmtKind::FunctionDef) {
      out.push_back(functionSymbol(a, as<FunctionDef>(s), false));
    } else if (s->kind == StmtKind::ClassDef) {
      auto* cd = as<ClassDef>(s);
      OutlineSymbol cls{std::string(cd->name), "", SymbolCategory::Class, cd->range, cd->name_range, {}};
      if (const ClassInfo* ci = classInfo(a, cd)) {
        for (const FieldInfo& f : ci->fields)
          cls.children.push_back({std::string(f.name), typeText(a, f.type), SymbolCategory::Field, f.decl, f.decl, {}});
      }
      for (const Stmt* m : cd->body)
        if (m && m->kind == StmtKind::FunctionDef) cls.children.push_back(functionSymbol(a, as<FunctionDef>(m), true));
      std::sort(cls.children.begin(), cls.children.end(),
                [](const OutlineSymbol& x, const OutlineSymbol& y) { return x.selection.begin < y.selection.begin; });
      out.push_back(std::move(cls));
    }
  }
  for (auto& v : vars) out.push_back(std::move(v));
  std::sort(out.begin(), out.end(),
            [](const OutlineSymbol& x, const OutlineSymbol& y) { return x.selection.begin < y.selection.begin; });
  return out;
}

// --------------------------------------------------------- semantic tokens

std::vector<SemanticToken> semanticTokens(const DocumentAnalysis& a) {
  std::vector<SemanticToken> out;
  if (a.invalid_utf8) return out;
  const CheckedModule* c = checkedOf(a);
  const NameResolution& names = a.analysis.names;
  auto byType = [&](TypeId t) -> std::optional<TokenType> {
    if (!c) return std::nullopt;
    switch (c->types.kind(t)) {
      case TypeKind::ClassObj: return TokenType::Class;
      case TypeKind::Callable: return TokenType::Function;
      case TypeKind::Module: return TokenType::Namespace;
      case TypeKind::Unknown: return std::nullopt;
      default: return TokenType::Variable;
    }
  };
  AstCallbacks cb;
  cb.stmt = [&](const Stmt* s) {
    if (s->kind == StmtKind::FunctionDef) {
      auto* f = as<FunctionDef>(s);
      const Scope* sc = names.scopeOf(f);
      bool method = sc && sc->parent && sc->parent->kind == ScopeKind::Class;
      if (!sc) {  // no name resolution (syntax errors): methods are defs in a class body
        method = false;
      }
      out.push_back({f->name_range, method ? TokenType::Method : TokenType::Function, kDeclaration});
      for (const Param& p : f->params) out.push_back({p.range, TokenType::Parameter, kDeclaration});
    } else if (s->kind == StmtKind::ClassDef) {
      out.push_back({as<ClassDef>(s)->name_range, TokenType::Class, kDeclaration});
    }
  };
  cb.expr = [&](const Expr* e) {
    if (e->kind == ExprKind::Name) {
      const Symbol* s = names.symbolOf(e);
      if (!s) return;
      std::optional<TokenType> t;
      uint32_t mods = 0;
      switch (s->kind) {
        case SymbolKind::Class: t = TokenType::Class; break;
        case SymbolKind::Function:
          t = s->scope && s->scope->kind == ScopeKind::Class ? TokenType::Method : TokenType::Function;
          break;
        case SymbolKind::Parameter: t = TokenType::Parameter; break;
        case SymbolKind::Variable:
          t = s->scope && s->scope->kind == ScopeKind::Class ? TokenType::Property : TokenType::Variable;
          break;
        case SymbolKind::Module: t = TokenType::Namespace; break;
        case SymbolKind::ImportedName: t = c ? byType(c->typeOf(e)) : TokenType::Variable; break;
        case SymbolKind::Builtin:
          t = c ? byType(c->typeOf(e)) : std::nullopt;
          if (!t) t = TokenType::Function;  // builtin functions are typed at their calls
          mods |= kDefaultLibrary;
          break;
      }
      if (!t) return;
      if (s->range == e->range) mods |= kDeclaration;
      out.push_back({e->range, *t, mods});
    } else if (e->kind == ExprKind::Attribute && c) {
      auto* at = as<AttributeExpr>(e);
      MemberRef m = memberOf(a, c->typeOf(at->value), at->attr);
      std::optional<TokenType> t;
      uint32_t mods = 0;
      if (m.field) t = TokenType::Property;
      else if (m.method) t = m.method->is_property ? TokenType::Property : TokenType::Method;
      else t = byType(c->typeOf(e));
      if (m.owner && m.owner->builtin) mods |= kDefaultLibrary;
      if (c->types.kind(c->typeOf(at->value)) == TypeKind::Module) {
        mods |= kDefaultLibrary;
        if (t == TokenType::Variable) t = TokenType::Property;
      }
      if (t) out.push_back({at->attr_range, *t, mods});
    }
  };
  walkModule(a.analysis.parsed.module, cb);
  std::sort(out.begin(), out.end(), [](const SemanticToken& x, const SemanticToken& y) {
    return x.range.begin != y.range.begin ? x.range.begin < y.range.begin : x.range.end > y.range.end;
  });
  std::vector<SemanticToken> clean;
  std::string_view text = a.source->text();
  for (const SemanticToken& t : out) {
    if (t.range.end <= t.range.begin || t.range.end > text.size()) continue;
    if (text.substr(t.range.begin, t.range.end - t.range.begin).find('\n') != std::string_view::npos) continue;
    if (!clean.empty() && t.range.begin < clean.back().range.end) continue;
    clean.push_back(t);
  }
  return clean;
}

// ------------------------------------------------------------- inlay hints

std::vector<InlayHintInfo> inlayHints(const DocumentAnalysis& a, SourceRange range) {
  std::vector<InlayHintInfo> out;
  const CheckedModule* c = checkedOf(a);
  if (!c || a.invalid_utf8) return out;
  const NameResolution& names = a.analysis.names;
  auto target = [&](const Expr* t) {
    if (!t || t->kind != ExprKind::Name) return;
    const Symbol* s = names.symbolOf(t);
    if (!s || s->kind != SymbolKind::Variable || !(s->range == t->range)) return;
    if (s->scope && s->scope->kind == ScopeKind::Class) return;
    auto ty = symbolType(a, s);
    if (!ty || !knownType(a, *ty)) return;
    if (t->range.end < range.begin || t->range.end > range.end) return;
    out.push_back({t->range.end, ": " + typeText(a, *ty)});
  };
  AstCallbacks cb;
  cb.stmt = [&](const Stmt* s) {
    if (s->kind == StmtKind::Assign) {
      for (const Expr* t : as<AssignStmt>(s)->targets) {
        if (t->kind == ExprKind::Tuple || t->kind == ExprKind::List) {
          for (const Expr* x : as<SequenceExpr>(t)->elts) target(x);
        } else {
          target(t);
        }
      }
    } else if (s->kind == StmtKind::FunctionDef) {
      auto* f = as<FunctionDef>(s);
      if (f->returns) return;
      // The return type the doctor infers for the missing annotation: its fix inserts ` -> T`.
      for (const Diagnostic& d : a.analysis.diagnostics) {
        if (d.kind != DiagnosticKind::MissingAnnotation || !(d.range == f->name_range)) continue;
        for (const Fix& fix : d.fixes)
          for (const TextEdit& e : fix.edits)
            if (e.range.begin == e.range.end && e.replacement.starts_with(" -> ") && e.range.begin >= f->header.begin &&
                e.range.begin <= f->header.end && e.range.begin >= range.begin && e.range.begin <= range.end) {
              out.push_back({e.range.begin, e.replacement});
              return;
            }
      }
    }
  };
  walkModule(a.analysis.parsed.module, cb);
  std::sort(out.begin(), out.end(), [](const InlayHintInfo& x, const InlayHintInfo& y) { return x.offset < y.offset; });
  return out;
}

// --------------------------------------------------------------- code lens

std::vector<CodeLensInfo> codeLenses(const DocumentAnalysis& a) {
  std::vector<CodeLensInfo> out;
  if (a.invalid_utf8) return out;
  AstCallbacks cb;
  cb.stmt = [&](const Stmt* s) {
    if (s->kind == StmtKind::FunctionDef) {
      auto* f = as<FunctionDef>(s);
      out.push_back({f->name_range, compileStatus(a, f->range)});
    } else if (s->kind == StmtKind::ClassDef) {
      auto* cd = as<ClassDef>(s);
      const ClassInfo* ci = classInfo(a, cd);
      const StructLayout* l = ci ? layoutOf(a, ci) : nullptr;
      std::string title = l    ? layoutSummary(*l)
                          : ci ? "class · " + plural(static_cast<uint32_t>(allFields(ci).size()), "field")
                               : compileStatus(a, cd->range);
      out.push_back({cd->name_range, title});
    }
  };
  walkModule(a.analysis.parsed.module, cb);
  return out;
}

// ------------------------------------------------------------ code actions

std::optional<TextEdit> ignoreEdit(const DocumentAnalysis& a, const Diagnostic& d) {
  if (d.kind == DiagnosticKind::SyntaxError || a.invalid_utf8) return std::nullopt;
  const SourceFile& src = *a.source;
  uint32_t line = src.position(d.range.begin).line;
  std::string_view text = src.lineText(line);
  uint32_t start = src.lineStart(line);
  uint32_t line_end = start + static_cast<uint32_t>(text.size());
  // A comment cannot be appended where the line ends inside a string.
  bool in_string = false;
  AstCallbacks cb;
  cb.expr = [&](const Expr* e) {
    if ((e->kind == ExprKind::Str || e->kind == ExprKind::Bytes || e->kind == ExprKind::FString) &&
        e->range.begin < line_end && line_end < e->range.end)
      in_string = true;
  };
  walkModule(a.analysis.parsed.module, cb);
  if (in_string) return std::nullopt;
  std::string code(d.code());
  size_t hash = text.find('#');
  size_t p = hash == std::string_view::npos ? std::string_view::npos : text.find("molt:", hash);
  if (p != std::string_view::npos) {
    std::string_view rest = text.substr(p + 5);
    size_t skipped = 0;
    while (skipped < rest.size() && rest[skipped] == ' ') ++skipped;
    rest.remove_prefix(skipped);
    if (rest.starts_with("ignore")) {
      uint32_t after = start + static_cast<uint32_t>(p + 5 + skipped + 6);
      rest.remove_prefix(6);
      if (rest.empty() || rest.front() != '[') return std::nullopt;  // a bare ignore covers every code
      size_t close = rest.find(']');
      if (close == std::string_view::npos) return std::nullopt;
      std::string_view list = rest.substr(1, close - 1);
      bool any = false;
      size_t i = 0;
      while (i <= list.size()) {
        size_t comma = std::min(list.find(',', i), list.size());
        std::string_view c = list.substr(i, comma - i);
        while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
        while (!c.empty() && c.back() == ' ') c.remove_suffix(1);
        if (c == code) return std::nullopt;
        if (!c.empty()) any = true;
        i = comma + 1;
      }
      if (!any) return std::nullopt;  // `ignore[]` covers every code
      uint32_t at = after + static_cast<uint32_t>(close);
      return TextEdit{{at, at}, ", " + code};
    }
  }
  return TextEdit{{line_end, line_end}, "  # molt: ignore[" + code + "]"};
}

std::vector<CodeActionInfo> codeActions(const DocumentAnalysis& a, SourceRange range) {
  std::vector<CodeActionInfo> out;
  for (size_t i = 0; i < a.diagnostics.size(); ++i) {
    const Diagnostic& d = a.diagnostics[i];
    if (d.range.end < range.begin || d.range.begin > range.end) continue;
    for (const Fix& f : d.fixes) {
      if (f.applicability == Applicability::DisplayOnly || f.edits.empty()) continue;
      out.push_back({f.title, ActionKind::QuickFix, f.applicability == Applicability::Safe, f.edits, {i}});
    }
    if (auto e = ignoreEdit(a, d))
      out.push_back({"Ignore `" + std::string(d.code()) + "` on this line", ActionKind::QuickFix, false, {*e}, {i}});
  }
  return out;
}

std::optional<CodeActionInfo> fixAllAction(const DocumentAnalysis& a) {
  CodeActionInfo act{"Fix all safe problems in file", ActionKind::SourceFixAll, false, {}, {}};
  std::vector<SourceRange> taken;
  for (size_t i = 0; i < a.diagnostics.size(); ++i) {
    for (const Fix& f : a.diagnostics[i].fixes) {
      if (f.applicability != Applicability::Safe || f.edits.empty()) continue;
      bool clash = false;
      for (const TextEdit& e : f.edits)
        for (const SourceRange& r : taken)
          if (e.range.begin < r.end && r.begin < e.range.end) clash = true;
          else if (e.range.begin == r.begin && e.range.end == r.end) clash = true;
      if (clash) continue;
      for (const TextEdit& e : f.edits) {
        taken.push_back(e.range);
        act.edits.push_back(e);
      }
      act.diagnostics.push_back(i);
      break;  // one fix per diagnostic
    }
  }
  if (act.edits.empty()) return std::nullopt;
  std::sort(act.edits.begin(), act.edits.end(),
            [](const TextEdit& x, const TextEdit& y) { return x.range.begin < y.range.begin; });
  return act;
}

}  // namespace molt::lsp
