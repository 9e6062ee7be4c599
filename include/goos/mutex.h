// sync.Mutex: a mutual exclusion lock with Go's algorithm (normal and starvation
// modes; see mutex.cc). Not owned by a party: any party may unlock it, as in Go.
#pragma once

#include <atomic>
#include <cstdint>

#include "goos/sema.h"
#include "goos/wait_reason.h"

namespace goos {

class Mutex {
 public:
  Mutex() = default;
  // `reason` is what dumps show while a party waits in lock() (RWMutex's writer
  // lock shows kRWMutexWrite).
  explicit Mutex(WaitReason reason) : reason_(reason) {}
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void lock();
  bool try_lock();
  // False when the mutex was not locked; then nothing changes (the glue throws).
  bool unlock();

  // Snapshot, for tests and dumps: unlock() hands the mutex to the front waiter.
  bool starving() const { return (state_.load(std::memory_order_relaxed) & kStarving) != 0; }

 private:
  static constexpr std::int32_t kLocked = 1;
  static constexpr std::int32_t kWoken = 2;
  static constexpr std::int32_t kStarving = 4;
  static constexpr int kWaiterShift = 3;

  void lock_slow();
  void unlock_slow(std::int32_t state);

  // kLocked | kWoken | kStarving | waiters << kWaiterShift
  std::atomic<std::int32_t> state_{0};
  Semaphore sema_{0};  // where waiters park; permits are wake-ups, not ownership
  WaitReason reason_ = WaitReason::kMutex;
};

}  // namespace goos
