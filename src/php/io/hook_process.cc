// Waiting for child processes: waitpid and wait4 (proc_close, pcntl_waitpid)
// and pclose (exec, shell_exec, system, passthru, popen), whose wait happens
// inside libc. The output pipes are read through the read hook. The wait for
// a known child parks on its pidfd; pclose's (whose pid is libc's secret)
// runs on a helper thread (offload): any thread may reap the process's
// children.
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "io/hook_support.h"

namespace goos::io {
namespace {

// Waiting for the exit of one child needs no helper: its pidfd becomes
// readable when it exits, the goroutine parks on that, and the wait that
// follows returns at once. Stops and continues (WUNTRACED, WCONTINUED), any
// child (pid <= 0) and kernels without pidfd_open go to a helper.
bool park_until_exit(pid_t pid, int options) {
  if (pid <= 0 || (options & (WUNTRACED | WCONTINUED))) return false;
  const int saved = errno;
  const int fd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  if (fd < 0) {
    errno = saved;
    return false;
  }
  pollfd p{fd, POLLIN, 0};
  this_goroutine::wait_fds(&p, 1, kNoDeadline);
  real.close(fd);
  errno = saved;
  return true;
}

pid_t hook_waitpid(pid_t pid, int* status, int options) {
  if ((options & WNOHANG) || !in_goroutine()) return real.waitpid(pid, status, options);
  if (park_until_exit(pid, options)) return real.waitpid(pid, status, options);
  return offloaded([&] { return real.waitpid(pid, status, options); });
}

pid_t hook_wait4(pid_t pid, int* status, int options, rusage* usage) {
  if ((options & WNOHANG) || !in_goroutine()) return real.wait4(pid, status, options, usage);
  if (park_until_exit(pid, options)) return real.wait4(pid, status, options, usage);
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
