// One M's poller: an epoll set holding the fds its goroutines wait on, plus an
// eventfd, the M's doorbell. An M with nothing to run blocks here, with its
// next timer as the timeout; other threads ring the doorbell to wake it.
// Only the owning M calls wait(), watch() and unwatch(); ring() is for anyone.
#pragma once

#include <atomic>
#include <cstdint>
#include <unordered_map>

#include "goos/waiter.h"

namespace goos {

struct G;

// A goroutine waiting for one fd, on that goroutine's stack for the wait.
struct FdWaiter {
  G* g = nullptr;
  Ticket ticket = 0;
  bool write = false;
  FdWaiter* next = nullptr;
};

class Poller {
 public:
  Poller();
  ~Poller();
  Poller(const Poller&) = delete;
  Poller& operator=(const Poller&) = delete;

  // Any thread: makes the current or next wait() return. Coalesces: rings the
  // kernel at most once until the owner has woken up.
  void ring();

  // Owner: starts / stops watching `fd` for `w`. False (errno set) when the
  // kernel refuses the fd (not pollable, closed).
  bool watch(int fd, FdWaiter* w);
  // `closing`: the fd is being closed (close_fd_waits): only forget the
  // waiter, touch the kernel's set no more (a stale entry of a closed file
  // is dropped by close(); its events, if any, find no waiter).
  void unwatch(int fd, FdWaiter* w, bool closing = false);
  std::size_t watched() const { return fds_.size(); }
  // Owner: a waiter on `fd` (either direction) of a goroutine other than `g`.
  const FdWaiter* other_waiter(int fd, const G* g) const;

  // Owner: waits up to timeout_ms (-1: no limit, 0: just look) and calls
  // ready(waiter) for every waiter whose fd became ready (or failed).
  template <typename F>
  void wait(int timeout_ms, F&& ready);

 private:
  struct Fd {
    FdWaiter* readers = nullptr;
    FdWaiter* writers = nullptr;
  };
  bool update(int fd, const Fd& state, bool is_new);
  int wait_events(int timeout_ms);

  int epoll_ = -1;
  int doorbell_ = -1;
  std::atomic<bool> rung_{false};
  std::unordered_map<int, Fd> fds_;
  static constexpr int kMaxEvents = 64;
  struct Event {
    int fd;
    std::uint32_t events;
  } events_[kMaxEvents];
};

template <typename F>
void Poller::wait(int timeout_ms, F&& ready) {
  int n = wait_events(timeout_ms);
  for (int i = 0; i < n; ++i) {
    auto it = fds_.find(events_[i].fd);
    if (it == fds_.end()) continue;
    const std::uint32_t ev = events_[i].events;
    constexpr std::uint32_t kFailed = 0x008 | 0x010;  // EPOLLERR | EPOLLHUP
    // Every waiter of a ready direction is told; they retry their I/O. The fd
    // was armed one-shot: unwatch() (called by each waiter) re-arms the rest.
    if (ev & (0x001 | kFailed)) {  // EPOLLIN
      for (FdWaiter* w = it->second.readers; w != nullptr; w = w->next) ready(w);
    }
    if (ev & (0x004 | kFailed)) {  // EPOLLOUT
      for (FdWaiter* w = it->second.writers; w != nullptr; w = w->next) ready(w);
    }
  }
}

}  // namespace goos
