// Waiting for fds: a goroutine parks on its M's poller; a plain thread blocks in
// poll(2).
//
// A goroutine's wait (wait_fds) is poll(2) rebuilt on the M's epoll set:
//   1. a real poll(fds, n, 0): ready now (the common case for reads of data
//      already buffered) returns without parking;
//   2. else one FdWaiter per wanted direction of each fd joins the poller,
//      all sharing one episode: the first to fire (or the deadline) claims it;
//   3. on wake the waiters leave, and the loop goes back to 1, so revents are
//      always what the kernel reports; a wake with nothing ready (another
//      goroutine drained the fd) just waits again.
// While parked, the wait is in the closing index, so that a close of one of
// its fds (close_fd_waits) ends it with POLLNVAL: epoll forgets a closed fd
// silently, and the goroutine would otherwise wait for an event that can no
// longer come.
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "goos/io.h"
#include "scheduler.h"

namespace goos {
namespace {

// One goroutine's parked wait, on its stack while it waits.
struct ParkedWait {
  Waiter* waiter;
  Ticket ticket;
  std::vector<int> closed;  // fds closed meanwhile; guarded by the index lock
};

// Which parked waits each fd has, for close_fd_waits. Process-wide (fds are),
// and never destroyed: a close may come from a thread still running at exit.
struct ClosingIndex {
  std::mutex lock;
  std::unordered_multimap<int, ParkedWait*> waits;  // guarded by lock
  std::atomic<std::size_t> size{0};
};

// fork() keeps only the calling thread, so a lock another thread held at
// that moment would stay held in the child for ever, and the child's first
// close() (proc_open closes the parent's ends of its pipes before exec) would
// hang in close_fd_waits. The lock is taken across fork() instead; the child
// then unlocks it and forgets every parked wait: the goroutines that made them
// exist only in the parent. The index is made when the library loads (single-
// threaded), not on first use: a fork() in the middle of a function-local
// static's initialisation would leave its guard taken in the child.
ClosingIndex& closing_index();

ClosingIndex* make_closing_index() {
  auto* made = new ClosingIndex;  // never destroyed: a close may come at exit
  pthread_atfork([] { closing_index().lock.lock(); }, [] { closing_index().lock.unlock(); },
                 [] {
                   ClosingIndex& child = closing_index();
                   child.waits.clear();
                   child.size.store(0, std::memory_order_relaxed);
                   child.lock.unlock();
                 });
  return made;
}

ClosingIndex* const g_closing_index = make_closing_index();

ClosingIndex& closing_index() { return *g_closing_index; }

constexpr short kReadEvents = POLLIN | POLLPRI | POLLRDNORM | POLLRDBAND;
constexpr short kWriteEvents = POLLOUT | POLLWRNORM | POLLWRBAND;

// Goroutines waiting together to accept on one listening socket share only
// the kernel's queue, which hands out one connection at a time: that is how
// servers are written, not two users of one conversation.
bool is_listening(int fd) {
  int listening = 0;
  socklen_t len = sizeof listening;
  const int saved = errno;
  const bool yes = getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) == 0 && listening;
  errno = saved;
  return yes;
}

int poll_timeout_ms(Deadline deadline) {
  if (deadline == kNoDeadline) return -1;
  auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 1'000'000));
}

// A plain thread: poll(2) itself, to the deadline, through EINTR.
int thread_wait(pollfd* fds, unsigned long nfds, Deadline deadline) {
  for (;;) {
    const int timeout = poll_timeout_ms(deadline);
    const int n = ::poll(fds, nfds, timeout);
    if (n < 0 && errno == EINTR) continue;
    if (n == 0 && deadline != kNoDeadline && Clock::now() < deadline) continue;  // capped wait
    return n;
  }
}

// The fds `fds` wants each direction of, as poller waiters sharing `ticket`.
struct Registration {
  std::vector<FdWaiter> waiters;
  std::vector<int> fds;
};

// Step 2 of the header: joins the poller. False (nothing left registered) when
// the kernel refuses an fd.
bool watch_all(P* p, G* g, Ticket ticket, const pollfd* fds, unsigned long nfds,
               Registration& reg) {
  std::size_t wanted = 0;
  for (unsigned long i = 0; i < nfds; ++i) {
    if (fds[i].fd < 0) continue;
    wanted += (fds[i].events & kWriteEvents) && (fds[i].events & kReadEvents) ? 2 : 1;
  }
  reg.waiters.resize(wanted);  // never reallocated below: the poller keeps pointers
  reg.fds.resize(wanted);
  std::size_t k = 0;
  for (unsigned long i = 0; i < nfds; ++i) {
    if (fds[i].fd < 0) continue;
    const bool write = fds[i].events & kWriteEvents;
    // An entry asking for nothing still learns of errors and hang-ups; epoll
    // reports those to readers.
    const bool read = (fds[i].events & kReadEvents) || !write;
    for (int dir = 0; dir < 2; ++dir) {
      if ((dir == 0 && !read) || (dir == 1 && !write)) continue;
      FdWaiter& w = reg.waiters[k];
      w.g = g;
      w.ticket = ticket;
      w.write = dir == 1;
      reg.fds[k] = fds[i].fd;
      if (!p->poller.watch(fds[i].fd, &w)) {
        const int saved = errno;
        for (std::size_t j = 0; j < k; ++j) p->poller.unwatch(reg.fds[j], &reg.waiters[j]);
        reg.waiters.clear();
        reg.fds.clear();
        errno = saved;
        return false;
      }
      ++k;
    }
  }
  return true;
}

// Leaves the poller; an fd reported closed is only forgotten (Poller::unwatch).
void unwatch_all(P* p, Registration& reg, const std::vector<int>& closed) {
  for (std::size_t j = 0; j < reg.waiters.size(); ++j) {
    const bool closing = std::find(closed.begin(), closed.end(), reg.fds[j]) != closed.end();
    p->poller.unwatch(reg.fds[j], &reg.waiters[j], closing);
  }
}

// Step 3 for a wake that reported closed fds: the closed entries read
// POLLNVAL without being polled (their numbers may already name new files).
int poll_now_with_closed(pollfd* fds, unsigned long nfds, const std::vector<int>& closed) {
  std::vector<int> saved(nfds);
  for (unsigned long i = 0; i < nfds; ++i) {
    saved[i] = fds[i].fd;
    if (std::find(closed.begin(), closed.end(), fds[i].fd) != closed.end()) fds[i].fd = -1;
  }
  int n = ::poll(fds, nfds, 0);
  if (n < 0) n = 0;
  for (unsigned long i = 0; i < nfds; ++i) {
    if (fds[i].fd == -1 && saved[i] >= 0) {
      fds[i].revents = POLLNVAL;
      ++n;
    }
    fds[i].fd = saved[i];
  }
  return n;
}

}  // namespace

namespace this_goroutine {

int wait_fds(pollfd* fds, unsigned long nfds, Deadline deadline, FdConflict* conflict) {
  P* p = current_p();
  // A plain thread, or an M outside its goroutine's fiber (the glue's switch
  // hooks): nothing to park, the thread waits.
  if (p == nullptr || p->current == nullptr || !p->on_g_stack) {
    return thread_wait(fds, nfds, deadline);
  }
  G* g = p->current;
  const int entry_errno = errno;
  std::vector<int> closed;
  for (;;) {
    const int n = closed.empty() ? ::poll(fds, nfds, 0) : poll_now_with_closed(fds, nfds, closed);
    closed.clear();
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return n;
    if (n > 0 || (deadline != kNoDeadline && Clock::now() >= deadline)) {
      errno = entry_errno;
      return n;
    }
    if (conflict != nullptr) {
      for (unsigned long i = 0; i < nfds; ++i) {
        if (fds[i].fd < 0) continue;
        const FdWaiter* other = p->poller.other_waiter(fds[i].fd, g);
        if (other != nullptr && !is_listening(fds[i].fd)) {
          conflict->fd = fds[i].fd;
          conflict->goroutine = other->g->id;
          errno = EBUSY;
          return -1;
        }
      }
    }
    bool any_read = false;
    for (unsigned long i = 0; i < nfds; ++i) {
      any_read = any_read || (fds[i].fd >= 0 && !(fds[i].events & kWriteEvents));
    }
    ParkedWait parked{
        &g->waiter, g->waiter.prepare(any_read ? WaitReason::kIoRead : WaitReason::kIoWrite), {}};
    Registration reg;
    if (!watch_all(p, g, parked.ticket, fds, nfds, reg)) {
      // An fd epoll refuses yet poll did not report ready: block the thread
      // in poll, which is still exactly poll.
      g->waiter.cancel(parked.ticket);  // never published: nobody can claim it
      return thread_wait(fds, nfds, deadline);
    }
    ClosingIndex& index = closing_index();
    {
      std::lock_guard guard(index.lock);
      for (int fd : reg.fds) index.waits.emplace(fd, &parked);
      index.size.fetch_add(reg.fds.size(), std::memory_order_relaxed);
    }
    p->rt.fd_waits.fetch_add(1, std::memory_order_relaxed);
    g->waiter.block(parked.ticket, deadline, [] {});
    p->rt.fd_waits.fetch_sub(1, std::memory_order_relaxed);
    {
      std::lock_guard guard(index.lock);
      for (int fd : reg.fds) {
        auto [first, last] = index.waits.equal_range(fd);
        for (auto it = first; it != last; ++it) {
          if (it->second == &parked) {
            index.waits.erase(it);
            break;
          }
        }
      }
      index.size.fetch_sub(reg.fds.size(), std::memory_order_relaxed);
      closed.swap(parked.closed);
    }
    unwatch_all(p, reg, closed);
  }
}

}  // namespace this_goroutine

void forget_parked_fd_waits() {
  ClosingIndex& index = closing_index();
  std::lock_guard guard(index.lock);
  index.waits.clear();
  index.size.store(0, std::memory_order_relaxed);
}

void close_fd_waits(int fd) {
  ClosingIndex& index = closing_index();
  if (index.size.load(std::memory_order_relaxed) == 0) return;
  std::vector<ParkedWait*> to_wake;
  {
    std::lock_guard guard(index.lock);
    auto [first, last] = index.waits.equal_range(fd);
    for (auto it = first; it != last; ++it) {
      ParkedWait* parked = it->second;
      parked->closed.push_back(fd);
      // Claimed here, woken outside the lock: the parked frame stays alive
      // until wake(), because block() returns only after it.
      if (parked->waiter->claim(parked->ticket)) to_wake.push_back(parked);
    }
  }
  for (ParkedWait* parked : to_wake) parked->waiter->wake(parked->ticket);
}

}  // namespace goos

namespace goos::this_goroutine {

bool wait_fd(int fd, IoEvent event, Deadline deadline) {
  pollfd pfd{fd, static_cast<short>(event == IoEvent::kWrite ? POLLOUT : POLLIN), 0};
  // An fd the kernel rejects is "ready": the caller's I/O reports the error.
  return wait_fds(&pfd, 1, deadline) != 0;
}

}  // namespace goos::this_goroutine
