// Waiting for an fd: a goroutine parks on its M's poller; a plain thread
// blocks in poll(2).
#include <poll.h>

#include <cerrno>

#include "scheduler.h"

namespace goos::this_goroutine {

bool wait_fd(int fd, IoEvent event, Deadline deadline) {
  const bool write = event == IoEvent::kWrite;
  P* p = current_p();
  if (p == nullptr || p->current == nullptr) {
    pollfd pfd{fd, static_cast<short>(write ? POLLOUT : POLLIN), 0};
    for (;;) {
      int timeout_ms = -1;
      if (deadline != kNoDeadline) {
        auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return false;
        timeout_ms = static_cast<int>(std::min<long long>(left, 1'000'000));
      }
      int n = poll(&pfd, 1, timeout_ms);
      if (n > 0) return true;
      if (n < 0 && errno != EINTR) return true;  // let the caller's I/O report it
    }
  }
  G* g = p->current;
  FdWaiter w;
  w.g = g;
  w.write = write;
  w.ticket = g->waiter.prepare(write ? WaitReason::kIoWrite : WaitReason::kIoRead);
  if (!p->poller.watch(fd, &w)) {
    // Not pollable (a regular file) or closed: it is "ready"; the I/O tells.
    g->waiter.cancel(w.ticket);  // never published, so nobody else can claim it
    return true;
  }
  p->rt.fd_waits.fetch_add(1, std::memory_order_relaxed);
  bool ready = g->waiter.block(w.ticket, deadline, [] {});
  p->poller.unwatch(fd, &w);
  p->rt.fd_waits.fetch_sub(1, std::memory_order_relaxed);
  return ready;
}

}  // namespace goos::this_goroutine
