// sync.Once. Go's Once is a done flag over a Mutex; goos parks late callers on
// their own list instead, so that they show as waiting on the Once (kOnce) and are
// released together when the function ends, normally or by an exception.
//
// state_ goes kIdle -> kRunning -> kDone, each change under lock_; parties park only
// while it is kRunning, and the change to kDone wakes them all.
#include "goos/once.h"

#include <cassert>

namespace goos {

Once::~Once() {
  assert((waiters_.empty() || detail::waits_abandoned()) && "Once destroyed with waiters");
}

void Once::call(FunctionRef<void()> fn) {
  if (done()) return;
  std::unique_lock guard(lock_);
  switch (state_.load(std::memory_order_relaxed)) {
    case State::kDone:
      return;
    case State::kRunning: {
      detail::WaitNode self;
      const bool woken = detail::park(guard, waiters_, self, WaitReason::kOnce, kNoDeadline);
      assert(woken && done());
      (void)woken;
      return;
    }
    case State::kIdle:
      break;
  }
  state_.store(State::kRunning, std::memory_order_relaxed);
  guard.unlock();

  struct Finish {
    Once* once;
    ~Finish() { once->finish(); }
  } finish{this};
  fn();
}

void Once::finish() noexcept {
  detail::WakeList wakes;
  {
    std::lock_guard guard(lock_);
    assert(state_.load(std::memory_order_relaxed) == State::kRunning);
    state_.store(State::kDone, std::memory_order_release);
    while (detail::WaitNode* waiter = waiters_.pop_claimed()) wakes.push(waiter);
  }
  wakes.wake_all();
}

}  // namespace goos
