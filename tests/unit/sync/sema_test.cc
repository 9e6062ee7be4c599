#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

#include "../support/parties.h"
#include "goos/chan.h"
#include "goos/sema.h"

namespace goos {
namespace {

using namespace std::chrono_literals;
using test::eventually;
using test::Parties;

TEST(semaphore, takes_available_permits_without_blocking) {
  Semaphore s(2);
  EXPECT_TRUE(s.acquire());
  EXPECT_TRUE(s.try_acquire());
  EXPECT_FALSE(s.try_acquire());
  EXPECT_EQ(s.count(), 0);
  s.release(3);
  EXPECT_EQ(s.count(), 3);
}

TEST(semaphore, waiters_get_permits_in_fifo_order) {
  constexpr int kWaiters = 4;
  Semaphore s;
  Chan<int> order(kWaiters);
  Parties p;
  for (int i = 0; i < kWaiters; ++i) {
    p.go([&, i] {
      EXPECT_TRUE(s.acquire());
      order.send(i);
    });
    ASSERT_TRUE(eventually([&] { return s.waiters() == static_cast<std::size_t>(i + 1); }));
  }
  for (int i = 0; i < kWaiters; ++i) {
    s.release(1);
    EXPECT_EQ(order.recv(), i);
  }
  p.join();
  EXPECT_EQ(s.count(), 0);
}

TEST(semaphore, a_lifo_waiter_goes_to_the_front) {
  Semaphore s;
  Chan<int> order(3);
  Parties p;
  for (int i = 0; i < 3; ++i) {
    p.go([&, i] {
      SemaWait how;
      how.lifo = i == 2;
      EXPECT_TRUE(s.acquire(how));
      order.send(i);
    });
    ASSERT_TRUE(eventually([&] { return s.waiters() == static_cast<std::size_t>(i + 1); }));
  }
  for (int expected : {2, 0, 1}) {
    s.release(1);
    EXPECT_EQ(order.recv(), expected);
  }
  p.join();
}

TEST(semaphore, release_hands_permits_to_waiters_before_newcomers) {
  Semaphore s;
  Parties p;
  p.go([&] { EXPECT_TRUE(s.acquire()); });
  ASSERT_TRUE(eventually([&] { return s.waiters() == 1; }));
  s.release(1);
  EXPECT_FALSE(s.try_acquire()) << "a newcomer took the parked party's permit";
  p.join();
  EXPECT_EQ(s.count(), 0);
}

TEST(semaphore, release_of_many_wakes_that_many_and_keeps_the_rest) {
  Semaphore s;
  std::atomic<int> acquired{0};
  Parties p;
  for (int i = 0; i < 3; ++i) {
    p.go([&] {
      EXPECT_TRUE(s.acquire());
      ++acquired;
    });
  }
  ASSERT_TRUE(eventually([&] { return s.waiters() == 3; }));
  s.release(5);
  p.join();
  EXPECT_EQ(acquired.load(), 3);
  EXPECT_EQ(s.count(), 2);
}

TEST(semaphore, acquire_times_out_and_leaves_the_count_alone) {
  Semaphore s;
  const Deadline start = Clock::now();
  EXPECT_FALSE(s.acquire(start + 30ms));
  EXPECT_GE(Clock::now() - start, 30ms);
  EXPECT_EQ(s.count(), 0);
  EXPECT_EQ(s.waiters(), 0u);
}

TEST(semaphore, a_timed_out_waiter_does_not_swallow_a_later_permit) {
  Semaphore s;
  EXPECT_FALSE(s.acquire(deadline_after(10ms)));
  s.release(1);
  EXPECT_EQ(s.count(), 1);
  EXPECT_TRUE(s.try_acquire());
}

TEST(semaphore, a_waiter_with_a_deadline_is_served_before_it) {
  Semaphore s;
  Parties p;
  p.go([&] { EXPECT_TRUE(s.acquire(deadline_after(10s))); });
  ASSERT_TRUE(eventually([&] { return s.waiters() == 1; }));
  s.release(1);
  p.join();
}

TEST(semaphore, bounds_concurrency_to_its_permits) {
  constexpr int kPermits = 2;
  Semaphore s(kPermits);
  std::atomic<int> inside{0};
  std::atomic<int> most{0};
  Parties p;
  for (int k = 0; k < 6; ++k) {
    p.go([&] {
      for (int i = 0; i < 2000; ++i) {
        ASSERT_TRUE(s.acquire());
        const int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        --inside;
        s.release(1);
      }
    });
  }
  p.join();
  EXPECT_LE(most.load(), kPermits);
  EXPECT_EQ(s.count(), kPermits);
}

}  // namespace
}  // namespace goos
