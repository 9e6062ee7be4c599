// Calls that only block, run on helper threads while the goroutine parks.
//
// The helpers are plain threads of the process, not Ms: they never run a
// goroutine or PHP, and every signal is blocked in them (a signal meant for
// the script must reach a thread that can act on it). They start on demand, up
// to kMaxHelpers, and leave after kIdleExit without work, so a script that
// never offloads has none. The pool is process-wide: a lookup does not care
// which runtime asked.
#include <pthread.h>
#include <signal.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "goos/io.h"
#include "scheduler.h"

namespace goos {
namespace {

struct Job {
  FunctionRef<void()> fn;
  Waiter* waiter;
  Ticket ticket;
};

class HelperPool {
 public:
  void submit(const Job& job) {
    std::unique_lock guard(lock_);
    jobs_.push_back(job);
    // Idle helpers count as taken once notified jobs outnumber them (a helper
    // leaves idle_ only when it runs again).
    if (jobs_.size() <= static_cast<std::size_t>(idle_)) {
      work_.notify_one();
      return;
    }
    if (idle_ > 0) work_.notify_one();
    if (threads_ < kMaxHelpers) {
      ++threads_;
      guard.unlock();
      if (!start_helper()) run_here_if_no_helper();
    }
    // else it queues for the next free helper
  }

 private:
  // Enough that a fan-out of child waits (pclose() under exec(), each
  // holding a helper for the child's life) does not queue behind itself;
  // small stacks keep them cheap (glibc's resolver needs well under this).
  static constexpr int kMaxHelpers = 256;
  static constexpr std::size_t kHelperStack = 256 * 1024;
  static constexpr auto kIdleExit = std::chrono::seconds(10);

  // No thread could be made and none runs: the caller's thread does the
  // job itself rather than leave its goroutine parked for ever.
  void run_here_if_no_helper() {
    std::unique_lock guard(lock_);
    if (threads_ > 0 || jobs_.empty()) return;
    Job job = jobs_.front();
    jobs_.pop_front();
    guard.unlock();
    job.fn();
    if (job.waiter->claim(job.ticket)) job.waiter->wake(job.ticket);
  }

  bool start_helper() {
    sigset_t all, old;
    sigfillset(&all);
    // A new thread inherits the creator's mask: block before, restore after.
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, kHelperStack);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    const int rc = pthread_create(
        &thread, &attr,
        [](void* self) -> void* {
          static_cast<HelperPool*>(self)->run();
          return nullptr;
        },
        this);
    pthread_attr_destroy(&attr);
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    if (rc != 0) {  // out of threads: the job waits for a running helper
      std::lock_guard guard(lock_);
      --threads_;
    }
    return rc == 0;
  }

  void run() {
    std::unique_lock guard(lock_);
    for (;;) {
      while (jobs_.empty()) {
        ++idle_;
        const bool woke = work_.wait_for(guard, kIdleExit, [this] { return !jobs_.empty(); });
        --idle_;
        if (!woke) {
          --threads_;
          return;
        }
      }
      Job job = jobs_.front();
      jobs_.pop_front();
      guard.unlock();
      job.fn();
      if (job.waiter->claim(job.ticket)) job.waiter->wake(job.ticket);
      guard.lock();
    }
  }

  std::mutex lock_;
  std::condition_variable work_;
  std::deque<Job> jobs_;  // guarded by lock_
  int threads_ = 0;       // guarded by lock_
  int idle_ = 0;          // guarded by lock_
};

// Made when the library loads (single-threaded), not on first use: a fork()
// in the middle of a call_once would leave its flag taken in the child. A
// forked child has none of the parent's helpers, and maybe a pool lock held
// by one of them: it starts a fresh pool (the old one leaks).
HelperPool* pool = [] {
  pthread_atfork(nullptr, nullptr, [] { pool = new HelperPool; });
  return new HelperPool;  // never destroyed: helpers may outlive main()
}();

HelperPool& helper_pool() { return *pool; }

}  // namespace

namespace this_goroutine {

void offload(FunctionRef<void()> fn) {
  P* p = current_p();
  if (p == nullptr || p->current == nullptr || !p->on_g_stack) {  // see wait_fds
    fn();
    return;
  }
  G* g = p->current;
  HelperPool& helpers = helper_pool();
  const Ticket ticket = g->waiter.prepare(WaitReason::kBlockingCall);
  p->rt.blocking_calls.fetch_add(1, std::memory_order_relaxed);
  // Submitted once committed to block: the wake cannot be lost either way.
  g->waiter.block(ticket, kNoDeadline, [&] { helpers.submit({fn, &g->waiter, ticket}); });
  p->rt.blocking_calls.fetch_sub(1, std::memory_order_relaxed);
}

}  // namespace this_goroutine
}  // namespace goos
