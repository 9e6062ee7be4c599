// Waiting for another goroutine of the same M to finish loading code: the
// per-thread state, the wait and the wake-up (code_load_internal.h).
#include "code/code_load_internal.h"

#include <vector>

#include "goos/wait_reason.h"

#include "code/code_load_guard.h"

namespace goos::php::load {
namespace {

// Owned; deleted by load_guard_thread_end().
thread_local ThreadLoads* tls_loads = nullptr;

}  // namespace

ThreadLoads& thread_loads() {
  if (tls_loads == nullptr) tls_loads = new ThreadLoads;
  return *tls_loads;
}

ThreadLoads* thread_loads_if_any() { return tls_loads; }

Cycle cycle_through(const ThreadLoads& t, std::uint64_t owner, std::uint64_t me) {
  // Each party looks before it parks, so the chain from `owner` has no cycle
  // that does not pass through `me`: it ends, or reaches `me`, within
  // waits_for.size() hops.
  Cycle found = Cycle::kStuck;
  for (std::size_t hops = 0; hops <= t.waits_for.size(); ++hops) {
    if (owner == me) return found;
    auto next = t.waits_for.find(owner);
    if (next == t.waits_for.end()) return Cycle::kNone;
    if (next->second.kind == WaitKind::kLock) {
      found = Cycle::kLock;
    } else if (next->second.kind == WaitKind::kOnce && found == Cycle::kStuck) {
      found = Cycle::kOnce;
    }
    owner = next->second.owner;
  }
  return Cycle::kNone;
}

Resolve resolve(Cycle cycle, WaitKind kind) {
  if (cycle == Cycle::kNone) return Resolve::kWait;
  if (kind == WaitKind::kLock) return Resolve::kGiveWay;
  if (cycle == Cycle::kLock) return Resolve::kWait;
  if (kind == WaitKind::kOnce) return Resolve::kGiveWay;
  if (cycle == Cycle::kOnce) return Resolve::kWait;
  return Resolve::kStuck;
}

void wait_for(ThreadLoads& t, std::uint64_t me, std::uint64_t owner, WaitKind kind) {
  const bool closes = cycle_through(t, owner, me) != Cycle::kNone;
  t.waits_for[me] = {owner, kind};
  if (closes) wake_waiters(t);  // they run after this goroutine parked, and see its edge
  ++t.parked;
  goos::SemaWait how;
  how.reason = goos::WaitReason::kCodeLoad;
  t.gate.acquire(how);
  t.waits_for.erase(me);
}

void wake_waiters(ThreadLoads& t) {
  if (t.parked == 0) return;
  const auto n = static_cast<std::int64_t>(t.parked);
  t.parked = 0;
  t.gate.release(n);
}

}  // namespace goos::php::load

namespace goos::php {

void load_guard_install() {
  load::install_autoload_lock();
  load::install_once_guard();
}

void load_guard_uninstall() {
  load::uninstall_once_guard();
  load::uninstall_autoload_lock();
}

void load_guard_switched_out(std::uint64_t goroutine, const zend_execute_data* frames,
                             bool autoloading) {
  load::ThreadLoads* t = load::thread_loads_if_any();
  if (t == nullptr) return;
  bool wake = false;
  if (t->restored == goroutine) {
    // It ran with its half-linked classes back: whoever waits for them looks
    // again (they are linked now, or hidden again below).
    t->restored = 0;
    wake = true;
  }
  if (autoloading) {
    load::hide_linking(*t, goroutine, frames);
    load::unmark_evaluating(*t, goroutine);
  }
  if (!t->runs.empty() && load::end_runs(*t, goroutine, frames, false)) wake = true;
  if (wake) load::wake_waiters(*t);
}

void load_guard_switched_in(std::uint64_t goroutine) {
  load::ThreadLoads* t = load::thread_loads_if_any();
  if (t == nullptr) return;
  if (!t->hidden.empty() && load::restore_linking(*t, goroutine)) t->restored = goroutine;
  if (!t->evaluating.empty()) load::remark_evaluating(*t, goroutine);
}

void load_guard_finished(std::uint64_t goroutine) {
  load::ThreadLoads* t = load::thread_loads_if_any();
  if (t == nullptr) return;
  bool changed = load::end_runs(*t, goroutine, nullptr, true);
  load::forget_hidden(*t, goroutine);
  std::erase_if(t->evaluating, [goroutine](const load::ThreadLoads::Evaluating& e) {
    return e.owner == goroutine;
  });
  t->sync_binding.erase(goroutine);
  if (t->restored == goroutine) t->restored = 0;
  // The autoload lock is released on every way out of an autoload (a
  // bailout included); this only guards against a goroutine ending inside one.
  if (t->holder == goroutine) {
    t->holder = 0;
    t->depth = 0;
    changed = true;
  }
  if (changed) load::wake_waiters(*t);
}

void load_guard_thread_end() {
  // Goroutines still parked here were abandoned with the runtime (the
  // Semaphore's destructor allows that once the runtime noted it). The
  // interpreter is still alive: the hidden classes' strings go back to it.
  if (load::tls_loads != nullptr) load::forget_hidden(*load::tls_loads, 0);
  delete load::tls_loads;
  load::tls_loads = nullptr;
}

}  // namespace goos::php
