// Channels: Go's chan, as a type-erased core (RawChan) shared by select and the
// PHP glue, and a typed facade (Chan<T>) for C++ callers.
//
// Ownership of values: a send moves from the caller's value only when it returns
// kOk; on kClosed or kTimeout the value is untouched and still the caller's, so
// nothing is lost. A recv constructs into the caller's uninitialised storage only
// when it returns kOk; the caller then owns (and destroys) the value. The source
// of a send always stays the caller's to destroy, moved-from or not.
//
// A channel is shared across threads by the glue (through std::shared_ptr): a
// party blocked in one of its operations must keep it alive.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <type_traits>
#include <utility>

#include "goos/clock.h"
#include "goos/sema.h"

namespace goos {

enum class ChanStatus {
  kOk,
  kClosed,      // send: the channel is closed; recv: closed and drained
  kTimeout,     // the deadline passed first
  kWouldBlock,  // try_send / try_recv: the operation cannot complete now
};

const char* to_string(ChanStatus status);

// How a channel moves the elements it holds as raw bytes.
struct ElemOps {
  std::size_t size;
  std::size_t align;  // a power of two
  // Constructs *dst (uninitialised storage) from *src, which stays valid and its
  // owner's. Must not throw: a transfer half done under a channel's lock could not
  // be undone.
  void (*move_construct)(void* dst, void* src) noexcept;
  void (*destroy)(void* obj) noexcept;

  template <typename T>
  static constexpr ElemOps of() {
    static_assert(std::is_nothrow_move_constructible_v<T> && std::is_nothrow_destructible_v<T>,
                  "channel elements move and die without throwing");
    return ElemOps{
        sizeof(T),
        alignof(T),
        [](void* dst, void* src) noexcept { ::new (dst) T(std::move(*static_cast<T*>(src))); },
        [](void* obj) noexcept { static_cast<T*>(obj)->~T(); },
    };
  }
};

namespace detail {

class Selector;

// A party blocked on one channel (Go's sudog), on the party's stack. `elem` is the
// value a sender offers or the storage a receiver offers (nullptr: the receiver
// discards the value). The party that claims the episode sets `fired` and
// `success` (a value moved; false: woken by close) before waking it.
struct ChanWaiter : WaitNode {
  void* elem = nullptr;
  bool fired = false;
  bool success = false;
};

}  // namespace detail

class RawChan {
 public:
  // capacity 0: unbuffered, every send meets a receiver. Throws std::length_error
  // when the buffer cannot be sized.
  RawChan(std::size_t capacity, const ElemOps& ops);
  RawChan(const RawChan&) = delete;
  RawChan& operator=(const RawChan&) = delete;
  // Destroys the buffered values. Precondition: nobody is blocked on the channel.
  ~RawChan();

  // Blocks until a receiver or a buffer slot takes *elem (kOk), the channel is
  // closed (kClosed, also when already closed) or the deadline passes (kTimeout).
  ChanStatus send(void* elem, Deadline deadline = kNoDeadline);
  // kOk, kClosed or kWouldBlock; never blocks.
  ChanStatus try_send(void* elem);

  // Blocks until a value is move-constructed into `out` (kOk), the channel is
  // closed and drained (kClosed) or the deadline passes (kTimeout). `out` may be
  // nullptr to discard the value.
  ChanStatus recv(void* out, Deadline deadline = kNoDeadline);
  // kOk, kClosed or kWouldBlock; never blocks.
  ChanStatus try_recv(void* out);

  // False when already closed (and nothing changes). Wakes every blocked receiver
  // (kClosed) and sender (kClosed, their values untouched); buffered values stay
  // receivable.
  bool close();
  bool is_closed() const;
  std::size_t len() const;
  std::size_t capacity() const { return capacity_; }
  const ElemOps& elem_ops() const { return ops_; }

  // Snapshots, for tests and dumps: parties parked in send / recv (a timed-out
  // or already served one may linger until it unlinks itself).
  std::size_t waiting_senders() const;
  std::size_t waiting_receivers() const;

 private:
  friend class detail::Selector;

  enum class Poll { kNotReady, kDone, kClosed };

  // The non-blocking halves, shared with select. Caller holds lock_. On kDone a
  // claimed peer may be left in *peer, to be woken once lock_ is dropped.
  Poll poll_send_locked(void* elem, detail::ChanWaiter** peer);
  Poll poll_recv_locked(void* out, detail::ChanWaiter** peer);

  // One direction of the channel, so that send and receive share one body.
  struct Direction {
    Poll (RawChan::*poll)(void* elem, detail::ChanWaiter** peer);
    detail::WaitList RawChan::*queue;
    WaitReason reason;
  };
  static const Direction kSend;
  static const Direction kRecv;
  ChanStatus operate(const Direction& dir, void* elem, Deadline deadline, bool block);

  void* slot(std::size_t index) const { return buffer_ + index * stride_; }
  void buffer_push(void* elem);
  void buffer_pop(void* out);
  void check_invariants() const;

  const ElemOps ops_;
  const std::size_t capacity_;
  const std::size_t stride_;  // ops_.size rounded up to ops_.align

  mutable std::mutex lock_;  // guards everything below
  std::byte* buffer_;        // capacity_ slots; the live ones are count_ from recv_index_
  std::size_t count_ = 0;
  std::size_t send_index_ = 0;
  std::size_t recv_index_ = 0;
  bool closed_ = false;
  detail::WaitList sendq_;  // ChanWaiters parked in send, offering their elem
  detail::WaitList recvq_;  // ChanWaiters parked in recv, offering storage
};

// Uninitialised storage for one received T: a recv or a select recv case
// constructs into storage(). It does not know whether it is full: whoever saw the
// value arrive (kOk, or select's ok on this case) must take() it.
template <typename T>
class RecvSlot {
 public:
  RecvSlot() = default;
  RecvSlot(const RecvSlot&) = delete;
  RecvSlot& operator=(const RecvSlot&) = delete;

  void* storage() { return storage_; }
  // Precondition: full. Leaves the slot empty.
  T take() {
    T* value = std::launder(reinterpret_cast<T*>(storage_));
    T out(std::move(*value));
    value->~T();
    return out;
  }

 private:
  alignas(T) std::byte storage_[sizeof(T)];
};

// A typed channel. The same ownership rules as RawChan, in T's terms.
template <typename T>
class Chan {
 public:
  explicit Chan(std::size_t capacity = 0) : raw_(capacity, ElemOps::of<T>()) {}

  // Moves from `value` only on kOk.
  ChanStatus send(T&& value, Deadline deadline = kNoDeadline) {
    return raw_.send(std::addressof(value), deadline);
  }
  ChanStatus send(const T& value, Deadline deadline = kNoDeadline) {
    T copy(value);
    return raw_.send(std::addressof(copy), deadline);
  }
  ChanStatus try_send(T&& value) { return raw_.try_send(std::addressof(value)); }
  ChanStatus try_send(const T& value) {
    T copy(value);
    return raw_.try_send(std::addressof(copy));
  }

  // Blocks for the next value; nullopt once the channel is closed and drained.
  std::optional<T> recv() {
    std::optional<T> out;
    recv(out);
    return out;
  }
  // Emplaces into `out` on kOk; otherwise leaves it alone.
  ChanStatus recv(std::optional<T>& out, Deadline deadline = kNoDeadline) {
    RecvSlot<T> slot;
    ChanStatus status = raw_.recv(slot.storage(), deadline);
    if (status == ChanStatus::kOk) out.emplace(slot.take());
    return status;
  }
  ChanStatus try_recv(std::optional<T>& out) {
    RecvSlot<T> slot;
    ChanStatus status = raw_.try_recv(slot.storage());
    if (status == ChanStatus::kOk) out.emplace(slot.take());
    return status;
  }

  bool close() { return raw_.close(); }
  bool is_closed() const { return raw_.is_closed(); }
  std::size_t len() const { return raw_.len(); }
  std::size_t capacity() const { return raw_.capacity(); }

  // For select cases and the glue.
  RawChan& raw() { return raw_; }

 private:
  RawChan raw_;
};

}  // namespace goos
