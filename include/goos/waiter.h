// A Waiter is whatever blocks in goos: the running goroutine, or a plain OS
// thread that is not a goroutine (the PHP origin waits on channels this way).
// Channels, select, semaphores, mutexes and wait groups are written once, against
// this class, and work for both.
//
// A wait is an *episode*:
//
//   Waiter& w = Waiter::current();
//   Ticket t = w.prepare(WaitReason::kChanRecv);   // before publishing {&w, t}
//   queue.push({&w, t});                            // under the queue's lock
//   bool woken = w.block(t, deadline, [&] { lock.unlock(); });
//
// and a waker that finds {w, t} in a queue, under the queue's lock:
//
//   if (w->claim(t)) { /* hand over the value */ w->wake(t); }   // wake may be outside the lock
//   else { /* the waiter's deadline or another select case won: skip it */ }
//
// Invariants:
//  - An episode is claimed at most once: by one waker, or by its deadline.
//  - block() returns true only after the claiming waker called wake(), so the
//    waker may write into the waiter's published state between claim and wake.
//    It returns false only if the deadline claimed the episode: no waker will
//    touch it, but its entry may still sit in wait queues, which skip it (their
//    claim fails) or the waiter removes itself.
//  - Tickets never repeat, so a claim on an older episode fails.
//  - `release` runs exactly once, after the waiter is committed to block and
//    before it sleeps: waking it from then on is never lost.
#pragma once

#include <atomic>
#include <cstdint>

#include "goos/clock.h"
#include "goos/function_ref.h"
#include "goos/wait_reason.h"

namespace goos {

using Ticket = std::uint64_t;

class Waiter {
 public:
  // The running goroutine's waiter or, outside goroutines, this thread's.
  static Waiter& current();

  Waiter() = default;
  Waiter(const Waiter&) = delete;
  Waiter& operator=(const Waiter&) = delete;
  virtual ~Waiter() = default;

  // Starts an episode. Only the waiter's own goroutine or thread calls this, and
  // not while a previous episode is still open.
  Ticket prepare(WaitReason reason);

  // Any thread: claims episode `t`. True when this call won; the caller must then
  // call wake(t) exactly once.
  bool claim(Ticket t);

  // The claim winner: lets the waiter go on. Never blocks.
  void wake(Ticket t);

  // The waiter itself: blocks until episode `t` is claimed and woken (true) or
  // `deadline` passes first (false). See the invariants above for `release`.
  template <typename F>
  bool block(Ticket t, Deadline deadline, F&& release) {
    return block_impl(t, deadline, FunctionRef<void()>(release));
  }

  // The waiter itself: ends episode `t` without blocking (it decided not to
  // wait after all). False when a waker claimed it first: then the caller must
  // still block(t, ...) to take that wake.
  bool cancel(Ticket t);

  // Blocks until `deadline` with nothing to wake it early: a sleep.
  void sleep_until(Deadline deadline, WaitReason reason = WaitReason::kSleep);

  // What the open episode waits for; kNone between episodes.
  WaitReason reason() const { return reason_.load(std::memory_order_relaxed); }

  // The goroutine's id, or 0 for a plain thread.
  virtual std::uint64_t goroutine_id() const = 0;

 protected:
  virtual bool block_impl(Ticket t, Deadline deadline, FunctionRef<void()> release) = 0;
  virtual void wake_impl(Ticket t) = 0;

  // Called by block_impl when the deadline passed: claims the episode for the
  // deadline. False when a waker claimed it first (then it will wake us).
  bool claim_for_deadline(Ticket t) { return claim(t); }
  void finish_episode() { reason_.store(WaitReason::kNone, std::memory_order_relaxed); }

 private:
  enum Phase : std::uint64_t { kIdle = 0, kWaiting = 1, kClaimed = 2 };
  static std::uint64_t word(Ticket t, Phase p) { return t << 2 | p; }

  // ticket << 2 | phase of the newest episode.
  std::atomic<std::uint64_t> state_{0};
  std::atomic<WaitReason> reason_{WaitReason::kNone};
};

// A plain OS thread's waiter: blocks on a futex.
class ThreadWaiter final : public Waiter {
 public:
  std::uint64_t goroutine_id() const override { return 0; }

 protected:
  bool block_impl(Ticket t, Deadline deadline, FunctionRef<void()> release) override;
  void wake_impl(Ticket t) override;

 private:
  // Futex word: the low 32 bits of the last ticket woken.
  std::atomic<std::uint32_t> woken_{0};
};

// The deadlock detector's view of plain threads. Only *attached* threads count:
// the Runtime attaches the thread that creates it (the PHP origin). A blocked
// one waits with no deadline for something only another party can do (see
// needs_another_party).
int attached_thread_count();
int blocked_thread_count();
// Wakes of plain threads so far: progress that no goroutine's P shows.
std::uint64_t thread_wake_count();

namespace detail {
// The scheduler says which goroutine runs on this thread (nullptr: none).
void set_current_goroutine_waiter(Waiter* waiter);
void attach_current_thread();
void detach_current_thread();
}  // namespace detail

}  // namespace goos
