// Thin RAII ownership of tree-sitter objects for the Python grammar. Only the
// front end (lower_cst.cpp) and the language server include this header;
// codegen never sees tree-sitter.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <string_view>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace molt {

struct TreeDeleter { void operator()(TSTree* t) const { ts_tree_delete(t); } };
struct ParserDeleter { void operator()(TSParser* p) const { ts_parser_delete(p); } };
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;
using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;

// The Python language, checked once against the runtime's ABI range.
// Returns nullptr if the linked grammar's ABI is incompatible.
[[nodiscard]] const TSLanguage* pythonLanguage();

// Parses `text`, reusing `old_tree` (already ts_tree_edit-ed) when given.
// Thread-safe: each call uses a thread-local parser. Never returns nullptr for
// valid UTF-8 input of any size.
[[nodiscard]] TreePtr parsePython(std::string_view text, const TSTree* old_tree = nullptr);

}  // namespace molt
