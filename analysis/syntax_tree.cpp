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

// One parser per thread, but a clean external scanner for every parse:
// tree-sitter-python 0.23.6's scanner leaks state between parses. Every parse
// starts with deserialize(NULL, 0), which resets the indent and delimiter
// stacks but not `inside_f_string` (scanner.c, deserialize). After a text
// whose last scanned token is inside an f-string (typing `f'{x` in the
// editor, an unterminated f-string in one file of a `molt check` run) the
// flag stays set, is serialized into every later token until a string
// delimiter clears it, and suppresses DEDENT: the next, valid file then
// parses with its second `def` nested inside the first. Setting the language
// again destroys and re-creates the scanner (a calloc and a free per parse).
TreePtr parsePython(std::string_view text, const TSTree* old_tree) {
  thread_local ParserPtr parser(ts_parser_new());
  const TSLanguage* language = pythonLanguage();
  if (!language) std::abort();  // checked by the driver before any parse
  ts_parser_set_language(parser.get(), language);
  return TreePtr(ts_parser_parse_string(parser.get(), old_tree, text.data(), static_cast<uint32_t>(text.size())));
}

}  // namespace molt
