// Parking, and the semaphore built on it.
//
// Every goos primitive blocks the same way: a party that must wait for another
// puts a WaitNode, which lives on its own stack, into the object's WaitList under
// the object's lock, and blocks in one Waiter episode (waiter.h) that releases the
// lock. A waker pops the first node whose episode it can claim, fills in whatever
// the node asks for, drops the lock and wakes it. A node whose episode was claimed
// elsewhere (by its deadline, or by another case of the same select) is stale:
// wakers drop it from the list, and its owner unlinks it if it is still linked.
//
// The Semaphore is the parking lot of Mutex and RWMutex, as Go's sema.go is of
// package sync.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>

#include "goos/clock.h"
#include "goos/wait_reason.h"
#include "goos/waiter.h"

namespace goos {
namespace detail {

// One parked party, for one wait episode (Go's sudog). Owned by the party that
// parks; the list links are guarded by the lock of the object it parks on.
struct WaitNode {
  Waiter* waiter = nullptr;
  Ticket ticket = 0;
  WaitNode* prev = nullptr;
  WaitNode* next = nullptr;
  bool linked = false;
};

// An intrusive FIFO of parked parties. Not thread-safe: its owner's lock guards it.
class WaitList {
 public:
  WaitList() = default;
  WaitList(const WaitList&) = delete;
  WaitList& operator=(const WaitList&) = delete;

  bool empty() const { return head_ == nullptr; }
  // Linked nodes, stale ones included.
  std::size_t size() const { return size_; }
  WaitNode* front() const { return head_; }

  void push_back(WaitNode* node);
  void push_front(WaitNode* node);
  void remove(WaitNode* node);

  // Unlinks nodes from the front until it claims one's episode, dropping stale
  // ones on the way. nullptr when no live node is left. The caller owes the
  // returned node exactly one wake().
  WaitNode* pop_claimed();

 private:
  WaitNode* head_ = nullptr;
  WaitNode* tail_ = nullptr;
  std::size_t size_ = 0;
};

// Wakes a node whose episode the caller claimed. The node (and its owner's stack
// frame) may be gone as soon as the owner runs, so this is the caller's last use
// of it.
void wake(WaitNode* claimed);

// Claimed nodes collected under an object's lock and woken once it is dropped, so
// that a woken party does not run straight into the lock. Links through `next`,
// which a claimed node no longer needs.
class WakeList {
 public:
  WakeList() = default;
  WakeList(const WakeList&) = delete;
  WakeList& operator=(const WakeList&) = delete;
  ~WakeList();

  void push(WaitNode* claimed);
  // Caller holds no lock that a woken party needs.
  void wake_all();

 private:
  WaitNode* head_ = nullptr;
};

// Parks the calling party: `node` (its payload already set) joins `list` at the
// back (or the front) and the party blocks until a waker claims and wakes it
// (true) or `deadline` passes (false; the node is unlinked again).
// Precondition: `guard` holds the lock that guards `list`. On return it does not.
bool park(std::unique_lock<std::mutex>& guard, WaitList& list, WaitNode& node, WaitReason reason,
          Deadline deadline, bool front = false);

}  // namespace detail

// How to wait in Semaphore::acquire.
struct SemaWait {
  Deadline deadline = kNoDeadline;
  WaitReason reason = WaitReason::kSemaphore;  // what dumps show while parked
  bool lifo = false;  // park at the front: a party that already waited (Go's semacquire lifo)
};

// A counting semaphore that serves its waiters in order: release() hands permits
// straight to parked parties, and only what is left over goes to the count, so a
// newcomer never takes a permit while somebody is parked.
class Semaphore {
 public:
  explicit Semaphore(std::int64_t count = 0) : count_(count) {}
  Semaphore(const Semaphore&) = delete;
  Semaphore& operator=(const Semaphore&) = delete;
  // Precondition: nobody is parked.
  ~Semaphore();

  // Takes one permit, parking for it as long as the deadline allows. False on
  // timeout (and the count is unchanged).
  bool acquire(Deadline deadline = kNoDeadline);
  bool acquire(const SemaWait& how);
  bool try_acquire();

  // Gives `n` >= 0 permits: to parked parties first, in queue order.
  void release(std::int64_t n = 1);

  // Snapshots, for tests and dumps.
  std::int64_t count() const { return count_.load(std::memory_order_relaxed); }
  std::size_t waiters() const;

 private:
  // Grows only under lock_; try_acquire takes from it without the lock.
  std::atomic<std::int64_t> count_;
  mutable std::mutex lock_;
  detail::WaitList queue_;  // parties parked in acquire(), in the order they get permits
};

}  // namespace goos
