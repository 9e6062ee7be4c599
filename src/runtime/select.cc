// select, after Go's selectgo.
//
// Three passes over the cases, ignoring those with a nil channel:
//  1. Lock every channel, once each, in address order. Poll the cases in a random
//     order and perform the first that can complete now: the choice is uniform
//     among the ready cases.
//  2. Nothing ready and blocking allowed: open one Waiter episode and park a node
//     on every case's channel, all with that episode's ticket; unlock everything
//     while blocking. The first peer (or close) to claim the episode performs its
//     case and marks its node `fired`; peers on the other channels fail to claim
//     and drop the stale nodes they meet.
//  3. Woken, or timed out: lock every channel again, unlink the nodes still
//     linked, and report the fired case.
//
// Invariants:
//  - Channels are always locked in address order, each once, and a plain channel
//    operation locks only its own: no two parties wait for each other's locks.
//  - At most one case is performed: pass 1 performs one and returns; in pass 2 all
//    nodes share one episode, which is claimed at most once.
//  - block() returned true exactly when one node fired; false (the deadline) when
//    none did, and then no value moved.
//  - When select returns, none of its nodes is linked into a queue: they live in
//    this frame.
#include "goos/select.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <functional>
#include <memory>

#include "goos/random.h"
#include "goos/waiter.h"

namespace goos {
namespace detail {
namespace {

// Cases handled without touching the heap; larger selects allocate.
constexpr std::size_t kInlineCases = 8;

// A scratch array of n elements, inline when n is small.
template <typename T>
class Scratch {
 public:
  explicit Scratch(std::size_t n) {
    if (n > kInlineCases) {
      heap_ = std::make_unique<T[]>(n);
      data_ = heap_.get();
    }
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  T& operator[](std::size_t i) { return data_[i]; }
  T* begin() { return data_; }

 private:
  T inline_[kInlineCases]{};
  std::unique_ptr<T[]> heap_;
  T* data_ = inline_;
};

SelectResult chosen(int index, SelectCase::Kind kind, bool moved) {
  SelectResult result;
  result.index = index;
  result.ok = moved;
  result.send_on_closed = kind == SelectCase::kSend && !moved;
  return result;
}

}  // namespace

class Selector {
 public:
  static SelectResult run(std::span<SelectCase> cases, Deadline deadline, bool block);

 private:
  explicit Selector(std::span<SelectCase> cases)
      : cases_(cases), poll_order_(cases.size()), locks_(cases.size()) {}

  void lock_all() {
    for (std::size_t i = 0; i < lock_count_; ++i) locks_[i]->lock_.lock();
  }
  void unlock_all() {
    for (std::size_t i = lock_count_; i-- > 0;) locks_[i]->lock_.unlock();
  }

  SelectResult poll();
  SelectResult park(Deadline deadline);

  std::span<SelectCase> cases_;
  Scratch<std::uint32_t> poll_order_;  // indices of the non-nil cases, shuffled
  std::size_t active_ = 0;             // non-nil cases
  Scratch<RawChan*> locks_;            // their distinct channels, by address
  std::size_t lock_count_ = 0;
};

SelectResult Selector::run(std::span<SelectCase> cases, Deadline deadline, bool block) {
  Selector s(cases);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (cases[i].chan == nullptr) continue;
    // Inside-out Fisher-Yates: poll_order_[0, active_] is a uniform shuffle.
    std::uint32_t j = fast_rand_n(static_cast<std::uint32_t>(s.active_ + 1));
    s.poll_order_[s.active_] = s.poll_order_[j];
    s.poll_order_[j] = static_cast<std::uint32_t>(i);
    s.locks_[s.active_] = cases[i].chan;
    ++s.active_;
  }
  if (s.active_ == 0) {
    if (block) Waiter::current().sleep_until(deadline, WaitReason::kSelectNoCases);
    return {};
  }
  RawChan** locks = s.locks_.begin();
  std::sort(locks, locks + s.active_, std::less<RawChan*>());
  s.lock_count_ = static_cast<std::size_t>(std::unique(locks, locks + s.active_) - locks);

  s.lock_all();
  SelectResult result = s.poll();
  if (result.index >= 0) return result;  // poll() unlocked
  if (!block || deadline <= Clock::now()) {
    s.unlock_all();
    return {};
  }
  return s.park(deadline);
}

// Pass 1. Caller holds every lock; they are released when a case was performed.
SelectResult Selector::poll() {
  for (std::size_t k = 0; k < active_; ++k) {
    const std::uint32_t i = poll_order_[k];
    SelectCase& c = cases_[i];
    ChanWaiter* peer = nullptr;
    RawChan::Poll done = c.kind == SelectCase::kSend ? c.chan->poll_send_locked(c.elem, &peer)
                                                     : c.chan->poll_recv_locked(c.elem, &peer);
    if (done == RawChan::Poll::kNotReady) continue;
    c.chan->check_invariants();
    unlock_all();
    if (peer != nullptr) wake(peer);
    return chosen(static_cast<int>(i), c.kind, done == RawChan::Poll::kDone);
  }
  return {};
}

// Passes 2 and 3. Caller holds every lock; returns with none held.
SelectResult Selector::park(Deadline deadline) {
  Waiter& self = Waiter::current();
  const Ticket ticket = self.prepare(WaitReason::kSelect);
  Scratch<ChanWaiter> nodes(cases_.size());
  for (std::size_t k = 0; k < active_; ++k) {
    const std::uint32_t i = poll_order_[k];
    SelectCase& c = cases_[i];
    ChanWaiter& node = nodes[i];
    node.waiter = &self;
    node.ticket = ticket;
    node.elem = c.elem;
    (c.kind == SelectCase::kSend ? c.chan->sendq_ : c.chan->recvq_).push_back(&node);
  }

  const bool woken = self.block(ticket, deadline, [&] { unlock_all(); });

  lock_all();
  int fired = -1;
  for (std::size_t k = 0; k < active_; ++k) {
    const std::uint32_t i = poll_order_[k];
    SelectCase& c = cases_[i];
    ChanWaiter& node = nodes[i];
    if (node.linked) (c.kind == SelectCase::kSend ? c.chan->sendq_ : c.chan->recvq_).remove(&node);
    if (node.fired) {
      assert(fired < 0 && "one episode fired two cases");
      fired = static_cast<int>(i);
    }
  }
  for (std::size_t l = 0; l < lock_count_; ++l) locks_[l]->check_invariants();
  unlock_all();
  assert(woken == (fired >= 0));
  if (!woken) return {};
  return chosen(fired, cases_[fired].kind, nodes[fired].success);
}

}  // namespace detail

SelectResult select(std::span<SelectCase> cases, Deadline deadline, bool block) {
  return detail::Selector::run(cases, deadline, block);
}

}  // namespace goos
