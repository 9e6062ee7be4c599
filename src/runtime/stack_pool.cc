#include "goos/stack_pool.h"

#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define GOOS_HAVE_VALGRIND 1
#else
#define GOOS_HAVE_VALGRIND 0
#endif

namespace goos {

// Read in a SIGSEGV handler, where sysconf() is not allowed: computed at load.
const std::size_t g_page_size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));

namespace {

// Slabs of about this much address space: few maps, and little waste at the end.
constexpr std::size_t kSlabTargetBytes = std::size_t{128} << 20;
// How much of the stack right below the hot region is scanned for use. Read
// plainly: on a kernel without a zero page that read allocates the page if
// nothing touched it (HACKING.md, "The shrink stripe without a zero page").
constexpr std::size_t kStripeBytes = 512;
// Every this many releases a cache shrinks a stack even without seeing it grow:
// the stripe scan can miss a frame that jumped over the stripe without writing it.
constexpr unsigned kUnconditionalShrinkEvery = 256;

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "fatal error: goos: %s: %s\n", what, std::strerror(errno));
  std::abort();
}

std::size_t round_up(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

// Maps we may spend on guard pages: half of what vm.max_map_count leaves after
// the maps this process has now, minus a reserve for everything else it will map.
std::size_t automatic_guard_budget() {
  long max_maps = 65530;
  std::ifstream("/proc/sys/vm/max_map_count") >> max_maps;
  long used = 0;
  std::ifstream maps("/proc/self/maps");
  for (std::string line; std::getline(maps, line);) ++used;
  long left = max_maps - used - 8192;
  return left > 0 ? static_cast<std::size_t>(left / 2) : 0;
}

// Reads a stretch of a goroutine stack that no frame uses now. Under valgrind,
// memory below a stack pointer that once ran there counts as inaccessible;
// this read is deliberate (it is how shrinking and the canary work), so tell
// memcheck. A no-op outside valgrind.
bool all_zero(const char* p, std::size_t n) {
#if GOOS_HAVE_VALGRIND
  VALGRIND_MAKE_MEM_DEFINED(p, n);
#endif
  const auto* words = reinterpret_cast<const std::uint64_t*>(p);
  std::uint64_t any = 0;
  for (std::size_t i = 0; i < n / sizeof(std::uint64_t); ++i) any |= words[i];
  return any == 0;
}

// Whether a read fault on untouched private anonymous memory maps the kernel's
// shared zero page. It does on almost every kernel; a kernel can be built or
// booted without one (PVM guests with pvm_no_zero_page=1), and then the read
// allocates and zero-fills a page of its own, which stays resident.
//
// The probe: read some fresh pages, then write them. A write to a page that
// the read mapped to the zero page is a copy-on-write fault; a write to a page
// the read allocated is not a fault at all. Per-thread fault counts, so other
// threads do not disturb it, and no /proc (a chrooted php-fpm has none). Extra
// faults (a sanitizer's shadow memory) can only make it answer "zero page".
bool probe_zero_page() {
  constexpr std::size_t kPages = 16;
  const std::size_t page = g_page_size;
  void* memory = mmap(nullptr, kPages * page, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (memory == MAP_FAILED) return false;  // cannot tell: take the path that is right everywhere
  madvise(memory, kPages * page, MADV_NOHUGEPAGE);
  volatile char* bytes = static_cast<char*>(memory);
  for (std::size_t i = 0; i < kPages; ++i) (void)bytes[i * page];
  rusage before{}, after{};
  getrusage(RUSAGE_THREAD, &before);
  for (std::size_t i = 0; i < kPages; ++i) bytes[i * page] = 1;
  getrusage(RUSAGE_THREAD, &after);
  munmap(memory, kPages * page);
  return after.ru_minflt - before.ru_minflt >= static_cast<long>(kPages);
}

// 1: reading untouched memory is free (zero page); 0: it costs a page; -1: not
// probed yet. Two threads may both probe; they store the same answer.
std::atomic<int> g_untouched_reads_free{-1};

// Whether the page holding `p` is resident. mincore(2) reports a page that
// was never written since mmap or MADV_DONTNEED as not resident; such a page
// of private anonymous memory reads as zero. (So does a page swapped out, see
// reads_as_zero.)
bool resident(const char* p) {
  const auto page = reinterpret_cast<std::uintptr_t>(p) & ~(std::uintptr_t{g_page_size} - 1);
  unsigned char vec = 0;
  if (mincore(reinterpret_cast<void*>(page), 1, &vec) != 0) return true;  // cannot tell: read it
  return (vec & 1) != 0;
}

// all_zero for a stretch of a stack that may never have been touched, within
// one page, without making that page cost memory. Where the kernel has no zero
// page, an untouched page is not read: it is zero by definition. Swap: mincore
// calls a swapped-out page not resident, so a stretch written and then swapped
// out before this check reads as zero. Accepted (HACKING.md, "Stack canaries
// without a zero page"): it needs reclaim to take a page written in the run
// slice just ended, the bytes are seen at the first check after the page comes
// back, and pagemap's swap bit would cost a second system call per check.
bool reads_as_zero(const char* p, std::size_t n) {
  assert((reinterpret_cast<std::uintptr_t>(p) ^ reinterpret_cast<std::uintptr_t>(p + n - 1)) <
             g_page_size &&
         "the stretch lies within one page");
  if (!StackAllocator::untouched_reads_are_free() && !resident(p)) return true;
  return all_zero(p, n);
}

}  // namespace

bool StackAllocator::untouched_reads_are_free() {
  int free = g_untouched_reads_free.load(std::memory_order_relaxed);
  if (free < 0) {
    free = probe_zero_page() ? 1 : 0;
    g_untouched_reads_free.store(free, std::memory_order_relaxed);
  }
  return free == 1;
}

void StackAllocator::assume_no_zero_page(bool yes) {
  g_untouched_reads_free.store(yes ? 0 : -1, std::memory_order_relaxed);
}

bool Stack::in_guard(const void* addr) const {
  if (!guarded) return false;
  const char* a = static_cast<const char*>(addr);
  return a < base && a >= base - g_page_size;
}

StackAllocator::StackAllocator(StackOptions options)
    : options_(options), page_(static_cast<std::size_t>(sysconf(_SC_PAGESIZE))) {
  options_.stack_size = round_up(std::max(options_.stack_size, 4 * page_), page_);
  options_.hot_bytes = round_up(std::min(options_.hot_bytes, options_.stack_size / 2), page_);
  slot_bytes_ = page_ + options_.stack_size;
  slots_per_slab_ = std::clamp<std::size_t>(kSlabTargetBytes / slot_bytes_, 8, 512);
  guards_left_ = options_.guard_budget == StackOptions::kAutoGuardBudget ? automatic_guard_budget()
                                                                         : options_.guard_budget;
  untouched_reads_are_free();  // probe now, not in the first goroutine switch
}

StackAllocator::~StackAllocator() {
  assert(stats_.in_use == 0 && "stacks still owned when the allocator goes away");
  for (const Slab& slab : slabs_) munmap(slab.memory, slab.bytes);
}

void StackAllocator::add_slab() {
  const std::size_t bytes = slot_bytes_ * slots_per_slab_;
  // NORESERVE: nothing is charged until touched. MAP_STACK and NOHUGEPAGE keep
  // the kernel from backing a stack's first touch with a 2 MiB huge page.
  void* memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (memory == MAP_FAILED) die("cannot reserve memory for goroutine stacks");
  madvise(memory, bytes, MADV_NOHUGEPAGE);
  char* slab = static_cast<char*>(memory);
  slabs_.push_back({slab, bytes});
  // Pushed in reverse so that allocation walks the slab upwards.
  for (std::size_t i = slots_per_slab_; i-- > 0;) {
    char* slot = slab + i * slot_bytes_;
    Stack stack{slot + page_, slot + slot_bytes_, false};
    free_.push_back(stack);
  }
  stats_.slabs++;
  stats_.slots += slots_per_slab_;
}

Stack StackAllocator::allocate() {
  std::lock_guard guard(lock_);
  if (free_.empty()) add_slab();
  Stack stack = free_.back();
  free_.pop_back();
  if (!stack.guarded && guards_left_ > 0 && mprotect(stack.base - page_, page_, PROT_NONE) == 0) {
    stack.guarded = true;
    guards_left_--;
    stats_.guarded++;
  }
  stats_.in_use++;
  return stack;
}

void StackAllocator::deallocate(const Stack& stack) {
  std::lock_guard guard(lock_);
  assert(stats_.in_use > 0);
  stats_.in_use--;
  free_.push_back(stack);
}

bool StackAllocator::canary_intact(const Stack& stack) {
  return stack.guarded || reads_as_zero(stack.base, kCanaryBytes);
}

void StackAllocator::shrink(const Stack& stack) {
  char* hot_bottom = stack.top - options_.hot_bytes;
  // MADV_DONTNEED makes the pages read as zero again, canary included.
  if (madvise(stack.base, static_cast<std::size_t>(hot_bottom - stack.base), MADV_DONTNEED) == 0) {
    shrinks_.fetch_add(1, std::memory_order_relaxed);
  }
}

StackStats StackAllocator::stats() const {
  std::lock_guard guard(lock_);
  StackStats stats = stats_;
  stats.shrinks = shrinks_.load(std::memory_order_relaxed);
  return stats;
}

StackCache::StackCache(StackAllocator& allocator, std::size_t capacity)
    : allocator_(allocator), capacity_(std::max<std::size_t>(capacity, 2)) {
  stacks_.reserve(capacity_);
}

StackCache::~StackCache() {
  for (const Stack& stack : stacks_) allocator_.deallocate(stack);
}

Stack StackCache::acquire() {
  if (stacks_.empty()) return allocator_.allocate();
  Stack stack = stacks_.back();
  stacks_.pop_back();
  return stack;
}

void StackCache::release(const Stack& stack) {
  assert(StackAllocator::canary_intact(stack));
  static thread_local unsigned releases = 0;
  const char* stripe = stack.top - allocator_.options().hot_bytes - kStripeBytes;
  if (!all_zero(stripe, kStripeBytes) || ++releases % kUnconditionalShrinkEvery == 0) {
    allocator_.shrink(stack);
  }
  if (stacks_.size() == capacity_) {
    // Keep the most recently used half: their hot regions are likely in cache.
    for (std::size_t i = 0; i < capacity_ / 2; ++i) allocator_.deallocate(stacks_[i]);
    stacks_.erase(stacks_.begin(), stacks_.begin() + static_cast<std::ptrdiff_t>(capacity_ / 2));
  }
  stacks_.push_back(stack);
}

}  // namespace goos
