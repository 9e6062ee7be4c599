// sync.RWMutex: many readers or one writer, with Go's writer-preferring algorithm
// (see rwmutex.cc). A writer that calls lock() keeps new readers out until it has
// had its turn, so a stream of readers cannot starve it.
#pragma once

#include <atomic>
#include <cstdint>

#include "goos/mutex.h"
#include "goos/sema.h"

namespace goos {

class RWMutex {
 public:
  RWMutex() = default;
  RWMutex(const RWMutex&) = delete;
  RWMutex& operator=(const RWMutex&) = delete;

  void lock();
  bool try_lock();
  // False when not write-locked (nothing changes). As in Go the check is best
  // effort: it cannot tell a held write lock from one a writer is still waiting for.
  bool unlock();

  void rlock();
  bool try_rlock();
  // False when no reader holds it (nothing changes); best effort as unlock().
  bool runlock();

 private:
  static constexpr std::int32_t kMaxReaders = 1 << 30;

  Mutex writer_{WaitReason::kRWMutexWrite};  // held by the pending or active writer
  Semaphore writer_sem_;  // the pending writer parks here until the readers leave
  Semaphore reader_sem_;  // readers park here while a writer is pending or active
  // Readers holding or waiting for the lock, minus kMaxReaders while a writer is
  // pending or active.
  std::atomic<std::int32_t> reader_count_{0};
  // Readers the pending writer still waits for.
  std::atomic<std::int32_t> reader_wait_{0};
};

}  // namespace goos
