#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>

#include "../support/parties.h"
#include "goos/waitgroup.h"

namespace goos {
namespace {

using namespace std::chrono_literals;
using test::nap;
using test::Parties;

TEST(waitgroup, wait_returns_at_once_when_the_counter_is_zero) {
  WaitGroup wg;
  EXPECT_TRUE(wg.wait());
  EXPECT_TRUE(wg.wait(Clock::now() - 1s));
}

TEST(waitgroup, wait_blocks_until_every_task_is_done) {
  WaitGroup wg;
  std::atomic<int> finished{0};
  ASSERT_TRUE(wg.add(3));
  Parties p;
  for (int k = 0; k < 3; ++k) {
    p.go([&, k] {
      nap(std::chrono::milliseconds(5 * (k + 1)));
      ++finished;
      EXPECT_TRUE(wg.done());
    });
  }
  EXPECT_TRUE(wg.wait());
  EXPECT_EQ(finished.load(), 3) << "wait returned before every done()";
  EXPECT_EQ(wg.count(), 0);
  p.join();
}

TEST(waitgroup, negative_add_is_refused_and_changes_nothing) {
  WaitGroup wg;
  EXPECT_FALSE(wg.add(-1));
  EXPECT_EQ(wg.count(), 0);
  ASSERT_TRUE(wg.add(1));
  EXPECT_FALSE(wg.add(-2));
  EXPECT_EQ(wg.count(), 1);
  EXPECT_TRUE(wg.done());
  EXPECT_FALSE(wg.done());
  EXPECT_EQ(wg.count(), 0);
  EXPECT_TRUE(wg.wait());
}

TEST(waitgroup, overflowing_add_is_refused) {
  WaitGroup wg;
  ASSERT_TRUE(wg.add(std::numeric_limits<std::int64_t>::max()));
  EXPECT_FALSE(wg.add(1));
  EXPECT_EQ(wg.count(), std::numeric_limits<std::int64_t>::max());
  EXPECT_TRUE(wg.add(-std::numeric_limits<std::int64_t>::max()));
  EXPECT_TRUE(wg.wait());
}

TEST(waitgroup, wait_times_out_and_a_later_wait_succeeds) {
  WaitGroup wg;
  ASSERT_TRUE(wg.add(1));
  const Deadline start = Clock::now();
  EXPECT_FALSE(wg.wait(start + 30ms));
  EXPECT_GE(Clock::now() - start, 30ms);
  EXPECT_TRUE(wg.done());
  EXPECT_TRUE(wg.wait(deadline_after(10s)));
}

TEST(waitgroup, a_timed_out_waiter_does_not_end_a_later_round_early) {
  WaitGroup wg;
  ASSERT_TRUE(wg.add(1));
  EXPECT_FALSE(wg.wait(deadline_after(5ms)));
  EXPECT_TRUE(wg.done());
  ASSERT_TRUE(wg.add(1));
  EXPECT_FALSE(wg.wait(deadline_after(20ms))) << "the new round ended before its done()";
  EXPECT_TRUE(wg.done());
  EXPECT_TRUE(wg.wait());
}

TEST(waitgroup, every_waiter_is_woken_at_zero) {
  WaitGroup wg;
  std::atomic<int> woken{0};
  ASSERT_TRUE(wg.add(1));
  Parties p;
  for (int k = 0; k < 4; ++k) {
    p.go([&] {
      EXPECT_TRUE(wg.wait());
      ++woken;
    });
  }
  nap(20ms);
  EXPECT_EQ(woken.load(), 0);
  EXPECT_TRUE(wg.done());
  p.join();
  EXPECT_EQ(woken.load(), 4);
}

TEST(waitgroup, can_be_reused_round_after_round) {
  WaitGroup wg;
  for (int round = 0; round < 50; ++round) {
    std::atomic<int> finished{0};
    ASSERT_TRUE(wg.add(2));
    Parties p;
    for (int k = 0; k < 2; ++k) {
      p.go([&] {
        ++finished;
        EXPECT_TRUE(wg.done());
      });
    }
    ASSERT_TRUE(wg.wait());
    EXPECT_EQ(finished.load(), 2) << "round " << round;
    p.join();
  }
}

TEST(waitgroup, many_adds_and_dones_from_many_parties_balance_out) {
  WaitGroup wg;
  Parties p;
  for (int k = 0; k < 4; ++k) {
    p.go([&] {
      for (int i = 0; i < 5000; ++i) {
        ASSERT_TRUE(wg.add(1));
        ASSERT_TRUE(wg.done());
      }
    });
  }
  p.join();
  EXPECT_EQ(wg.count(), 0);
  EXPECT_TRUE(wg.wait(Clock::now()));
}

}  // namespace
}  // namespace goos
