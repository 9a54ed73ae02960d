// Note-level suggestions, each with a safe fix: builtin spellings for typing
// aliases, class-level field declarations, `getattr` with a constant name,
// and `%` formatting as f-strings. Only produced when asked for
// (AnalysisOptions::suggestions).
#include <fmt/format.h>

#include <cctype>

#include "ast_walk.h"
#include "check_file.h"
#include "fixes.h"

namespace molt {
namespace {

std::string q(std::string_view s) { return "`" + std::string(s) + "`"; }

class Suggester {
 public:
  Suggester(const FileAnalysis& a, const AnalysisOptions& o, std::vector<Diagnostic>& diags)
      : a_(a), o_(o), diags_(diags), text_(a.source->text()) {}

  void run() {
    forEachStmt(a_.parsed.module.body, [&](const Stmt* s) { annotationsOf(s); });
    forEachExpr(a_.parsed.module.body, [&](const Expr* e) {
      if (e->kind == ExprKind::Call) constantGetattr(as<CallExpr>(e));
      if (e->kind == ExprKind::Binary && as<BinaryExpr>(e)->op == BinOp::Mod) printf(as<BinaryExpr>(e));
    });
    undeclaredFields();
  }

 private:
  const FileAnalysis& a_;
  const AnalysisOptions& o_;
  std::vector<Diagnostic>& diags_;
  std::string_view text_;

  std::string_view src(const Expr* e) const { return text_.substr(e->range.begin, e->range.end - e->range.begin); }

  void note(DiagnosticKind k, SourceRange r, std::string msg, Fix fix) {
    Diagnostic d{k, r, std::move(msg), {}, {}, {}};
    d.fixes.push_back(std::move(fix));
    diags_.push_back(std::move(d));
  }

  // ---------------------------------------------- deprecated-typing-alias
  void annotationsOf(const Stmt* s) {
    if (s->kind == StmtKind::FunctionDef) {
      auto* f = as<FunctionDef>(s);
      for (const Param& p : f->params) typingAliases(p.annotation);
      typingAliases(f->returns);
    } else if (s->kind == StmtKind::AnnAssign) {
      typingAliases(as<AnnAssignStmt>(s)->annotation);
    }
  }

  // The typing name an expression denotes (`List`, `typing.Optional`), or "".
  std::string_view typingName(const Expr* e) const {
    if (e->kind == ExprKind::Name) {
      const Symbol* s = a_.names.symbolOf(e);
      if (s && s->kind == SymbolKind::ImportedName && s->module == "typing") return s->imported;
    } else if (e->kind == ExprKind::Attribute) {
      auto* at = as<AttributeExpr>(e);
      const Symbol* s = at->value->kind == ExprKind::Name ? a_.names.symbolOf(at->value) : nullptr;
      if (s && s->kind == SymbolKind::Module && s->module == "typing") return at->attr;
    }
    return {};
  }

  void typingAliases(const Expr* ann) {
    forEachSubExpr(ann, [&](const Expr* e) {
      if (e->kind != ExprKind::Subscript) return;
      auto* sub = as<SubscriptExpr>(e);
      std::string_view n = typingName(sub->value);
      static const std::pair<std::string_view, std::string_view> builtin[] = {
          {"List", "list"}, {"Dict", "dict"}, {"Set", "set"}, {"Tuple", "tuple"}};
      for (auto [from, to] : builtin) {
        if (n != from) continue;
        note(DiagnosticKind::DeprecatedTypingAlias, sub->value->range,
             q(src(sub->value)) + " can be written " + q(to),
             Fix{fmt::format("use `{}`", to), Applicability::Safe, {{sub->value->range, std::string(to)}}});
      }
      if (!o_.prefer_pipe_optional) return;
      const Expr* inner = nullptr;
      if (n == "Optional") inner = sub->index;
      if (n == "Union" && sub->index->kind == ExprKind::Tuple && as<SequenceExpr>(sub->index)->elts.size() == 2 &&
          as<SequenceExpr>(sub->index)->elts[1]->kind == ExprKind::None)
        inner = as<SequenceExpr>(sub->index)->elts[0];
      // `"Node" | None` fails at run time without `from __future__ import annotations`.
      if (!inner || inner->kind == ExprKind::Str || inner->kind == ExprKind::Tuple) return;
      std::string repl = std::string(src(inner)) + " | None";
      note(DiagnosticKind::DeprecatedTypingAlias, e->range, q(src(e)) + " can be written " + q(repl),
           Fix{"use `" + repl + "`", Applicability::Safe, {{e->range, repl}}});
    });
  }

  // ---------------------------------------------------- undeclared-field
  void undeclaredFields() {
    if (!a_.checked) return;
    auto& mutable_a = const_cast<FileAnalysis&>(a_);  // annotationFor reads module state only
    for (const auto& c : a_.checked->classes) {
      if (c->builtin || !c->decl) continue;
      uint32_t at;
      std::string indent;
      bool blank;
      if (!classBodyInsertion(a_, c->decl, at, indent, blank)) continue;
      // One note per class, listing every undeclared field, with one fix.
      std::string names, decls;
      std::vector<TextEdit> edits;
      size_t count = 0;
      for (const FieldInfo& f : c->fields) {
        if (f.from_class_body || f.is_class_constant || f.annotated_in_method) continue;
        if (f.decl.begin < c->decl->range.begin || f.decl.begin >= c->decl->range.end) continue;  // added from outside
        std::string ann;
        if (!annotationFor(mutable_a, f.type, c->decl->range.begin, ann, edits)) continue;
        names += (count++ ? ", " : "") + q(f.name);
        decls += indent + std::string(f.name) + ": " + ann + "\n";
      }
      if (count == 0) continue;
      edits.push_back({{at, at}, decls});
      if (blank) edits.push_back({{at, at}, "\n"});  // shared with other field fixes: applied once
      note(DiagnosticKind::UndeclaredField, c->decl->name_range,
           fmt::format("class {} assigns {} field{} in its methods without declaring {} in the class body: {}", q(c->name),
                       count, count == 1 ? "" : "s", count == 1 ? "it" : "them", names),
           Fix{fmt::format("declare {} field{} in `{}`", count, count == 1 ? "" : "s", c->name), Applicability::Safe,
               std::move(edits)});
    }
  }

  // ---------------------------------------------------- constant-getattr
  static bool isIdentifier(std::string_view s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    for (char ch : s)
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_') return false;
    static const char* kw[] = {"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
                               "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
                               "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
                               "return", "try", "while", "with", "yield"};
    for (const char* k : kw)
      if (s == k) return false;
    return true;
  }

  static bool isAtom(const Expr* e) {
    switch (e->kind) {
      case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Call: case ExprKind::Subscript:
      case ExprKind::List: case ExprKind::Dict: case ExprKind::Set: case ExprKind::Str:
        return true;
      default: return false;
    }
  }

  void constantGetattr(const CallExpr* c) {
    if (c->func->kind != ExprKind::Name || as<NameExpr>(c->func)->name != "getattr") return;
    const Symbol* s = a_.names.symbolOf(c->func);
    if (!s || s->kind != SymbolKind::Builtin || c->args.size() != 2 || !c->keywords.empty()) return;
    if (c->args[1]->kind != ExprKind::Str) return;
    std::string_view name = as<StrExpr>(c->args[1])->value;
    if (!isIdentifier(name)) return;
    std::string obj(src(c->args[0]));
    if (!isAtom(c->args[0])) obj = "(" + obj + ")";
    std::string repl = obj + "." + std::string(name);
    note(DiagnosticKind::ConstantGetattr, c->range, q(src(c)) + " is plain attribute access: " + q(repl),
         Fix{"use `" + repl + "`", Applicability::Safe, {{c->range, repl}}});
  }

  // --------------------------------------------------- printf-formatting
  struct Spec {
    std::string flags, width, precision;
    char conv;
  };

  static void escapeInto(std::string& out, std::string_view lit, char quote) {
    for (unsigned char ch : lit) {
      switch (ch) {
        case '{': out += "{{"; break;
        case '}': out += "}}"; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
          if (ch == static_cast<unsigned char>(quote)) { out.push_back('\\'); out.push_back(quote); }
          else if (ch < 0x20 || ch == 0x7f) out += fmt::format("\\x{:02x}", ch);
          else out.push_back(static_cast<char>(ch));
      }
    }
  }

  void printf(const BinaryExpr* b) {
    if (b->lhs->kind != ExprKind::Str || !a_.checked) return;
    std::string_view fmtstr = as<StrExpr>(b->lhs)->value;
    std::vector<const Expr*> args;
    if (b->rhs->kind == ExprKind::Tuple) {
      for (const Expr* x : as<SequenceExpr>(b->rhs)->elts) args.push_back(x);
    } else {
      TypeKind k = a_.checked->types.kind(a_.checked->typeOf(b->rhs));
      if (k == TypeKind::Tuple || k == TypeKind::TupleVar || k == TypeKind::Dict || k == TypeKind::Unknown) return;
      args.push_back(b->rhs);
    }
    char quote = src(b->lhs).find('\'') < src(b->lhs).find('"') ? '\'' : '"';
    for (const Expr* x : args) {
      std::string_view t = src(x);
      if (t.find('\\') != std::string_view::npos || t.find('\n') != std::string_view::npos || x->kind == ExprKind::Lambda) return;
      if (t.find(quote) != std::string_view::npos) quote = quote == '"' ? '\'' : '"';
    }
    for (const Expr* x : args)
      if (src(x).find(quote) != std::string_view::npos) return;
    std::string out = "f";
    out.push_back(quote);
    size_t argi = 0, lit_start = 0;
    for (size_t i = 0; i < fmtstr.size(); ++i) {
      if (fmtstr[i] != '%') continue;
      escapeInto(out, fmtstr.substr(lit_start, i - lit_start), quote);
      if (i + 1 < fmtstr.size() && fmtstr[i + 1] == '%') {
        out += "%";
        lit_start = ++i + 1;
        continue;
      }
      Spec sp{};
      size_t j = i + 1;
      while (j < fmtstr.size() && std::string_view("-+ 0#").find(fmtstr[j]) != std::string_view::npos) sp.flags += fmtstr[j++];
      while (j < fmtstr.size() && std::isdigit(static_cast<unsigned char>(fmtstr[j]))) sp.width += fmtstr[j++];
      if (j < fmtstr.size() && fmtstr[j] == '.') {
        ++j;
        sp.precision = ".";
        while (j < fmtstr.size() && std::isdigit(static_cast<unsigned char>(fmtstr[j]))) sp.precision += fmtstr[j++];
        if (sp.precision == ".") sp.precision = ".0";
      }
      if (j >= fmtstr.size() || argi >= args.size()) return;
      sp.conv = fmtstr[j];
      std::string field;
      if (!convert(sp, args[argi++], field)) return;
      out += field;
      i = j;
      lit_start = j + 1;
    }
    if (argi != args.size()) return;  // not all arguments converted: CPython raises
    escapeInto(out, fmtstr.substr(lit_start), quote);
    out.push_back(quote);
    note(DiagnosticKind::PrintfFormatting, b->range, "`%` formatting can be written as an f-string",
         Fix{"use " + (out.size() > 60 ? std::string("an f-string") : "`" + out + "`"), Applicability::Safe, {{b->range, out}}});
  }

  // One conversion as an f-string field, only where the result is identical.
  bool convert(const Spec& sp, const Expr* arg, std::string& field) {
    const TypeTable& T = a_.checked->types;
    TypeKind k = T.kind(a_.checked->typeOf(arg));
    bool integral = k == TypeKind::Int || k == TypeKind::Bool;
    bool numeric = integral || k == TypeKind::Float;
    std::string expr(src(arg));
    if (!expr.empty() && expr.front() == '{') expr = "(" + expr + ")";
    bool left = sp.flags.find('-') != std::string::npos;
    bool zero = sp.flags.find('0') != std::string::npos && !left;
    std::string sign = sp.flags.find('+') != std::string::npos ? "+" : sp.flags.find(' ') != std::string::npos ? " " : "";
    bool alt = sp.flags.find('#') != std::string::npos;
    switch (sp.conv) {
      case 's':
      case 'r': {
        if (!sign.empty() || zero || alt || !sp.precision.empty()) return false;
        std::string conv = sp.conv == 'r' ? "!r" : (sp.width.empty() || k == TypeKind::Str ? "" : "!s");
        std::string spec = sp.width.empty() ? "" : ":" + std::string(left ? "<" : ">") + sp.width;
        field = "{" + expr + conv + spec + "}";
        return true;
      }
      case 'd': case 'i': case 'x': case 'X': case 'o': {
        if (!integral || !sp.precision.empty()) return false;
        if (alt && sp.conv != 'x' && sp.conv != 'X' && sp.conv != 'o') return false;
        if (alt && sp.conv == 'o') return false;  // %#o gives 0o17 like format, but keep the safe set small
        std::string spec = std::string(left ? "<" : "") + sign + (alt ? "#" : "") + (zero ? "0" : "") + sp.width +
                           (sp.conv == 'i' ? 'd' : sp.conv);
        field = "{" + expr + ":" + spec + "}";
        return true;
      }
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
        if (!numeric || alt) return false;
        std::string precision = sp.precision.empty() && (sp.conv == 'f' || sp.conv == 'F') ? ".6" : sp.precision;
        if (sp.precision.empty() && sp.conv != 'f' && sp.conv != 'F') precision = ".6";
        std::string spec = std::string(left ? "<" : "") + sign + (zero ? "0" : "") + sp.width + precision + sp.conv;
        field = "{" + expr + ":" + spec + "}";
        return true;
      }
      default: return false;
    }
  }
};

}  // namespace

void addSuggestions(const FileAnalysis& a, const AnalysisOptions& options, std::vector<Diagnostic>& diags) {
  Suggester s(a, options, diags);
  s.run();
}

}  // namespace molt
