// Goroutine C stacks: reserved virtual memory, committed by the kernel page by
// page as the stack is touched (so a stack grows with use), carved from large
// slabs (so 200k+ stacks cost few memory maps), cached per M and reused, and
// shrunk when they go back to a cache (pages below a small hot region are
// returned to the kernel, but only when the stack grew into them).
//
// Layout of one slot, low addresses first:
//
//   [ guard or moat page | usable stack ............................ top )
//                        ^ base: lowest usable byte    hot region ^^^^^^
//
// Overflow detection:
//  - guarded slots: the page below `base` is PROT_NONE; touching it faults, and
//    the fault handler names the goroutine (see Stack::in_guard). Each guard
//    splits the slab's mapping, costing two of the kernel's vm.max_map_count
//    maps, so only a budget of slots gets one.
//  - other slots: a *zero canary*. The lowest kCanaryBytes of the stack are
//    never written by anyone but an overflowing goroutine and read as zero while
//    untouched, so the scheduler checks them at every switch; a non-zero byte
//    means overflow. Reading the untouched canary must cost no memory: where the
//    kernel maps its shared zero page on a read fault (almost everywhere) it is
//    just read; where it has none the read would allocate a page per stack, so
//    the canary is read only if mincore(2) says its page is resident (an
//    untouched page is zero by definition). See untouched_reads_are_free().
//
// Invariants:
//  - a Stack is owned by exactly one of: the allocator's free list, one
//    StackCache, or one goroutine.
//  - the canary bytes of every stack not owned by a goroutine are zero.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace goos {

struct Stack {
  char* base = nullptr;  // lowest usable byte: the stack grows down towards it
  char* top = nullptr;   // one past the highest usable byte: the initial stack pointer
  bool guarded = false;  // a PROT_NONE page lies just below base

  std::size_t size() const { return static_cast<std::size_t>(top - base); }
  explicit operator bool() const { return base != nullptr; }
  // True when `addr` is in this stack's guard page (a fault there is an overflow).
  bool in_guard(const void* addr) const;
};

struct StackOptions {
  std::size_t stack_size = 256 * 1024;  // usable bytes, rounded up to whole pages
  std::size_t hot_bytes = 16 * 1024;    // kept committed when a stack is reused
  // How many slots may have a guard page; by default as many as fit in half of
  // what vm.max_map_count leaves after the maps the process already has.
  std::size_t guard_budget = kAutoGuardBudget;
  static constexpr std::size_t kAutoGuardBudget = static_cast<std::size_t>(-1);
};

struct StackStats {
  std::size_t slabs = 0;
  std::size_t slots = 0;    // carved so far
  std::size_t in_use = 0;   // owned by caches or goroutines
  std::size_t guarded = 0;  // slots with a guard page
  std::size_t shrinks = 0;  // madvise calls that returned pages
};

// The process-wide source of stacks. Thread-safe.
class StackAllocator {
 public:
  static constexpr std::size_t kCanaryBytes = 64;

  explicit StackAllocator(StackOptions options = {});
  ~StackAllocator();  // unmaps every slab: every stack must be back by then
  StackAllocator(const StackAllocator&) = delete;
  StackAllocator& operator=(const StackAllocator&) = delete;

  // A stack with zero canary bytes. Aborts with a message when the kernel
  // refuses memory (as Go does: a goroutine cannot run without a stack).
  Stack allocate();
  void deallocate(const Stack& stack);

  // False when the stack overflowed past its usable bytes (see the canary).
  static bool canary_intact(const Stack& stack);

  // Whether a read fault on untouched memory maps the kernel's shared zero page
  // (so reading a canary or a stripe nobody wrote costs no memory). Probed once
  // per process. When false, those reads ask mincore(2) first: no memory, but
  // a system call per check (about 1 us on a VM).
  static bool untouched_reads_are_free();
  // Tests and benchmarks: behave as on a kernel without a zero page (true), or
  // as the probe finds (false). Both ways are right on every kernel.
  static void assume_no_zero_page(bool yes);

  // Returns the pages below the hot region to the kernel if the stack grew
  // into them (detected without a system call). Called by the stack's owner.
  void shrink(const Stack& stack);

  const StackOptions& options() const { return options_; }
  StackStats stats() const;

 private:
  struct Slab {
    char* memory;
    std::size_t bytes;
  };
  void add_slab();  // caller holds lock_

  StackOptions options_;
  std::size_t page_;
  std::size_t slot_bytes_;
  std::size_t slots_per_slab_;

  mutable std::mutex lock_;
  std::vector<Slab> slabs_;  // guarded by lock_
  std::vector<Stack> free_;  // guarded by lock_
  StackStats stats_;         // guarded by lock_, except shrinks (atomic below)
  std::size_t guards_left_;  // guarded by lock_
  std::atomic<std::size_t> shrinks_{0};
};

// One M's cache of stacks: reuse without touching the allocator's lock. Not
// thread-safe: only its M uses it.
class StackCache {
 public:
  explicit StackCache(StackAllocator& allocator, std::size_t capacity = 64);
  ~StackCache();  // gives every cached stack back to the allocator
  StackCache(const StackCache&) = delete;
  StackCache& operator=(const StackCache&) = delete;

  Stack acquire();
  // Shrinks the stack if it grew, then keeps it (or, when full, hands half the
  // cache back to the allocator). Precondition: canary_intact(stack).
  void release(const Stack& stack);
  std::size_t cached() const { return stacks_.size(); }

 private:
  StackAllocator& allocator_;
  std::size_t capacity_;
  std::vector<Stack> stacks_;
};

}  // namespace goos
