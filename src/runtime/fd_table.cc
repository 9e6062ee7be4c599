// Linux grows a process's fd table by doubling it (64, 128, 256, ...), and in
// a process with more than one thread each growth waits for an RCU grace
// period first, during which every other thread that opens an fd waits too:
// bench/README.md (issue 14) measured 6-28 ms for the open that crossed 256
// or 512 fds while 100 goroutines each opened a connection, beside nothing
// in a single-threaded PHP. A runtime about to serve many connections grows
// the table once, before its threads start, when it costs nothing.
#include "fd_table.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace goos {

void reserve_fd_table(int fds) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  if (limit.rlim_cur != RLIM_INFINITY) {
    fds = static_cast<int>(std::min<rlim_t>(static_cast<rlim_t>(fds), limit.rlim_cur));
  }
  if (fds <= 1) return;
  const int saved = errno;
  // The lowest free fd at or above fds - 1: the table grows to hold it.
  const int high = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, fds - 1);
  if (high < 0) {
    // fd 0 may be closed: any open fd will do, and this one is ours.
    const int any = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (any >= 0) {
      const int dup = fcntl(any, F_DUPFD_CLOEXEC, fds - 1);
      if (dup >= 0) close(dup);
      close(any);
    }
  } else {
    close(high);
  }
  errno = saved;
}

}  // namespace goos
