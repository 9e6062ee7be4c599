// Waiting for child processes: waitpid and wait4 (proc_close, pcntl_waitpid)
// and pclose (exec, shell_exec, system, passthru, popen), whose wait happens
// inside libc. The output pipes are read through the read hook; the wait for
// the exit runs on a helper thread (offload) while the goroutine parks: any
// thread of the process may reap its children.
#include <stdio.h>
#include <sys/wait.h>

#include <cerrno>

#include "io/hook_support.h"

namespace goos::io {
namespace {

template <typename Call>
auto offloaded(Call call) -> decltype(call()) {
  decltype(call()) result{};
  int err = 0;
  this_goroutine::offload([&] {
    result = call();
    err = errno;
  });
  errno = err;
  return result;
}

pid_t hook_waitpid(pid_t pid, int* status, int options) {
  if ((options & WNOHANG) || !in_goroutine()) return real.waitpid(pid, status, options);
  return offloaded([&] { return real.waitpid(pid, status, options); });
}

pid_t hook_wait4(pid_t pid, int* status, int options, rusage* usage) {
  if ((options & WNOHANG) || !in_goroutine()) return real.wait4(pid, status, options, usage);
  return offloaded([&] { return real.wait4(pid, status, options, usage); });
}

int hook_pclose(FILE* stream) {
  if (!in_goroutine()) return real.pclose(stream);
  return offloaded([&] { return real.pclose(stream); });
}

}  // namespace

void add_process_hooks(std::vector<ImportHook>& hooks) {
  hooks.push_back({"waitpid", reinterpret_cast<void*>(&hook_waitpid)});
  hooks.push_back({"wait4", reinterpret_cast<void*>(&hook_wait4)});
  hooks.push_back({"pclose", reinterpret_cast<void*>(&hook_pclose)});
}

}  // namespace goos::io
