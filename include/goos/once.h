// sync.Once: runs a function exactly once, however many parties call it.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>

#include "goos/function_ref.h"
#include "goos/sema.h"

namespace goos {

class Once {
 public:
  Once() = default;
  Once(const Once&) = delete;
  Once& operator=(const Once&) = delete;
  // Precondition: nobody waits.
  ~Once();

  // The first call runs `fn`; calls made while it runs block (kOnce) until it has
  // finished; later calls return at once. If `fn` throws, the exception reaches the
  // party that ran it, and the Once still counts as done (as Go's Once after a
  // panic): waiters are released, nobody runs `fn` again. A call from inside `fn`
  // on the same Once deadlocks, as in Go.
  void call(FunctionRef<void()> fn);

  bool done() const { return state_.load(std::memory_order_acquire) == State::kDone; }

 private:
  enum class State : std::uint8_t { kIdle, kRunning, kDone };

  void finish() noexcept;

  std::atomic<State> state_{State::kIdle};
  std::mutex lock_;           // guards waiters_ and the changes of state_
  detail::WaitList waiters_;  // parties that called while the function ran
};

}  // namespace goos
