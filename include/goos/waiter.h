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
//
// Its waits can be made interruptible: the PHP origin blocks in a channel
// operation, a select or a wait group, yet must still take a signal, a
// max_execution_time timeout or the end of the script, which only its own
// thread can act on. interrupt() ends such a wait as if its deadline had
// passed (block() returns false, the primitive reports a timeout and changes
// nothing); the owner then sees that its own deadline has not passed, acts on
// the interrupt and waits again. Only waits inside an Interruptible scope are
// ended this way: the primitives that cannot undo a wait (Mutex, Once) never
// see a false they did not ask for.
class ThreadWaiter final : public Waiter {
 public:
  // The calling thread's waiter (what Waiter::current() is outside goroutines).
  static ThreadWaiter& this_thread();

  std::uint64_t goroutine_id() const override { return 0; }

  // Any thread: ends the owner's interruptible wait in progress, or else its
  // next one, at once. Interrupts do not queue: several before a wait end one.
  void interrupt();

  // The owner: while one lives on this thread, its waits are interruptible.
  class Interruptible {
   public:
    Interruptible() : waiter_(this_thread()), previous_(waiter_.interruptible_) {
      waiter_.interruptible_ = true;
    }
    ~Interruptible() { waiter_.interruptible_ = previous_; }
    Interruptible(const Interruptible&) = delete;
    Interruptible& operator=(const Interruptible&) = delete;

   private:
    ThreadWaiter& waiter_;
    bool previous_;
  };

 protected:
  bool block_impl(Ticket t, Deadline deadline, FunctionRef<void()> release) override;
  void wake_impl(Ticket t) override;

 private:
  // Takes back the deadlock detector's count of episode `t`, once: whichever of
  // the waker and the owner comes first.
  void uncount(Ticket t);

  // Futex word: the low 32 bits of the last ticket woken.
  std::atomic<std::uint32_t> woken_{0};
  // The episode counted in blocked_thread_count() (0: none).
  std::atomic<Ticket> counted_episode_{0};
  // An interrupt not yet taken by a wait.
  std::atomic<bool> interrupt_pending_{false};
  // The open interruptible episode (0: none), for interrupt() to claim.
  std::atomic<Ticket> open_interruptible_{0};
  // The episode interrupt() claimed: written between its claim and its wake,
  // read by the owner after the wake (ordered by that handshake).
  Ticket interrupted_ = 0;
  bool interruptible_ = false;  // owner only
};

// The deadlock detector's view of plain threads. Only *attached* threads count:
// the Runtime attaches the thread that creates it (the PHP origin). A blocked
// one waits with no deadline for something only another party can do (see
// needs_another_party).
int attached_thread_count();
int blocked_thread_count();
// Wakes of plain threads so far: progress that no goroutine's P shows.
std::uint64_t thread_wake_count();
// Whether a signal is queued for an attached thread (or the process) that the
// thread does not block: a wake the kernel has not delivered yet. Reads /proc.
bool attached_thread_signal_pending();

namespace detail {
// A Runtime that stops abandons the goroutines still blocked: their wait
// nodes stay linked in the objects they waited on, which may die later (the
// PHP objects that hold them are freed after the runtime). Those objects'
// destructors then find "parties blocked on them" that will never run again;
// the check that nobody waits holds only while nothing was abandoned.
void note_abandoned_waits();
bool waits_abandoned();

// The scheduler says which goroutine runs on this thread (nullptr: none).
void set_current_goroutine_waiter(Waiter* waiter);
void attach_current_thread();
void detach_current_thread();
}  // namespace detail

}  // namespace goos
