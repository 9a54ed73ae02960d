# Fetches the tree-sitter-python grammar at configure time with `npm pack`,
# verifies it against a pinned hash, and defines the static library
# `tree_sitter_python` compiled from the build tree. The grammar is never
# committed. Version 0.23.6 generates language ABI 14, which matches Debian 12's
# libtree-sitter 0.20.7 runtime; the ABI is re-checked at run time as well.

set(MOLT_TS_PYTHON_VERSION "0.23.6")
# npm's integrity for the tarball is
#   sha512-yIM9z0oxKIxT7bAtPOhgoVl6gTXlmlIhue7liFT4oBPF/lha7Ha4dQBS82Av6hMMRZoVnFJI8M6mL+SwWoLD3A==
# which is this SHA-512, written in hex because CMake's file(SHA512) speaks hex.
set(MOLT_TS_PYTHON_SHA512 "c8833dcf4a31288c53edb02d3ce860a1597a8135e59a5221b9eee58854f8a013c5fe585aec76b8750052f3602fea130c459a159c5248f0cea62fe4b05a82c3dc")

set(_ts_dir "${CMAKE_BINARY_DIR}/_deps/tree-sitter-python")
set(_ts_tgz "${_ts_dir}/tree-sitter-python-${MOLT_TS_PYTHON_VERSION}.tgz")

function(_molt_ts_hash_ok out)
  if(EXISTS "${_ts_tgz}")
    file(SHA512 "${_ts_tgz}" _h)
    if(_h STREQUAL MOLT_TS_PYTHON_SHA512)
      set(${out} TRUE PARENT_SCOPE)
      return()
    endif()
  endif()
  set(${out} FALSE PARENT_SCOPE)
endfunction()

_molt_ts_hash_ok(_ok)
if(NOT _ok)
  file(REMOVE_RECURSE "${_ts_dir}")
  file(MAKE_DIRECTORY "${_ts_dir}")
  find_program(NPM_EXECUTABLE npm REQUIRED)
  message(STATUS "Fetching tree-sitter-python@${MOLT_TS_PYTHON_VERSION} with npm pack")
  execute_process(
    COMMAND "${NPM_EXECUTABLE}" pack "tree-sitter-python@${MOLT_TS_PYTHON_VERSION}" --silent
    WORKING_DIRECTORY "${_ts_dir}"
    RESULT_VARIABLE _rc OUTPUT_QUIET ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "npm pack tree-sitter-python@${MOLT_TS_PYTHON_VERSION} failed (${_rc}): ${_err}")
  endif()
  _molt_ts_hash_ok(_ok)
  if(NOT _ok)
    file(SHA512 "${_ts_tgz}" _h)
    message(FATAL_ERROR "tree-sitter-python tarball hash mismatch:\n  expected ${MOLT_TS_PYTHON_SHA512}\n  got      ${_h}")
  endif()
endif()

if(NOT EXISTS "${_ts_dir}/package/src/parser.c")
  file(ARCHIVE_EXTRACT INPUT "${_ts_tgz}" DESTINATION "${_ts_dir}")
endif()

add_library(tree_sitter_python STATIC
  "${_ts_dir}/package/src/parser.c"
  "${_ts_dir}/package/src/scanner.c")
target_include_directories(tree_sitter_python PRIVATE "${_ts_dir}/package/src")
set_target_properties(tree_sitter_python PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
# Generated code: optimise even in debug builds (it is parsing speed) and stay quiet.
target_compile_options(tree_sitter_python PRIVATE -O2 -w)
set(MOLT_TS_PYTHON_NODE_TYPES "${_ts_dir}/package/src/node-types.json" CACHE INTERNAL "")
set(MOLT_TS_PYTHON_VERSION "${MOLT_TS_PYTHON_VERSION}" CACHE INTERNAL "")
