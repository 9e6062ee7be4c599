// sysmon: the monitor thread. It runs no goroutine and holds no P. Every 1 ms
// while any P is busy (up to 10 ms while all are idle), and whenever a callback
// timer is due, it:
//
//  - runs the callback timers that are due (Runtime::after, callback_timers.h):
//    it sleeps until the earliest one when that comes before the end of its
//    round, and after() wakes it when it arms a new earliest one, so a timer
//    fires within about a millisecond of its time even while every P sleeps.
//    Callbacks run on this thread, one at a time, with no lock held.
//  - preempts: a P whose schedtick has not moved for preempt_ms is running one
//    goroutine that long. sysmon records that run's tick in preempt_tick and
//    calls Glue::request_preempt; the goroutine yields at its next safe point
//    (this_goroutine::preempt_point; in PHP the VM's interrupt hook). A request
//    names one run (its schedtick), so it can never hit a later goroutine.
//  - wakes an idle M when a P has stealable unstarted work and no M spins
//    (the owner is busy in a long goroutine; a thief should take the work).
//  - lets the glue look around (Glue::sysmon_tick).
//  - detects deadlock: every P idle, nothing in the global queue or an inbox,
//    no goroutine waiting on a timer or an fd, no callback timer pending, every
//    attached thread blocked with no signal queued for it, and no progress (no goroutine run, no
//    thread woken, no callback timer fired) across two looks 10 ms apart. A callback that readies a
//    goroutine leaves it in its M's inbox until that M wakes: the fired count and the inbox look
//    keep that window from looking still.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "scheduler.h"

namespace goos {

std::string DeadlockReport::text() const {
  std::ostringstream out;
  out << "fatal error: all goroutines are asleep - deadlock!\n";
  for (const GoroutineSnapshot& g : goroutines) {
    out << "\ngoroutine " << g.id << " [" << g.status;
    if (g.reason != WaitReason::kNone) out << ", " << to_string(g.reason);
    out << "]";
    if (g.p >= 0) out << " on P" << g.p;
    out << "\n";
    // The glue's description (PHP: the backtrace) under its header, indented.
    std::istringstream lines(g.description);
    for (std::string line; std::getline(lines, line);) out << "    " << line << "\n";
  }
  if (blocked_threads > 0) {
    out << "\n" << blocked_threads << " attached thread(s) blocked on goos objects\n";
  }
  return out.str();
}

bool Runtime::Impl::check_deadlock(std::uint64_t& last_progress, int& quiet_rounds) {
  std::uint64_t progress = thread_wake_count() + callback_timers.fired();
  bool inboxes_empty = true;
  for (const auto& p : ps) {
    progress += p->schedtick.load(std::memory_order_relaxed);
    inboxes_empty = inboxes_empty && p->inbox.empty();
  }
  const bool still = npidle.load(std::memory_order_seq_cst) == nprocs && global.empty() &&
                     inboxes_empty && timed_waits.load() == 0 && fd_waits.load() == 0 &&
                     blocking_calls.load() == 0 && callback_timers.pending() == 0 &&
                     attached_thread_count() > 0 &&
                     blocked_thread_count() == attached_thread_count() &&
                     (live.load() > 0 || blocked_thread_count() > 0) &&
                     !attached_thread_signal_pending();  // last: it reads /proc
  if (!still || progress != last_progress) {
    last_progress = progress;
    quiet_rounds = 0;
    return false;
  }
  return ++quiet_rounds == 2;  // reported once per standstill
}

void Runtime::Impl::sysmon_loop() {
  std::uint64_t last_progress = 0;
  int quiet_rounds = 0;
  Clock::time_point last_deadlock_look{};
  const auto preempt_after = std::chrono::milliseconds(options.preempt_ms);
  while (!stopping.load(std::memory_order_acquire)) {
    const bool all_idle = npidle.load(std::memory_order_relaxed) == nprocs;
    const Deadline round_end =
        Clock::now() + (all_idle ? std::chrono::milliseconds(10) : std::chrono::milliseconds(1));
    // Read before taking sysmon_lock (both locks are leaves): a timer armed
    // after this read that comes earlier sets sysmon_kicked, so it is not missed.
    const Deadline wake_at = std::min(round_end, callback_timers.next());
    {
      std::unique_lock guard(sysmon_lock);
      sysmon_wake.wait_until(guard, wake_at, [&] {
        return sysmon_kicked || stopping.load(std::memory_order_acquire);
      });
      sysmon_kicked = false;
    }
    if (stopping.load(std::memory_order_acquire)) break;
    callback_timers.run_due(Clock::now());
    glue->sysmon_tick();
    const Clock::time_point now = Clock::now();

    bool stealable = false;
    for (const auto& p : ps) {
      const std::uint64_t tick = p->schedtick.load(std::memory_order_relaxed);
      if (tick != p->seen_tick) {
        p->seen_tick = tick;
        p->seen_at = now;
      } else if (options.preempt_ms > 0 && p->running.load(std::memory_order_relaxed) &&
                 now - p->seen_at >= preempt_after &&
                 p->preempt_tick.load(std::memory_order_relaxed) != tick) {
        p->preempt_tick.store(tick, std::memory_order_relaxed);
        bump(p->counters.preempt_requests);
        glue->request_preempt(p->id);
      }
      stealable =
          stealable || !p->runq.empty() || p->runnext.load(std::memory_order_relaxed) != nullptr;
    }
    if (stealable && nmspinning.load() == 0 && npidle.load() > 0) wakep();

    if (all_idle && now - last_deadlock_look >= std::chrono::milliseconds(10)) {
      last_deadlock_look = now;
      if (check_deadlock(last_progress, quiet_rounds)) {
        DeadlockReport report;
        // The report describes every goroutine (describe.cc). sysmon may wait
        // for the Ms here, and only here: every P is idle, so each answers at
        // once. The deadline guards against a glue that blocks.
        report.goroutines = describe_all(deadline_after(std::chrono::seconds(1)));
        report.blocked_threads = blocked_thread_count();
        if (options.on_deadlock) {
          options.on_deadlock(report);
        } else {
          std::fputs(report.text().c_str(), stderr);
          std::fflush(stderr);
          std::_Exit(2);
        }
      }
    }
  }
}

}  // namespace goos
