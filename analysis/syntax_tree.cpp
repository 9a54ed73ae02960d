// Tree-sitter parser setup for the Python grammar.
#include "syntax_tree.h"

#include <cstdio>
#include <cstdlib>

namespace molt {

const TSLanguage* pythonLanguage() {
  static const TSLanguage* lang = [] {
    const TSLanguage* l = tree_sitter_python();
    uint32_t v = ts_language_version(l);
    if (v < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || v > TREE_SITTER_LANGUAGE_VERSION) {
      std::fprintf(stderr, "molt: tree-sitter-python ABI %u is outside the runtime's range %d..%d\n", v,
                   TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION, TREE_SITTER_LANGUAGE_VERSION);
      return static_cast<const TSLanguage*>(nullptr);
    }
    return l;
  }();
  return lang;
}

TreePtr parsePython(std::string_view text, const TSTree* old_tree) {
  thread_local ParserPtr parser = [] {
    ParserPtr p(ts_parser_new());
    if (const TSLanguage* l = pythonLanguage()) ts_parser_set_language(p.get(), l);
    return p;
  }();
  if (!pythonLanguage()) std::abort();  // checked by the driver before any parse
  return TreePtr(ts_parser_parse_string(parser.get(), old_tree, text.data(), static_cast<uint32_t>(text.size())));
}

}  // namespace molt
