#include <gtest/gtest.h>

#include <cstring>

#include "goos/runtime.h"

namespace goos {
namespace {

constexpr std::size_t kStack = 64 * 1024;

// Recurses until its frames reach `floor`, writing every byte of each frame.
__attribute__((noinline)) int descend(const char* floor, int depth) {
  volatile char frame[1024];
  std::memset(const_cast<char*>(frame), depth & 0x7f, sizeof frame);
  if (const_cast<char*>(frame) <= floor) return frame[0];
  return descend(floor, depth + 1) + frame[sizeof frame - 1];
}

void overflow_a_goroutine(std::size_t guards, std::ptrdiff_t beyond_base) {
  RuntimeOptions options;
  options.max_procs = 1;
  options.stack_size = kStack;
  options.stack_guards = guards;
  Runtime rt(options);
  rt.go([beyond_base] {
    char top = 0;
    // `top` sits just below the stack's top, so this is at most a page below base.
    const char* floor = &top - kStack - beyond_base;
    volatile int sink = descend(floor, 0);
    (void)sink;
    this_goroutine::yield();  // a switch: where a canary is checked
  });
  rt.join();
}

TEST(stack_overflow, into_a_guard_page_is_a_fatal_error_naming_the_goroutine) {
#ifdef GOOS_SANITIZED
  GTEST_SKIP() << "a sanitizer reports the overflow itself";
#endif
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(overflow_a_goroutine(64, 1 << 30),
               "fatal error: stack overflow in goroutine 1: it needed more than its 64 KiB stack");
}

TEST(stack_overflow, past_a_zero_canary_is_a_fatal_error_at_the_next_switch) {
#ifdef GOOS_SANITIZED
  GTEST_SKIP() << "a sanitizer reports the overflow itself";
#endif
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(overflow_a_goroutine(0, 0),
               "fatal error: stack overflow: a goroutine overran its stack .goos.stack_size. "
               ".goroutine 1.");
}

}  // namespace
}  // namespace goos
