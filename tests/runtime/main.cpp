// main.cpp - doctest entry point for molt_runtime_tests (runtime unit tests,
// built with AddressSanitizer + UndefinedBehaviorSanitizer).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
