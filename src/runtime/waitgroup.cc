// sync.WaitGroup.
//
// Go keeps the counter and the number of waiters in one word and releases exactly
// that many semaphore permits at zero. goos's wait() has a deadline, and a waiter
// that gives up would leave its permit behind for the next round's waiter. So
// waiters park on a list instead, and the transition to zero, done under lock_,
// claims exactly the parties parked at that moment. Changes that do not reach zero
// stay a lock-free CAS.
//
// Invariants:
//  - count_ >= 0: add() refuses any delta that would make it negative.
//  - count_ becomes zero only under lock_, and that change wakes every party in
//    waiters_; a party parks only after seeing count_ != 0 under lock_. So no
//    waiter can miss the zero it waits for.
//  - Under lock_, count_ == 0 implies waiters_ is empty (including stale nodes of
//    waiters that timed out: the zero transition drops them).
#include "goos/waitgroup.h"

#include <cassert>

namespace goos {
namespace {

// The counter after adding delta, or -1 when that is negative or overflows.
std::int64_t counter_after(std::int64_t count, std::int64_t delta) {
  std::int64_t next;
  if (__builtin_add_overflow(count, delta, &next) || next < 0) return -1;
  return next;
}

}  // namespace

WaitGroup::~WaitGroup() {
  assert((waiters_.empty() || detail::waits_abandoned()) && "WaitGroup destroyed with waiters");
}

void WaitGroup::check_invariants() const {
  assert(count_.load(std::memory_order_relaxed) >= 0);
  assert(count_.load(std::memory_order_relaxed) != 0 || waiters_.empty());
}

bool WaitGroup::add(std::int64_t delta) {
  std::int64_t count = count_.load(std::memory_order_relaxed);
  for (;;) {
    const std::int64_t next = counter_after(count, delta);
    if (next < 0) return false;
    if (next == 0) break;
    if (count_.compare_exchange_weak(count, next, std::memory_order_acq_rel,
                                     std::memory_order_relaxed)) {
      return true;
    }
  }

  detail::WakeList wakes;
  {
    std::lock_guard guard(lock_);
    std::int64_t next;
    do {
      next = counter_after(count, delta);
      if (next < 0) return false;
    } while (!count_.compare_exchange_weak(count, next, std::memory_order_acq_rel,
                                           std::memory_order_relaxed));
    if (next == 0) {
      while (detail::WaitNode* waiter = waiters_.pop_claimed()) wakes.push(waiter);
    }
    check_invariants();
  }
  wakes.wake_all();
  return true;
}

bool WaitGroup::wait(Deadline deadline) {
  if (count_.load(std::memory_order_acquire) == 0) return true;
  std::unique_lock guard(lock_);
  check_invariants();
  if (count_.load(std::memory_order_acquire) == 0) return true;
  if (deadline <= Clock::now()) return false;
  detail::WaitNode self;
  return detail::park(guard, waiters_, self, WaitReason::kWaitGroup, deadline);
}

}  // namespace goos
