#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "goos/waiter.h"

namespace goos {
namespace {

using namespace std::chrono_literals;

// A one-slot wait queue, as a channel or a mutex would keep one.
struct Slot {
  std::mutex lock;
  Waiter* waiter = nullptr;
  Ticket ticket = 0;
  int value = 0;
};

TEST(thread_waiter, blocks_until_claimed_and_woken) {
  Slot slot;
  std::atomic<bool> returned{false};
  std::thread blocked([&] {
    detail::attach_current_thread();
    std::unique_lock guard(slot.lock);
    Waiter& w = Waiter::current();
    EXPECT_EQ(w.goroutine_id(), 0u);
    slot.ticket = w.prepare(WaitReason::kChanRecv);
    slot.waiter = &w;
    EXPECT_TRUE(w.block(slot.ticket, kNoDeadline, [&] { guard.unlock(); }));
    EXPECT_EQ(slot.value, 42);  // written by the waker between claim and wake
    returned = true;
    detail::detach_current_thread();
  });
  while (blocked_thread_count() == 0) std::this_thread::yield();
  std::this_thread::sleep_for(20ms);
  EXPECT_FALSE(returned);
  {
    std::lock_guard guard(slot.lock);
    ASSERT_TRUE(slot.waiter->claim(slot.ticket));
    slot.value = 42;
  }
  slot.waiter->wake(slot.ticket);
  blocked.join();
  EXPECT_TRUE(returned);
  EXPECT_EQ(blocked_thread_count(), 0);
}

TEST(thread_waiter, deadline_claims_the_episode_when_nobody_wakes) {
  Waiter& w = Waiter::current();
  Ticket t = w.prepare(WaitReason::kChanRecv);
  auto start = Clock::now();
  EXPECT_FALSE(w.block(t, start + 30ms, [] {}));
  EXPECT_GE(Clock::now() - start, 30ms);
  EXPECT_FALSE(w.claim(t)) << "the deadline owns the episode now";
  EXPECT_EQ(w.reason(), WaitReason::kNone);
}

TEST(thread_waiter, claim_of_an_older_episode_fails) {
  Waiter& w = Waiter::current();
  Ticket first = w.prepare(WaitReason::kMutex);
  ASSERT_TRUE(w.claim(first));
  w.wake(first);
  EXPECT_TRUE(w.block(first, kNoDeadline, [] {}));
  Ticket second = w.prepare(WaitReason::kMutex);
  EXPECT_GT(second, first);
  EXPECT_FALSE(w.claim(first));
  ASSERT_TRUE(w.claim(second));
  w.wake(second);
  EXPECT_TRUE(w.block(second, kNoDeadline, [] {}));
}

TEST(thread_waiter, exactly_one_of_many_racing_claims_wins) {
  for (int round = 0; round < 200; ++round) {
    Waiter& w = Waiter::current();
    Ticket t = w.prepare(WaitReason::kSelect);
    std::atomic<int> winners{0};
    std::vector<std::thread> wakers;
    for (int i = 0; i < 4; ++i) {
      wakers.emplace_back([&] {
        if (w.claim(t)) {
          winners.fetch_add(1);
          w.wake(t);
        }
      });
    }
    bool woken = w.block(t, Clock::now() + 1ms, [] {});
    for (auto& th : wakers) th.join();
    EXPECT_EQ(winners.load() + (woken ? 0 : 1), 1) << "round " << round;
  }
}

TEST(thread_waiter, sleep_until_returns_at_the_deadline_and_is_not_counted_as_blocked) {
  auto start = Clock::now();
  std::thread observer([&] {
    std::this_thread::sleep_for(10ms);
    EXPECT_EQ(blocked_thread_count(), 0) << "a sleep is not blocked on another party";
  });
  Waiter::current().sleep_until(start + 25ms);
  observer.join();
  EXPECT_GE(Clock::now() - start, 25ms);
}

}  // namespace
}  // namespace goos
