// Callback timers: Runtime::after() and Runtime::stop_timer() (Go's
// time.AfterFunc), run by sysmon. Unlike a G's timer (timer.h), which lives in
// its own M's heap, these belong to no M: any thread arms and stops them, so
// they sit in one runtime-wide queue under their own lock.
//
// A timer is in exactly one of three states, and the lock decides which:
//   pending  in the queue; stop() removes it and returns true.
//   taken    sysmon removed it from the queue to run it; stop() returns false
//            and does not wait for the callback (it may be running right now,
//            as Go's Stop does not wait for an AfterFunc's f).
//   gone     it ran, or was stopped, or dropped by clear(); stop() is false.
// A callback is never run with the lock held, and never destroyed under it:
// it may arm and stop timers itself (a ticker re-arms from its own callback),
// and its destructor may do anything a callback may.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "goos/clock.h"
#include "goos/runtime.h"

namespace goos {

class CallbackTimers {
 public:
  struct Armed {
    TimerId id;
    bool earliest;  // it is now the first to fire: whoever sleeps until the next one must wake
  };

  // Any thread. Ids start at 1 and never repeat.
  Armed add(Deadline when, std::function<void()> fn);

  // Any thread: true when the timer was pending (its fn is destroyed here, by
  // the caller, after the lock is released); false otherwise.
  bool stop(TimerId id);

  // The runner (sysmon) only: runs, one at a time and in deadline order (armed
  // order for equal deadlines), every timer due at `now` that was armed before
  // this call. Timers that callbacks arm meanwhile wait for the next call, so
  // a callback that re-arms for a time already past cannot keep this loop
  // going. Each fn is destroyed right after it returns. Returns how many ran.
  std::size_t run_due(Deadline now);

  // When the earliest pending timer is due; kNoDeadline if none is pending.
  Deadline next() const;
  std::size_t pending() const;
  // Timers taken to run so far: progress the deadlock detector must see.
  std::uint64_t fired() const { return fired_.load(std::memory_order_relaxed); }

  // Drops every pending timer without running it (the runtime stops).
  void clear();

 private:
  // Ordered by deadline, then id: equal deadlines fire in the order armed.
  using Key = std::pair<Deadline, TimerId>;
  using Queue = std::map<Key, std::function<void()>>;

  mutable std::mutex lock_;
  Queue queue_;                                  // guarded by lock_
  std::unordered_map<TimerId, Deadline> whens_;  // guarded by lock_: the key of each pending id
  TimerId next_id_ = 1;                          // guarded by lock_
  std::atomic<std::uint64_t> fired_{0};          // written by the runner, read anywhere
};

}  // namespace goos
