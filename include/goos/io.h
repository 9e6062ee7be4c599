// Blocking I/O for goroutines: what the I/O hooks (src/php/io) park on.
//
// A goroutine that must wait for an fd, or for a call that only blocks (a DNS
// lookup), parks; its M runs other goroutines meanwhile. On a plain thread each
// of these does the plain blocking thing, so a caller need not know where it
// runs (the hooks do check, and never call these outside goroutines).
#pragma once

#include <poll.h>

#include <cstdint>

#include "goos/clock.h"
#include "goos/function_ref.h"

namespace goos {

// Another goroutine of the same M already waits on an fd of the set.
struct FdConflict {
  int fd = -1;
  std::uint64_t goroutine = 0;  // the one already waiting
};

namespace this_goroutine {

// poll(2) for goroutines: parks until an entry of `fds` is ready or `deadline`
// passes, and returns what poll would: the number of entries with a non-zero
// revents (filled by a real, non-blocking poll once the M's epoll said "ready",
// so they are exactly the kernel's), 0 at the deadline, or -1 with errno.
// Entries with fd < 0 are skipped, as poll does; an entry whose fd was closed
// (close_fd_waits) while waited on reports POLLNVAL, as poll does for a closed
// fd. errno is left as it was unless -1 is returned.
//
// When `conflict` is given and another goroutine of this M is already waiting
// on one of the fds (two goroutines using one connection at once), it returns
// -1 with errno EBUSY at once, fills *conflict and waits for nothing. A
// listening socket is never a conflict: acceptors share only its queue.
int wait_fds(pollfd* fds, unsigned long nfds, Deadline deadline, FdConflict* conflict = nullptr);

// Runs `fn` on one of the runtime's helper threads while the goroutine parks
// (WaitReason::kBlockingCall): for calls that block and have no fd to wait on
// (getaddrinfo, waitpid). `fn` must not touch goroutine state (no goos
// primitives, no thread-locals of the M: the helper is another thread) and
// must not throw. On a plain thread it runs `fn` directly.
void offload(FunctionRef<void()> fn);

}  // namespace this_goroutine

// Any thread, after close(fd): every goroutine parked in wait_fds on `fd` wakes
// and sees POLLNVAL for it, as a later poll of the closed fd would, instead of
// waiting for an event the closed file can no longer have. Cheap when nothing
// waits on any fd.
void close_fd_waits(int fd);

}  // namespace goos
