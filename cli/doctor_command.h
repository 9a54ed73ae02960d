// `molt doctor`: what blocks compilation and structification, with fixes.
#pragma once

#include <string>
#include <vector>

namespace molt::cli {

// Runs `molt doctor` with the arguments after "doctor". Exit code: 0 when
// everything compiles (or the toolchain is complete), 1 otherwise, 2 on
// usage or I/O problems.
[[nodiscard]] int runDoctor(const std::vector<std::string>& args);

}  // namespace molt::cli
