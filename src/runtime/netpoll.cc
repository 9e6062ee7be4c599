#include "netpoll.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace goos {
namespace {

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "fatal error: goos: %s: %s\n", what, std::strerror(errno));
  std::abort();
}

void remove_from(FdWaiter** list, FdWaiter* w) {
  for (FdWaiter** link = list; *link != nullptr; link = &(*link)->next) {
    if (*link == w) {
      *link = w->next;
      w->next = nullptr;
      return;
    }
  }
}

}  // namespace

Poller::Poller() {
  epoll_ = epoll_create1(EPOLL_CLOEXEC);
  if (epoll_ < 0) die("epoll_create1");
  doorbell_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (doorbell_ < 0) die("eventfd");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = doorbell_;
  if (epoll_ctl(epoll_, EPOLL_CTL_ADD, doorbell_, &ev) != 0) die("epoll_ctl(doorbell)");
}

Poller::~Poller() {
  close(doorbell_);
  close(epoll_);
}

void Poller::ring() {
  if (rung_.exchange(true, std::memory_order_acq_rel)) return;
  std::uint64_t one = 1;
  [[maybe_unused]] ssize_t n = write(doorbell_, &one, sizeof one);
}

bool Poller::update(int fd, const Fd& state, bool is_new) {
  epoll_event ev{};
  ev.events =
      EPOLLONESHOT | (state.readers ? EPOLLIN | EPOLLRDHUP : 0u) | (state.writers ? EPOLLOUT : 0u);
  ev.data.fd = fd;
  int op = is_new ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
  if (epoll_ctl(epoll_, op, fd, &ev) == 0) return true;
  // The kernel drops an fd from the set when it is closed, and a new fd may
  // reuse the number: switch between ADD and MOD once.
  if (errno == ENOENT || errno == EEXIST) {
    op = op == EPOLL_CTL_ADD ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    return epoll_ctl(epoll_, op, fd, &ev) == 0;
  }
  return false;
}

bool Poller::watch(int fd, FdWaiter* w) {
  auto [it, is_new] = fds_.try_emplace(fd);
  FdWaiter** list = w->write ? &it->second.writers : &it->second.readers;
  w->next = *list;
  *list = w;
  if (update(fd, it->second, is_new)) return true;
  int saved = errno;
  remove_from(list, w);
  if (it->second.readers == nullptr && it->second.writers == nullptr) fds_.erase(it);
  errno = saved;
  return false;
}

void Poller::unwatch(int fd, FdWaiter* w, bool closing) {
  auto it = fds_.find(fd);
  if (it == fds_.end()) return;
  remove_from(w->write ? &it->second.writers : &it->second.readers, w);
  if (it->second.readers == nullptr && it->second.writers == nullptr) {
    // A closing fd is left to close(), which drops it from the set: another
    // thread may be closing it right now, or have reused its number.
    if (!closing) epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);  // harmless if closed
    fds_.erase(it);
  } else if (!closing) {
    update(fd, it->second, false);
  }
}

const FdWaiter* Poller::other_waiter(int fd, const G* g) const {
  auto it = fds_.find(fd);
  if (it == fds_.end()) return nullptr;
  for (const FdWaiter* list : {it->second.readers, it->second.writers}) {
    for (const FdWaiter* w = list; w != nullptr; w = w->next) {
      if (w->g != g) return w;
    }
  }
  return nullptr;
}

int Poller::wait_events(int timeout_ms) {
  epoll_event raw[kMaxEvents];
  int n = epoll_wait(epoll_, raw, kMaxEvents, timeout_ms);
  if (n < 0) {
    if (errno != EINTR) die("epoll_wait");
    n = 0;
  }
  int out = 0;
  for (int i = 0; i < n; ++i) {
    if (raw[i].data.fd == doorbell_) {
      // Drain, then clear. A ring() between the two finds the flag still set and
      // skips the write, which is fine: this M is awake and looks at every queue
      // after wait() returns. (Clearing first would let a ring's write be eaten
      // by this read while its flag stays set: every later ring() would then be
      // skipped with nothing in the eventfd, and the M would sleep for ever.)
      std::uint64_t count;
      [[maybe_unused]] ssize_t r = read(doorbell_, &count, sizeof count);
      rung_.store(false, std::memory_order_release);
      continue;
    }
    events_[out++] = {raw[i].data.fd, raw[i].events};
  }
  return out;
}

}  // namespace goos
