// molt-lsp: the language server executable.
#include <string>
#include <vector>

#include "server/lsp_main.h"

int main(int argc, char** argv) { return molt::lsp::runLspCommand(std::vector<std::string>(argv + 1, argv + argc)); }
