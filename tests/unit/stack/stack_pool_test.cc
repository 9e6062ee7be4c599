#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "goos/stack_pool.h"

namespace goos {
namespace {

const std::size_t kPage = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));

// How many pages of [begin, end) the kernel has backed with memory.
std::size_t resident_pages(const char* begin, const char* end) {
  std::vector<unsigned char> vec((end - begin) / kPage);
  EXPECT_EQ(mincore(const_cast<char*>(begin), end - begin, vec.data()), 0) << std::strerror(errno);
  std::size_t n = 0;
  for (unsigned char v : vec) n += v & 1;
  return n;
}

// Resident set size in pages, as the kernel accounts it (the shared zero page is
// mapped but not charged).
std::size_t rss_pages() {
  std::ifstream statm("/proc/self/statm");
  std::size_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident;
}

std::size_t map_count() {
  std::ifstream maps("/proc/self/maps");
  std::size_t n = 0;
  for (std::string line; std::getline(maps, line);) ++n;
  return n;
}

TEST(stack_pool, a_new_stack_costs_no_memory_until_touched_and_grows_with_use) {
  StackAllocator allocator({.stack_size = 256 * 1024});
  Stack stack = allocator.allocate();
  EXPECT_EQ(stack.size(), 256u * 1024);
  EXPECT_EQ(resident_pages(stack.base, stack.top), 0u);
  std::memset(stack.top - 3 * kPage, 1, 3 * kPage);
  EXPECT_EQ(resident_pages(stack.base, stack.top), 3u);
  allocator.shrink(stack);
  allocator.deallocate(stack);
}

TEST(stack_pool, a_cache_reuses_its_stacks) {
  StackAllocator allocator;
  StackCache cache(allocator);
  Stack first = cache.acquire();
  cache.release(first);
  Stack again = cache.acquire();
  EXPECT_EQ(again.base, first.base);
  cache.release(again);
  EXPECT_EQ(allocator.stats().slots, allocator.stats().slots);  // no new slab needed
  EXPECT_EQ(allocator.stats().slabs, 1u);
}

TEST(stack_pool, a_stack_that_grew_is_shrunk_to_its_hot_region_when_released) {
  StackAllocator allocator({.stack_size = 256 * 1024, .hot_bytes = 16 * 1024});
  StackCache cache(allocator);
  Stack stack = cache.acquire();
  // Use the whole stack except the canary, as deep recursion would.
  std::memset(stack.base + StackAllocator::kCanaryBytes, 0x5a,
              stack.size() - StackAllocator::kCanaryBytes);
  EXPECT_EQ(resident_pages(stack.base, stack.top), stack.size() / kPage);
  cache.release(stack);
  EXPECT_EQ(resident_pages(stack.base, stack.top - 16 * 1024), 0u) << "cold pages returned";
  EXPECT_EQ(resident_pages(stack.top - 16 * 1024, stack.top), 4u) << "hot region kept";
  EXPECT_GE(allocator.stats().shrinks, 1u);
}

TEST(stack_pool, a_stack_that_stayed_in_its_hot_region_is_not_shrunk) {
  StackAllocator allocator({.stack_size = 256 * 1024, .hot_bytes = 16 * 1024});
  StackCache cache(allocator);
  Stack stack = cache.acquire();
  std::memset(stack.top - 8 * 1024, 0x5a, 8 * 1024);
  cache.release(stack);
  EXPECT_EQ(allocator.stats().shrinks, 0u);
  EXPECT_EQ(resident_pages(stack.top - 16 * 1024, stack.top), 2u);
}

TEST(stack_pool, two_hundred_thousand_stacks_fit_in_the_default_map_budget) {
  StackAllocator allocator({.stack_size = 64 * 1024});
  std::vector<Stack> stacks;
  stacks.reserve(200'000);
  for (int i = 0; i < 200'000; ++i) stacks.push_back(allocator.allocate());
  const std::size_t maps = map_count();
  EXPECT_LT(maps, 65530u) << "vm.max_map_count's default would refuse this many maps";
  StackStats stats = allocator.stats();
  EXPECT_EQ(stats.in_use, 200'000u);
  EXPECT_GT(stats.guarded, 1000u) << "guard pages while the budget lasts";
  EXPECT_LT(stats.guarded, 200'000u);
  for (const Stack& s : stacks) allocator.deallocate(s);
}

TEST(stack_pool, touching_a_guard_page_faults) {
#ifdef GOOS_SANITIZED
  GTEST_SKIP() << "a sanitizer catches the fault itself, before the kernel's signal";
#endif
  StackAllocator allocator({.stack_size = 64 * 1024, .guard_budget = 4});
  Stack stack = allocator.allocate();
  ASSERT_TRUE(stack.guarded);
  EXPECT_TRUE(stack.in_guard(stack.base - 1));
  EXPECT_FALSE(stack.in_guard(stack.base));
  EXPECT_EXIT(*reinterpret_cast<volatile char*>(stack.base - 1) = 1,
              testing::KilledBySignal(SIGSEGV), "");
  allocator.deallocate(stack);
}

// Behaves as on a kernel without the shared zero page for its lifetime, so that
// the mincore path of the canary check runs on every kernel.
struct AsWithoutAZeroPage {
  AsWithoutAZeroPage() { StackAllocator::assume_no_zero_page(true); }
  ~AsWithoutAZeroPage() { StackAllocator::assume_no_zero_page(false); }
};

TEST(stack_pool, the_zero_page_probe_agrees_with_what_reading_untouched_memory_costs) {
#ifdef GOOS_SANITIZED
  GTEST_SKIP() << "a sanitizer's shadow memory grows with every read, so RSS says nothing";
#endif
  constexpr std::size_t kPages = 256;
  char* memory = static_cast<char*>(mmap(nullptr, kPages * kPage, PROT_READ | PROT_WRITE,
                                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0));
  ASSERT_NE(memory, MAP_FAILED) << std::strerror(errno);
  madvise(memory, kPages * kPage, MADV_NOHUGEPAGE);
  const std::size_t before = rss_pages();
  for (std::size_t i = 0; i < kPages; ++i) (void)*static_cast<volatile char*>(memory + i * kPage);
  const std::size_t grown = rss_pages() - before;
  munmap(memory, kPages * kPage);
  if (StackAllocator::untouched_reads_are_free()) {
    EXPECT_LT(grown, kPages / 2) << "the probe found a zero page, but reads cost memory";
  } else {
    EXPECT_GE(grown, kPages / 2) << "the probe found no zero page, but reads cost nothing";
  }
}

// Checks the canaries of 2000 untouched unguarded stacks. On every kernel, with
// or without a zero page, that must cost no memory.
void check_untouched_canaries() {
  StackAllocator allocator({.stack_size = 64 * 1024, .guard_budget = 0});
  std::vector<Stack> stacks;
  for (int i = 0; i < 2000; ++i) stacks.push_back(allocator.allocate());
  [[maybe_unused]] const std::size_t before = rss_pages();
  for (const Stack& s : stacks) EXPECT_TRUE(StackAllocator::canary_intact(s));
#ifndef GOOS_SANITIZED  // a sanitizer's shadow memory grows with every read, so RSS says nothing
  EXPECT_LT(rss_pages() - before, 200u) << "2000 canaries read; a page each would be 2000";
#endif
  if (!StackAllocator::untouched_reads_are_free()) {
    // The check must not fault the canary's page in at all: on a kernel with a
    // zero page the RSS above could not tell, this can.
    std::size_t faulted_in = 0;
    for (const Stack& s : stacks) faulted_in += resident_pages(s.base, s.base + kPage);
    EXPECT_EQ(faulted_in, 0u) << "untouched canary pages were read";
  }
  for (const Stack& s : stacks) allocator.deallocate(s);
}

TEST(stack_pool, checking_zero_canaries_costs_no_memory) {
  {
    SCOPED_TRACE(StackAllocator::untouched_reads_are_free() ? "this kernel: a zero page"
                                                            : "this kernel: no zero page");
    check_untouched_canaries();
  }
  {
    SCOPED_TRACE("as without a zero page");
    AsWithoutAZeroPage no_zero_page;
    check_untouched_canaries();
  }
}

void overflow_an_unguarded_stack() {
  StackAllocator allocator({.stack_size = 64 * 1024, .guard_budget = 0});
  Stack stack = allocator.allocate();
  ASSERT_FALSE(stack.guarded);
  EXPECT_TRUE(StackAllocator::canary_intact(stack));
  stack.base[3] = 7;
  EXPECT_FALSE(StackAllocator::canary_intact(stack));
  stack.base[3] = 0;
  stack.base[StackAllocator::kCanaryBytes - 1] = 7;  // the canary's last byte counts too
  EXPECT_FALSE(StackAllocator::canary_intact(stack));
  allocator.shrink(stack);  // reads as zero again
  EXPECT_TRUE(StackAllocator::canary_intact(stack));
  allocator.deallocate(stack);
}

TEST(stack_pool, without_a_guard_an_overflow_breaks_the_zero_canary) {
  {
    SCOPED_TRACE(StackAllocator::untouched_reads_are_free() ? "this kernel: a zero page"
                                                            : "this kernel: no zero page");
    overflow_an_unguarded_stack();
  }
  {
    SCOPED_TRACE("as without a zero page");
    AsWithoutAZeroPage no_zero_page;
    overflow_an_unguarded_stack();
  }
}

}  // namespace
}  // namespace goos
