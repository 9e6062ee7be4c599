// sync.RWMutex, after Go's.
//
// Readers only touch reader_count_ while no writer is around. A writer first takes
// writer_ (so writers queue there, one at a time), then subtracts kMaxReaders from
// reader_count_: from that moment arriving readers see a negative count and park on
// reader_sem_, while the readers that already held the lock are counted into
// reader_wait_ and the last of them to leave wakes the writer on writer_sem_. The
// writer's unlock() adds kMaxReaders back and releases every reader that parked
// meanwhile, then unlocks writer_ for the next writer.
//
// Misuse (unlock without lock) is detected as Go detects it, but by a CAS that
// changes nothing, so the glue can throw and the lock stays usable.
#include "goos/rwmutex.h"

#include <cassert>

namespace goos {

void RWMutex::rlock() {
  if (reader_count_.fetch_add(1, std::memory_order_acq_rel) + 1 < 0) {
    // A writer is pending or active: wait for its unlock().
    SemaWait how;
    how.reason = WaitReason::kRWMutexRead;
    reader_sem_.acquire(how);
  }
}

bool RWMutex::try_rlock() {
  std::int32_t count = reader_count_.load(std::memory_order_relaxed);
  while (count >= 0) {
    if (reader_count_.compare_exchange_weak(count, count + 1, std::memory_order_acq_rel,
                                            std::memory_order_relaxed)) {
      return true;
    }
  }
  return false;
}

bool RWMutex::runlock() {
  std::int32_t count = reader_count_.load(std::memory_order_relaxed);
  do {
    if (count == 0 || count == -kMaxReaders) return false;
  } while (!reader_count_.compare_exchange_weak(count, count - 1, std::memory_order_acq_rel,
                                                std::memory_order_relaxed));
  // A pending writer counted us among the readers it waits for: the last one
  // out lets it in.
  if (count - 1 < 0 && reader_wait_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    writer_sem_.release(1);
  }
  return true;
}

void RWMutex::lock() {
  writer_.lock();
  const std::int32_t readers = reader_count_.fetch_sub(kMaxReaders, std::memory_order_acq_rel);
  assert(readers >= 0 && "two writers past writer_");
  // reader_wait_ may already be negative: readers can leave before we add them.
  if (readers != 0 && reader_wait_.fetch_add(readers, std::memory_order_acq_rel) + readers != 0) {
    SemaWait how;
    how.reason = WaitReason::kRWMutexWrite;
    writer_sem_.acquire(how);
  }
}

bool RWMutex::try_lock() {
  if (!writer_.try_lock()) return false;
  std::int32_t idle = 0;
  if (!reader_count_.compare_exchange_strong(idle, -kMaxReaders, std::memory_order_acq_rel,
                                             std::memory_order_relaxed)) {
    writer_.unlock();
    return false;
  }
  return true;
}

bool RWMutex::unlock() {
  std::int32_t count = reader_count_.load(std::memory_order_relaxed);
  do {
    if (count >= 0) return false;
  } while (!reader_count_.compare_exchange_weak(
      count, count + kMaxReaders, std::memory_order_acq_rel, std::memory_order_relaxed));
  // Readers that arrived while we held the lock are parked (or about to be).
  const std::int32_t parked_readers = count + kMaxReaders;
  reader_sem_.release(parked_readers);
  const bool unlocked = writer_.unlock();
  assert(unlocked && "write-locked RWMutex with an unlocked writer mutex");
  (void)unlocked;
  return true;
}

}  // namespace goos
