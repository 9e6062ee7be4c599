// poll, ppoll, select and pselect: the wait points of PHP's streams (every
// socket read, write, connect and accept waits in poll first), mysqlnd,
// phpredis, stream_select, libcurl and libpq.
#include <signal.h>

#include <cerrno>
#include <cstdlib>

#include "io/hook_support.h"
#include "io/ssl_error_queue.h"

namespace goos::io {

int hook_wait(pollfd* fds, unsigned long nfds, Deadline deadline) {
  FdConflict conflict;
  int n, err;
  {
    const SslErrorQueue own;  // the goroutine's OpenSSL errors survive the park
    n = this_goroutine::wait_fds(fds, nfds, deadline, &conflict);
    err = errno;
  }
  if (n < 0 && err == EBUSY && conflict.fd >= 0) throw_fd_conflict(conflict);
  errno = err;
  return n;
}

namespace {

int hook_poll(pollfd* fds, nfds_t nfds, int timeout) {
  if (timeout == 0 || !in_goroutine()) return real.poll(fds, nfds, timeout);
  return hook_wait(fds, nfds, deadline_after_ms(timeout));
}

// The fortified poll (_FORTIFY_SOURCE): checks the array's size, then polls.
int hook_poll_chk(pollfd* fds, nfds_t nfds, int timeout, std::size_t fds_len) {
  if (fds_len / sizeof(*fds) < nfds) std::abort();  // what glibc's __chk_fail does
  return hook_poll(fds, nfds, timeout);
}

Deadline deadline_of(const timespec* ts) {
  if (ts == nullptr) return kNoDeadline;
  return Clock::now() + std::chrono::seconds(ts->tv_sec) + std::chrono::nanoseconds(ts->tv_nsec);
}

// A signal mask makes the wait atomic with respect to signals, which a parked
// goroutine cannot honour (its thread keeps its own mask): those calls run as
// they are. With no mask, ppoll is poll with a finer timeout.
int hook_ppoll(pollfd* fds, nfds_t nfds, const timespec* ts, const sigset_t* mask) {
  const bool now = ts != nullptr && ts->tv_sec == 0 && ts->tv_nsec == 0;
  if (now || mask != nullptr || !in_goroutine()) return real.ppoll(fds, nfds, ts, mask);
  return hook_wait(fds, nfds, deadline_of(ts));
}

int hook_ppoll_chk(pollfd* fds, nfds_t nfds, const timespec* ts, const sigset_t* mask,
                   std::size_t fds_len) {
  if (fds_len / sizeof(*fds) < nfds) std::abort();
  return hook_ppoll(fds, nfds, ts, mask);
}

// select over wait_fds: the sets become pollfds and back. Linux's select
// also writes the time left into *timeout; so does this.
int select_wait(int nfds, fd_set* readfds, fd_set* writefds, fd_set* exceptfds, Deadline deadline) {
  std::vector<pollfd> pfds;
  for (int fd = 0; fd < nfds; ++fd) {
    short events = 0;
    if (readfds != nullptr && FD_ISSET(fd, readfds)) events |= POLLIN;
    if (writefds != nullptr && FD_ISSET(fd, writefds)) events |= POLLOUT;
    if (exceptfds != nullptr && FD_ISSET(fd, exceptfds)) events |= POLLPRI;
    if (events != 0) pfds.push_back({fd, events, 0});
  }
  const int n = hook_wait(pfds.data(), pfds.size(), deadline);
  if (n < 0) return n;
  for (const pollfd& p : pfds) {
    if (p.revents & POLLNVAL) {
      errno = EBADF;  // select's answer for a closed fd in a set
      return -1;
    }
  }
  if (readfds != nullptr) FD_ZERO(readfds);
  if (writefds != nullptr) FD_ZERO(writefds);
  if (exceptfds != nullptr) FD_ZERO(exceptfds);
  int bits = 0;
  for (const pollfd& p : pfds) {
    // As the kernel's select: a hang-up or error is readable and writable.
    const bool failed = p.revents & (POLLERR | POLLHUP);
    if (readfds != nullptr && (p.events & POLLIN) && (p.revents & POLLIN || failed)) {
      FD_SET(p.fd, readfds);
      ++bits;
    }
    if (writefds != nullptr && (p.events & POLLOUT) && (p.revents & POLLOUT || failed)) {
      FD_SET(p.fd, writefds);
      ++bits;
    }
    if (exceptfds != nullptr && (p.events & POLLPRI) && (p.revents & POLLPRI)) {
      FD_SET(p.fd, exceptfds);
      ++bits;
    }
  }
  return bits;
}

int hook_select(int nfds, fd_set* readfds, fd_set* writefds, fd_set* exceptfds, timeval* timeout) {
  const bool now = timeout != nullptr && timeout->tv_sec == 0 && timeout->tv_usec == 0;
  if (now || !in_goroutine()) return real.select(nfds, readfds, writefds, exceptfds, timeout);
  const Deadline deadline = timeout == nullptr
                                ? kNoDeadline
                                : Clock::now() + std::chrono::seconds(timeout->tv_sec) +
                                      std::chrono::microseconds(timeout->tv_usec);
  const int n = select_wait(nfds, readfds, writefds, exceptfds, deadline);
  if (timeout != nullptr && n >= 0) {
    const auto left = std::max(Clock::duration::zero(), deadline - Clock::now());
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(left).count();
    timeout->tv_sec = us / 1'000'000;
    timeout->tv_usec = us % 1'000'000;
  }
  return n;
}

int hook_pselect(int nfds, fd_set* readfds, fd_set* writefds, fd_set* exceptfds,
                 const timespec* timeout, const sigset_t* mask) {
  const bool now = timeout != nullptr && timeout->tv_sec == 0 && timeout->tv_nsec == 0;
  if (now || mask != nullptr || !in_goroutine()) {
    return real.pselect(nfds, readfds, writefds, exceptfds, timeout, mask);
  }
  return select_wait(nfds, readfds, writefds, exceptfds, deadline_of(timeout));
}

}  // namespace

void add_poll_hooks(std::vector<ImportHook>& hooks) {
  hooks.push_back({"poll", reinterpret_cast<void*>(&hook_poll)});
  hooks.push_back({"__poll", reinterpret_cast<void*>(&hook_poll)});
  hooks.push_back({"__poll_chk", reinterpret_cast<void*>(&hook_poll_chk)});
  hooks.push_back({"ppoll", reinterpret_cast<void*>(&hook_ppoll)});
  hooks.push_back({"__ppoll_chk", reinterpret_cast<void*>(&hook_ppoll_chk)});
  hooks.push_back({"select", reinterpret_cast<void*>(&hook_select)});
  hooks.push_back({"pselect", reinterpret_cast<void*>(&hook_pselect)});
}

}  // namespace goos::io
