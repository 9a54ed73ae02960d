// Child-process `molt build` for workspace/executeCommand molt.build.
#include "server/build_runner.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace molt::lsp {

std::string findMoltExecutable() {
  namespace fs = std::filesystem;
  if (const char* e = std::getenv("MOLT_EXECUTABLE"); e && *e) return e;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    if (self.filename() == "molt") return self.string();
    for (const fs::path& p : {self.parent_path() / "molt", self.parent_path().parent_path() / "cli" / "molt"})
      if (fs::exists(p, ec) && ::access(p.c_str(), X_OK) == 0) return p.string();
  }
  return "molt";
}

BuildResult runMoltBuild(const std::string& molt, const std::string& path, const std::string& requested_out,
                         const std::string& target) {
  BuildResult r;
  bool wasm = target == "wasm";
  std::string stem = path.ends_with(".py") ? path.substr(0, path.size() - 3) : path;
  std::string out = !requested_out.empty() ? requested_out
                    : wasm                 ? stem + ".wasm"
                    : path.ends_with(".py") ? stem
                                            : path + ".out";
  std::vector<std::string> args = {molt, "build", path, "-o", out};
  if (wasm) {
    args.push_back("--target");
    args.push_back("wasm");
  }
  // Everything the child needs is prepared before fork(): the server is
  // multithreaded, so the child may only make async-signal-safe calls.
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  static constexpr char kExecFailed[] = "molt-lsp: cannot execute the molt driver\n";
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    r.error = std::string("cannot create a pipe: ") + std::strerror(errno);
    return r;
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    r.error = std::string("cannot fork: ") + std::strerror(errno);
    ::close(fds[0]);
    ::close(fds[1]);
    return r;
  }
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::dup2(fds[1], STDERR_FILENO);
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, STDIN_FILENO);
    ::execvp(argv[0], argv.data());
    (void)!::write(STDERR_FILENO, kExecFailed, sizeof kExecFailed - 1);
    ::_exit(127);
  }
  ::close(fds[1]);
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (r.output.size() < (1u << 20)) r.output.append(buf, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  if (code == 0) {
    r.ok = true;
    r.artifact = out;
  } else if (code == 127) {
    r.error = "molt build is not available: cannot run `" + molt + "`";
  } else if (code == 1) {
    r.error = "molt build failed: the program has errors or uses something not compiled yet";
  } else {
    r.error = "molt build failed (exit status " + std::to_string(code) + ")";
  }
  return r;
}

}  // namespace molt::lsp
