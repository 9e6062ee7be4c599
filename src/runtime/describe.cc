// Dumps: describing goroutines on their own M.
//
// A dump wants more of a goroutine than its status: the glue's description of
// it (PHP: its backtrace). That is read from the goroutine's engine state,
// which lives in its M's interpreter: only that M's thread may read it, and
// only while the goroutine is not running. So the requester does not read it;
// it asks every M to describe its own goroutines at a safe point of its loop,
// and waits until all have answered:
//
//  1. The requester (Runtime::snapshot_described; sysmon, for a deadlock
//     report) takes a snapshot(), prepares a Waiter episode (kDump), lists a
//     DescribeRequest under describe_lock, sets every P's describe_pending
//     and rings the doorbell of each M that sleeps; then it blocks (a
//     goroutine parks, a plain thread sleeps on its futex). Flag, then
//     `sleeping`; go_idle sets `sleeping`, then looks at the flag: the same
//     handshake as ready()'s, so a sleeping M is never missed.
//  2. Each M looks at describe_pending at the top of find_runnable: between
//     any two goroutine runs, and before it sleeps. One relaxed load is all
//     the hot path pays. When set, the M describes every G pinned to its P
//     that is runnable or parked, with no lock held, and hands the texts to
//     every listed request it has not served yet. The last M to serve a
//     request unlists it, claims its episode and wakes the requester.
//  3. The requester merges the texts into its snapshot by goroutine id.
//
// Why step 2 is safe: while an M is in its loop, no G pinned to its P runs or
// ends, since only this M resumes them and only this M finishes them. So the G
// pointers collected under allgs_lock stay valid, and their Gs stay still,
// after the lock is dropped, and the glue may read their state. A waker on
// another thread may turn a parked G runnable meanwhile; that touches nothing
// the glue reads, and the G's wait reason stays until the G itself runs.
//
// Requests from several threads at once are merged, not serialised: one pass
// of an M serves every request listed when it delivers. A pass that began a
// moment before a request was listed is as good as one made after it: the M
// ran nothing in between. Serialised, each request would wait for every M's
// next safe point anew; merged, one pass of each M answers them all.
//
// A busy M answers at its next switch. A goroutine that never switches holds
// every dump up until preemption cuts it (RuntimeOptions::preempt_ms); an M
// blocked in a system call answers when the call returns.
//
// Stopping: the Ms leave their loops without serving. Once they have, ~Runtime
// wakes every requester still listed (abandon_describe_requests), and a request
// made after `stopping` was set does not wait at all. A woken requester returns
// what it has: after the wake it touches only its own request.
#include <algorithm>
#include <cassert>
#include <string>
#include <vector>

#include "fence.h"
#include "scheduler.h"

namespace goos {

// One goroutine as its M described it: the status and wait reason it had then
// go with the text, so that a dump shows them together.
struct Description {
  std::uint64_t id;
  GStatus status;
  WaitReason reason;
  int p;
  std::string text;
};

// On the requester's stack (or sysmon's) from step 1 until it is woken; listed
// in Impl::describe_requests until served by every M, abandoned, or given up.
struct DescribeRequest {
  explicit DescribeRequest(int nprocs) : served(static_cast<std::size_t>(nprocs)), left(nprocs) {}

  Waiter* waiter = nullptr;
  Ticket ticket = 0;
  // Guarded by Impl::describe_lock while listed; the requester's own after.
  std::vector<bool> served;  // by P id
  int left;                  // Ps that have not served it
  std::vector<Description> descriptions;
};

namespace {

struct Wake {
  Waiter* waiter;
  Ticket ticket;
};

}  // namespace

void P::describe_goroutines() {
  // Cleared before the list is read. A request listed after this M's look at
  // the list sets the flag after this store (the lock orders the two), so the
  // next pass serves it.
  describe_pending.store(false, std::memory_order_relaxed);
  {
    std::lock_guard guard(rt.describe_lock);
    const auto& list = rt.describe_requests;
    const bool asked = std::any_of(list.begin(), list.end(), [this](const DescribeRequest* r) {
      return !r->served[static_cast<std::size_t>(id)];
    });
    if (!asked) return;
  }

  // This M is in its loop: its Gs are all kRunnable or kWaiting, and stay so
  // (but for kWaiting -> kRunnable) until it runs one. See the top.
  std::vector<G*> mine;
  {
    std::lock_guard guard(rt.allgs_lock);
    for (const auto& g : rt.allgs) {
      const GStatus s = g->status.load(std::memory_order_acquire);
      if ((s == GStatus::kRunnable || s == GStatus::kWaiting) && pinned_p(g.get()) == this) {
        mine.push_back(g.get());
      }
    }
  }
  std::vector<Description> made;
  made.reserve(mine.size());
  for (G* g : mine) {
    const GStatus s = g->status.load(std::memory_order_acquire);
    assert(s == GStatus::kRunnable || s == GStatus::kWaiting);
    const WaitReason reason = s == GStatus::kWaiting ? g->waiter.reason() : WaitReason::kNone;
    made.push_back({g->id, s, reason, id, rt.glue->g_describe(id, g->info)});
  }

  std::vector<Wake> wakes;
  {
    std::lock_guard guard(rt.describe_lock);
    auto& list = rt.describe_requests;
    for (auto it = list.begin(); it != list.end();) {
      DescribeRequest* r = *it;
      const auto me = static_cast<std::size_t>(id);
      if (r->served[me]) {
        ++it;
        continue;
      }
      r->served[me] = true;
      r->descriptions.insert(r->descriptions.end(), made.begin(), made.end());
      if (--r->left > 0) {
        ++it;
        continue;
      }
      it = list.erase(it);
      // Fails only when the requester's deadline claimed the episode first.
      if (r->waiter->claim(r->ticket)) wakes.push_back({r->waiter, r->ticket});
    }
  }
  // Outside the lock, so the woken requester does not run into it. After its
  // claim the request cannot go away before its wake.
  for (const Wake& w : wakes) w.waiter->wake(w.ticket);
}

std::vector<GoroutineSnapshot> Runtime::Impl::describe_all(Deadline deadline) {
  std::vector<GoroutineSnapshot> out = self->snapshot();
  DescribeRequest request(nprocs);
  Waiter& w = Waiter::current();
  std::unique_lock guard(describe_lock);
  if (stopping.load(std::memory_order_acquire)) return out;  // no M would answer
  request.waiter = &w;
  request.ticket = w.prepare(WaitReason::kDump);
  describe_requests.push_back(&request);
  for (const auto& p : ps) {
    p->describe_pending.store(true, std::memory_order_seq_cst);
    seq_cst_fence();  // pairs with go_idle()
    if (p->sleeping.load(std::memory_order_seq_cst)) p->poller.ring();
  }
  // An M claims the episode under describe_lock: not before a goroutine
  // requester is parked (release() runs after it is marked waiting).
  if (!w.block(request.ticket, deadline, [&] { guard.unlock(); })) {
    // The deadline won: unlist it, so no M writes into it any more.
    guard.lock();
    auto it = std::find(describe_requests.begin(), describe_requests.end(), &request);
    if (it != describe_requests.end()) describe_requests.erase(it);
    guard.unlock();
  }

  // Merge. A goroutine described shows what it was when described; the
  // caller itself shows as running (the snapshot was taken before it
  // parked): it is the one making the dump, as in Go.
  auto& made = request.descriptions;
  std::sort(made.begin(), made.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  const std::uint64_t caller = this_goroutine::id();
  for (GoroutineSnapshot& s : out) {
    auto it = std::lower_bound(made.begin(), made.end(), s.id,
                               [](const Description& d, std::uint64_t id) { return d.id < id; });
    if (it == made.end() || it->id != s.id) continue;  // unstarted, or ended before its M looked
    s.description = std::move(it->text);
    if (s.id == caller) continue;
    s.status = to_string(it->status);
    s.reason = it->reason;
    s.p = it->p;
  }
  return out;
}

void Runtime::Impl::abandon_describe_requests() {
  std::vector<Wake> wakes;
  {
    std::lock_guard guard(describe_lock);
    for (DescribeRequest* r : describe_requests) {
      if (r->waiter->claim(r->ticket)) wakes.push_back({r->waiter, r->ticket});
    }
    describe_requests.clear();
  }
  for (const Wake& w : wakes) w.waiter->wake(w.ticket);
}

std::vector<GoroutineSnapshot> Runtime::snapshot_described() {
  // An M's loop (a glue hook) would wait for its own answer.
  assert((current_p() == nullptr || this_goroutine::is_goroutine()) &&
         "snapshot_described() from an M's scheduler loop");
  return impl_->describe_all(kNoDeadline);
}

}  // namespace goos
