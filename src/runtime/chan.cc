// Channels.
//
// A channel is a lock, a ring buffer of capacity_ slots and two queues of parked
// parties (ChanWaiters, on the parties' own stacks). Every operation takes the lock,
// tries to complete without blocking (poll_*_locked, shared with select), and
// otherwise parks on its queue until a peer or close() claims its episode. The
// claimer moves the value itself, straight between the two parties' memory when
// one of them is parked (as Go's sendDirect/recvDirect), so a parked party
// returns with its work already done.
//
// Invariants (checked by check_invariants() under lock_):
//  - count_ <= capacity_.
//  - Buffered channel: count_ > 0 implies recvq_ is empty, and count_ < capacity_
//    implies sendq_ is empty. A sender hands its value to a parked receiver before
//    it buffers; a receiver refills the slot it frees from a parked sender; and
//    either drops the stale nodes it meets, so none survives the operation that
//    would make the queue "impossible".
//  - Unbuffered channel: sendq_ and recvq_ are not both non-empty, except when one
//    select parks on both directions of the channel (both fronts are then nodes of
//    that one episode).
//  - closed_ implies both queues are empty: close() claims or drops every node, and
//    nobody parks on a closed channel.
//  - A parked sender's value stays its own until the party that claims its episode
//    moves it; only that claimer touches a node's elem, so a value moves at most
//    once, and never after its sender gave up (timeout) or was woken by close.
#include "goos/chan.h"

#include <cassert>
#include <cstdint>
#include <stdexcept>

namespace goos {
namespace {

detail::ChanWaiter* claim_first(detail::WaitList& queue) {
  return static_cast<detail::ChanWaiter*>(queue.pop_claimed());
}

}  // namespace

const char* to_string(ChanStatus status) {
  switch (status) {
    case ChanStatus::kOk:
      return "ok";
    case ChanStatus::kClosed:
      return "closed";
    case ChanStatus::kTimeout:
      return "timeout";
    case ChanStatus::kWouldBlock:
      return "would block";
  }
  return "unknown";
}

RawChan::RawChan(std::size_t capacity, const ElemOps& ops)
    : ops_(ops),
      capacity_(capacity),
      stride_((ops.size + ops.align - 1) / ops.align * ops.align),
      buffer_(nullptr) {
  assert(ops.align != 0 && (ops.align & (ops.align - 1)) == 0);
  assert(ops.move_construct != nullptr && ops.destroy != nullptr);
  if (stride_ != 0 && capacity_ > SIZE_MAX / 2 / stride_) {
    throw std::length_error("goos: channel capacity out of range");
  }
  if (capacity_ * stride_ != 0) {
    buffer_ =
        static_cast<std::byte*>(::operator new (capacity_* stride_, std::align_val_t{ops_.align}));
  }
}

RawChan::~RawChan() {
  assert(((sendq_.empty() && recvq_.empty()) || detail::waits_abandoned()) &&
         "channel destroyed with parties blocked on it");
  while (count_ > 0) buffer_pop(nullptr);
  if (buffer_ != nullptr) ::operator delete (buffer_, std::align_val_t{ops_.align});
}

// Caller holds lock_, count_ < capacity_.
void RawChan::buffer_push(void* elem) {
  ops_.move_construct(slot(send_index_), elem);
  send_index_ = send_index_ + 1 == capacity_ ? 0 : send_index_ + 1;
  ++count_;
}

// Caller holds lock_, count_ > 0. A null `out` discards the value.
void RawChan::buffer_pop(void* out) {
  void* head = slot(recv_index_);
  if (out != nullptr) ops_.move_construct(out, head);
  ops_.destroy(head);
  recv_index_ = recv_index_ + 1 == capacity_ ? 0 : recv_index_ + 1;
  --count_;
}

void RawChan::check_invariants() const {
#ifndef NDEBUG
  assert(count_ <= capacity_);
  if (capacity_ > 0) {
    assert(count_ == 0 || recvq_.empty());
    assert(count_ == capacity_ || sendq_.empty());
  } else if (!sendq_.empty() && !recvq_.empty()) {
    assert(sendq_.front()->waiter == recvq_.front()->waiter &&
           sendq_.front()->ticket == recvq_.front()->ticket);
  }
  assert(!closed_ || (sendq_.empty() && recvq_.empty()));
#endif
}

RawChan::Poll RawChan::poll_send_locked(void* elem, detail::ChanWaiter** peer) {
  if (closed_) return Poll::kClosed;
  if (detail::ChanWaiter* receiver = claim_first(recvq_)) {
    // A parked receiver means an empty buffer: hand the value straight over.
    if (receiver->elem != nullptr) ops_.move_construct(receiver->elem, elem);
    receiver->fired = true;
    receiver->success = true;
    *peer = receiver;
    return Poll::kDone;
  }
  if (count_ < capacity_) {
    buffer_push(elem);
    return Poll::kDone;
  }
  return Poll::kNotReady;
}

RawChan::Poll RawChan::poll_recv_locked(void* out, detail::ChanWaiter** peer) {
  if (detail::ChanWaiter* sender = claim_first(sendq_)) {
    if (capacity_ == 0) {
      if (out != nullptr) ops_.move_construct(out, sender->elem);
    } else {
      // A parked sender means a full buffer: take its head, and the sender's
      // value takes the freed slot at the tail, keeping FIFO order.
      buffer_pop(out);
      buffer_push(sender->elem);
    }
    sender->fired = true;
    sender->success = true;
    *peer = sender;
    return Poll::kDone;
  }
  if (count_ > 0) {
    buffer_pop(out);
    return Poll::kDone;
  }
  return closed_ ? Poll::kClosed : Poll::kNotReady;
}

const RawChan::Direction RawChan::kSend = {&RawChan::poll_send_locked, &RawChan::sendq_,
                                           WaitReason::kChanSend};
const RawChan::Direction RawChan::kRecv = {&RawChan::poll_recv_locked, &RawChan::recvq_,
                                           WaitReason::kChanRecv};

// Send or receive: complete at once if a peer or the buffer allows, otherwise
// park on the direction's queue until a peer or close() claims the episode.
ChanStatus RawChan::operate(const Direction& dir, void* elem, Deadline deadline, bool block) {
  std::unique_lock guard(lock_);
  detail::ChanWaiter* peer = nullptr;
  switch ((this->*dir.poll)(elem, &peer)) {
    case Poll::kDone:
      check_invariants();
      guard.unlock();
      if (peer != nullptr) detail::wake(peer);
      return ChanStatus::kOk;
    case Poll::kClosed:
      return ChanStatus::kClosed;
    case Poll::kNotReady:
      break;
  }
  if (!block) return ChanStatus::kWouldBlock;
  if (deadline <= Clock::now()) return ChanStatus::kTimeout;
  detail::ChanWaiter self;
  self.elem = elem;
  if (!detail::park(guard, this->*dir.queue, self, dir.reason, deadline)) {
    return ChanStatus::kTimeout;
  }
  return self.success ? ChanStatus::kOk : ChanStatus::kClosed;
}

ChanStatus RawChan::send(void* elem, Deadline deadline) {
  assert(elem != nullptr);
  return operate(kSend, elem, deadline, true);
}

ChanStatus RawChan::try_send(void* elem) {
  assert(elem != nullptr);
  return operate(kSend, elem, kNoDeadline, false);
}

ChanStatus RawChan::recv(void* out, Deadline deadline) {
  return operate(kRecv, out, deadline, true);
}

ChanStatus RawChan::try_recv(void* out) { return operate(kRecv, out, kNoDeadline, false); }

bool RawChan::close() {
  detail::WakeList wakes;
  {
    std::lock_guard guard(lock_);
    if (closed_) return false;
    closed_ = true;
    // Receivers parked means nothing is buffered: they all get kClosed. Senders
    // keep their values.
    for (detail::WaitList* queue : {&recvq_, &sendq_}) {
      while (detail::ChanWaiter* waiter = claim_first(*queue)) {
        waiter->fired = true;
        waiter->success = false;
        wakes.push(waiter);
      }
    }
    check_invariants();
  }
  wakes.wake_all();
  return true;
}

bool RawChan::is_closed() const {
  std::lock_guard guard(lock_);
  return closed_;
}

std::size_t RawChan::len() const {
  std::lock_guard guard(lock_);
  return count_;
}

std::size_t RawChan::waiting_senders() const {
  std::lock_guard guard(lock_);
  return sendq_.size();
}

std::size_t RawChan::waiting_receivers() const {
  std::lock_guard guard(lock_);
  return recvq_.size();
}

}  // namespace goos
