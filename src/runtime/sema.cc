// Parking and the semaphore.
//
// Invariants (Semaphore; under lock_):
//  - count_ > 0 implies queue_ is empty: release() serves parked parties before it
//    adds to the count (dropping stale nodes on the way), and a party parks only
//    after it found the count at zero under lock_. So no permit waits in the count
//    while a party waits in the queue.
//  - count_ only grows under lock_, so "zero under lock_" stays true until the
//    party that saw it is parked.
#include "goos/sema.h"

#include <cassert>

namespace goos {
namespace detail {

void WaitList::push_back(WaitNode* node) {
  assert(!node->linked);
  node->prev = tail_;
  node->next = nullptr;
  (tail_ != nullptr ? tail_->next : head_) = node;
  tail_ = node;
  node->linked = true;
  ++size_;
}

void WaitList::push_front(WaitNode* node) {
  assert(!node->linked);
  node->prev = nullptr;
  node->next = head_;
  (head_ != nullptr ? head_->prev : tail_) = node;
  head_ = node;
  node->linked = true;
  ++size_;
}

void WaitList::remove(WaitNode* node) {
  assert(node->linked);
  (node->prev != nullptr ? node->prev->next : head_) = node->next;
  (node->next != nullptr ? node->next->prev : tail_) = node->prev;
  node->prev = node->next = nullptr;
  node->linked = false;
  --size_;
}

WaitNode* WaitList::pop_claimed() {
  while (WaitNode* node = head_) {
    remove(node);
    if (node->waiter->claim(node->ticket)) return node;
  }
  return nullptr;
}

void wake(WaitNode* claimed) {
  Waiter* waiter = claimed->waiter;
  Ticket ticket = claimed->ticket;
  waiter->wake(ticket);
}

WakeList::~WakeList() { assert(head_ == nullptr && "claimed parties were never woken"); }

void WakeList::push(WaitNode* claimed) {
  assert(!claimed->linked);
  claimed->next = head_;
  head_ = claimed;
}

void WakeList::wake_all() {
  while (WaitNode* node = head_) {
    head_ = node->next;
    wake(node);
  }
}

bool park(std::unique_lock<std::mutex>& guard, WaitList& list, WaitNode& node, WaitReason reason,
          Deadline deadline, bool front) {
  assert(guard.owns_lock());
  Waiter& self = Waiter::current();
  node.waiter = &self;
  node.ticket = self.prepare(reason);
  if (front) {
    list.push_front(&node);
  } else {
    list.push_back(&node);
  }
  if (self.block(node.ticket, deadline, [&] { guard.unlock(); })) return true;
  // The deadline owns the episode: no waker will touch the node, but it may
  // still be linked.
  guard.lock();
  if (node.linked) list.remove(&node);
  guard.unlock();
  return false;
}

}  // namespace detail

Semaphore::~Semaphore() {
  assert((queue_.empty() || detail::waits_abandoned()) &&
         "semaphore destroyed with parked parties");
}

bool Semaphore::try_acquire() {
  std::int64_t count = count_.load(std::memory_order_relaxed);
  while (count > 0) {
    if (count_.compare_exchange_weak(count, count - 1, std::memory_order_acquire,
                                     std::memory_order_relaxed)) {
      return true;
    }
  }
  return false;
}

bool Semaphore::acquire(Deadline deadline) {
  SemaWait how;
  how.deadline = deadline;
  return acquire(how);
}

bool Semaphore::acquire(const SemaWait& how) {
  if (try_acquire()) return true;
  std::unique_lock guard(lock_);
  if (try_acquire()) return true;
  if (how.deadline <= Clock::now()) return false;
  detail::WaitNode self;
  return detail::park(guard, queue_, self, how.reason, how.deadline, how.lifo);
}

void Semaphore::release(std::int64_t n) {
  assert(n >= 0);
  detail::WakeList wakes;
  {
    std::lock_guard guard(lock_);
    for (; n > 0; --n) {
      detail::WaitNode* node = queue_.pop_claimed();
      if (node == nullptr) break;
      wakes.push(node);
    }
    if (n > 0) count_.fetch_add(n, std::memory_order_release);
    assert(count_.load(std::memory_order_relaxed) == 0 || queue_.empty());
  }
  wakes.wake_all();
}

std::size_t Semaphore::waiters() const {
  std::lock_guard guard(lock_);
  return queue_.size();
}

}  // namespace goos
