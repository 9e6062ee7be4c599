#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "../support/parties.h"
#include "goos/mutex.h"

namespace goos {
namespace {

using namespace std::chrono_literals;
using test::nap;
using test::Parties;

TEST(mutex, try_lock_fails_while_locked) {
  Mutex m;
  EXPECT_TRUE(m.try_lock());
  EXPECT_FALSE(m.try_lock());
  EXPECT_TRUE(m.unlock());
  m.lock();
  EXPECT_FALSE(m.try_lock());
  EXPECT_TRUE(m.unlock());
}

TEST(mutex, unlock_of_an_unlocked_mutex_returns_false_and_changes_nothing) {
  Mutex m;
  EXPECT_FALSE(m.unlock());
  EXPECT_TRUE(m.try_lock()) << "a refused unlock left the mutex locked";
  EXPECT_TRUE(m.unlock());
  EXPECT_FALSE(m.unlock());
  m.lock();
  EXPECT_TRUE(m.unlock());
}

TEST(mutex, lock_blocks_until_unlock) {
  Mutex m;
  m.lock();
  std::atomic<bool> locked{false};
  Parties p;
  p.go([&] {
    m.lock();
    locked = true;
    EXPECT_TRUE(m.unlock());
  });
  nap(20ms);
  EXPECT_FALSE(locked);
  EXPECT_TRUE(m.unlock());
  p.join();
  EXPECT_TRUE(locked);
}

TEST(mutex, any_party_may_unlock) {
  Mutex m;
  m.lock();
  Parties p;
  p.go([&] { EXPECT_TRUE(m.unlock()); });
  p.join();
  EXPECT_TRUE(m.try_lock());
  EXPECT_TRUE(m.unlock());
}

TEST(mutex, protects_a_counter_incremented_by_8_parties_10k_times) {
  constexpr int kParties = 8;
  constexpr int kIncrements = 10'000;
  Mutex m;
  long counter = 0;  // plain memory: only the mutex orders the increments
  Parties p;
  for (int k = 0; k < kParties; ++k) {
    p.go([&] {
      for (int i = 0; i < kIncrements; ++i) {
        m.lock();
        ++counter;
        ASSERT_TRUE(m.unlock());
      }
    });
  }
  p.join();
  EXPECT_EQ(counter, long{kParties} * kIncrements);
  EXPECT_TRUE(m.try_lock());
  EXPECT_TRUE(m.unlock());
}

TEST(mutex, try_lock_and_lock_mixed_keep_exclusion) {
  Mutex m;
  std::atomic<int> inside{0};
  std::atomic<bool> overlapped{false};
  Parties p;
  for (int k = 0; k < 4; ++k) {
    p.go([&, k] {
      for (int i = 0; i < 5000; ++i) {
        if (k % 2 == 0) {
          m.lock();
        } else if (!m.try_lock()) {
          continue;
        }
        if (++inside != 1) overlapped = true;
        --inside;
        ASSERT_TRUE(m.unlock());
      }
    });
  }
  p.join();
  EXPECT_FALSE(overlapped);
}

// The test body is a hog: it holds the mutex for a while, lets go and takes it
// back at once, over and over. In normal mode a woken waiter nearly always loses
// that race (the hog is already running; the waiter has to be scheduled first) and
// the mutex is almost never free when it looks. Once a waiter has waited more
// than 1 ms it switches the mutex to starvation mode: unlock() hands the mutex
// straight to the front waiter, and the hog has to queue behind the starved ones.
TEST(mutex, starved_waiters_get_the_lock_from_a_barging_hog) {
  constexpr int kWaiters = 3;
  Mutex m;
  std::atomic<int> served{0};
  m.lock();
  Parties p;
  for (int k = 0; k < kWaiters; ++k) {
    p.go([&] {
      m.lock();
      ++served;
      EXPECT_TRUE(m.unlock());
    });
  }
  nap(20ms);  // the waiters are parked, past the starvation threshold
  const Deadline give_up = deadline_after(20s);
  while (served.load() < kWaiters && Clock::now() < give_up) {
    const Deadline hold_until = deadline_after(std::chrono::microseconds(100));
    while (Clock::now() < hold_until) {
    }
    ASSERT_TRUE(m.unlock());
    m.lock();
  }
  EXPECT_TRUE(m.unlock());
  EXPECT_EQ(served.load(), kWaiters) << "starved waiters never got the mutex";
  p.join();
}

// Drives a mutex into starvation mode, then checks the hand-off itself: the hog's
// unlock() gives the mutex to the starved waiter, so the hog's lock() right after
// it returns only once the waiter has had the mutex.
//
// The waiter must be slower to wake than the hog is to take the mutex back, or it
// never starves. That is a property of threads, not of goroutines (a goroutine on
// a busy M can run before the waker's unlock() even returns), so the waiter here
// is an OS thread under every launch policy; the test above covers the policies.
// Should the waiter win a race before it starves, the scenario starts again.
TEST(mutex, in_starvation_mode_unlock_hands_the_mutex_to_the_waiter) {
  bool starved = false;
  for (int attempt = 0; attempt < 20 && !starved; ++attempt) {
    Mutex m;
    std::atomic<bool> served{false};
    m.lock();
    std::thread waiter([&] {
      m.lock();
      served = true;
      EXPECT_TRUE(m.unlock());
    });
    nap(5ms);
    const Deadline give_up = deadline_after(5s);
    // The waiter switches to starvation mode while the hog holds the mutex, and
    // the mode lasts until the hog's next unlock(): look just before it.
    for (;;) {
      const Deadline hold_until = deadline_after(std::chrono::microseconds(100));
      while (Clock::now() < hold_until) {
      }
      if (served || m.starving() || Clock::now() >= give_up) break;
      ASSERT_TRUE(m.unlock());
      m.lock();
    }
    if (m.starving()) {
      starved = true;
      ASSERT_TRUE(m.unlock());  // hands the mutex to the starved waiter
      m.lock();                 // the hog comes straight back for it...
      EXPECT_TRUE(served) << "...and got it before the starved waiter did";
      EXPECT_FALSE(m.starving()) << "starvation mode outlived its last waiter";
    }
    EXPECT_TRUE(m.unlock());
    waiter.join();
  }
  EXPECT_TRUE(starved) << "the mutex never entered starvation mode";
}

}  // namespace
}  // namespace goos
