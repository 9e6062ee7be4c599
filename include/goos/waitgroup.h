// sync.WaitGroup: waits for a counted set of tasks to finish. Parties add() to
// the counter, call done() when a task ends, and wait() until it reaches zero.
// Reusable: once the counter is back at zero a new round can start.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>

#include "goos/clock.h"
#include "goos/sema.h"

namespace goos {

class WaitGroup {
 public:
  WaitGroup() = default;
  WaitGroup(const WaitGroup&) = delete;
  WaitGroup& operator=(const WaitGroup&) = delete;
  // Precondition: nobody waits.
  ~WaitGroup();

  // False, changing nothing, when the counter would go negative (or overflow).
  // Reaching zero wakes every waiter.
  bool add(std::int64_t delta);
  bool done() { return add(-1); }

  // Blocks until the counter is zero (true) or the deadline passes (false).
  bool wait(Deadline deadline = kNoDeadline);

  std::int64_t count() const { return count_.load(std::memory_order_relaxed); }

 private:
  void check_invariants() const;

  std::atomic<std::int64_t> count_{0};
  std::mutex lock_;           // guards waiters_, and every change of count_ to zero
  detail::WaitList waiters_;  // parties parked in wait() for this round
};

}  // namespace goos
