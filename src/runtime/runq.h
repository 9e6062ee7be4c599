// The queues a P owns, and the global queue.
//
//  LocalRunQueue  unstarted Gs of this P: a bounded lock-free ring (Go's runq).
//                 The owner puts and gets; thieves on other Ms take half.
//  PinnedQueue    started Gs of this P that are ready to run (yielded, or
//                 readied by this M). Owner only, so a plain intrusive FIFO.
//  Inbox          started Gs of this P readied by other threads: a
//                 multi-producer stack that the owner empties in one exchange.
//  GlobalQueue    unstarted Gs made outside goroutines, and a full ring's
//                 overflow. A mutex and an intrusive FIFO.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>

#include "g.h"

namespace goos {

class LocalRunQueue {
 public:
  static constexpr std::uint32_t kCapacity = 256;

  // Owner only. False when full (the caller moves half out: take_half_for_overflow).
  bool put(G* g) {
    std::uint32_t t = tail_.load(std::memory_order_relaxed);
    std::uint32_t h = head_.load(std::memory_order_acquire);
    if (t - h >= kCapacity) return false;
    slots_[t % kCapacity].store(g, std::memory_order_relaxed);
    tail_.store(t + 1, std::memory_order_release);
    return true;
  }

  // Owner only.
  G* get() {
    for (;;) {
      std::uint32_t h = head_.load(std::memory_order_acquire);
      std::uint32_t t = tail_.load(std::memory_order_relaxed);
      if (t == h) return nullptr;
      G* g = slots_[h % kCapacity].load(std::memory_order_relaxed);
      if (head_.compare_exchange_weak(h, h + 1, std::memory_order_release)) return g;
    }
  }

  // Any thread: takes up to half (rounded up) into `out`. Returns how many.
  std::uint32_t grab_half(G** out) {
    for (;;) {
      std::uint32_t h = head_.load(std::memory_order_acquire);
      std::uint32_t t = tail_.load(std::memory_order_acquire);
      std::uint32_t n = t - h;
      n -= n / 2;
      if (n == 0) return 0;
      if (n > kCapacity / 2) continue;  // read h and t out of step: retry
      for (std::uint32_t i = 0; i < n; ++i) {
        out[i] = slots_[(h + i) % kCapacity].load(std::memory_order_relaxed);
      }
      if (head_.compare_exchange_weak(h, h + n, std::memory_order_acq_rel)) return n;
    }
  }

  bool empty() const {
    return tail_.load(std::memory_order_acquire) == head_.load(std::memory_order_acquire);
  }
  std::uint32_t size() const {
    return tail_.load(std::memory_order_acquire) - head_.load(std::memory_order_acquire);
  }

 private:
  alignas(64) std::atomic<std::uint32_t> head_{0};  // consumers advance it
  alignas(64) std::atomic<std::uint32_t> tail_{0};  // only the owner advances it
  std::array<std::atomic<G*>, kCapacity> slots_{};
};

// An intrusive FIFO through G::next, for one thread.
class PinnedQueue {
 public:
  void push_back(G* g) {
    g->next = nullptr;
    if (tail_ != nullptr) {
      tail_->next = g;
    } else {
      head_ = g;
    }
    tail_ = g;
    size_++;
  }
  // Appends a chain linked through G::next, oldest first.
  void append(G* first, G* last, std::size_t n) {
    if (first == nullptr) return;
    if (tail_ != nullptr) {
      tail_->next = first;
    } else {
      head_ = first;
    }
    tail_ = last;
    size_ += n;
  }
  G* pop_front() {
    G* g = head_;
    if (g == nullptr) return nullptr;
    head_ = g->next;
    if (head_ == nullptr) tail_ = nullptr;
    g->next = nullptr;
    size_--;
    return g;
  }
  bool empty() const { return head_ == nullptr; }
  std::size_t size() const { return size_; }

 private:
  G* head_ = nullptr;
  G* tail_ = nullptr;
  std::size_t size_ = 0;
};

class Inbox {
 public:
  // Any thread.
  void push(G* g) {
    G* top = top_.load(std::memory_order_relaxed);
    do {
      g->next = top;
    } while (
        !top_.compare_exchange_weak(top, g, std::memory_order_release, std::memory_order_relaxed));
  }
  // Owner only: moves everything into `into`, oldest first.
  void drain_into(PinnedQueue& into) {
    G* g = top_.exchange(nullptr, std::memory_order_acquire);
    if (g == nullptr) return;
    G* newest = g;
    G* reversed = nullptr;
    std::size_t n = 0;
    while (g != nullptr) {
      G* next = g->next;
      g->next = reversed;
      reversed = g;
      g = next;
      ++n;
    }
    newest->next = nullptr;
    into.append(reversed, newest, n);
  }
  bool empty() const { return top_.load(std::memory_order_acquire) == nullptr; }

 private:
  std::atomic<G*> top_{nullptr};
};

class GlobalQueue {
 public:
  void push(G* g) {
    std::lock_guard guard(lock_);
    queue_.push_back(g);
    size_.store(queue_.size(), std::memory_order_release);
  }
  void push_chain(G* first, G* last, std::size_t n) {
    std::lock_guard guard(lock_);
    queue_.append(first, last, n);
    size_.store(queue_.size(), std::memory_order_release);
  }
  G* pop() {
    if (empty()) return nullptr;
    std::lock_guard guard(lock_);
    G* g = queue_.pop_front();
    size_.store(queue_.size(), std::memory_order_release);
    return g;
  }
  bool empty() const { return size_.load(std::memory_order_acquire) == 0; }
  std::size_t size() const { return size_.load(std::memory_order_acquire); }

 private:
  std::mutex lock_;
  PinnedQueue queue_;  // guarded by lock_
  std::atomic<std::size_t> size_{0};
};

}  // namespace goos
