// `molt doctor`: what blocks compilation and structification, with fixes.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace molt::cli {

// Runs `molt doctor` with the arguments after "doctor". Exit code: 0 when
// everything compiles (or the toolchain is complete), 1 otherwise, 2 on
// usage or I/O problems.
// `find_runtime` locates the runtime archive `molt build` links against (the
// backend lives outside this library); it returns "" when there is none.
[[nodiscard]] int runDoctor(const std::vector<std::string>& args,
                            const std::function<std::string()>& find_runtime = {});

}  // namespace molt::cli
