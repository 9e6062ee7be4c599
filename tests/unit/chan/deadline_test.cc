#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

#include "../support/parties.h"
#include "goos/chan.h"

namespace goos {
namespace {

using namespace std::chrono_literals;
using test::eventually;
using test::Parties;

TEST(chan, send_times_out_when_nobody_receives_and_keeps_the_value) {
  Chan<std::unique_ptr<int>> c;
  auto value = std::make_unique<int>(7);
  const Deadline start = Clock::now();
  EXPECT_EQ(c.send(std::move(value), start + 30ms), ChanStatus::kTimeout);
  EXPECT_GE(Clock::now() - start, 30ms);
  ASSERT_NE(value, nullptr) << "a timed-out send lost its value";
  EXPECT_EQ(*value, 7);
  EXPECT_EQ(c.raw().waiting_senders(), 0u) << "the timed-out sender is still parked";
}

TEST(chan, buffered_send_times_out_when_full_and_keeps_the_value) {
  Chan<std::unique_ptr<int>> c(1);
  ASSERT_EQ(c.send(std::make_unique<int>(1)), ChanStatus::kOk);
  auto value = std::make_unique<int>(2);
  EXPECT_EQ(c.send(std::move(value), deadline_after(20ms)), ChanStatus::kTimeout);
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(*value, 2);
  EXPECT_EQ(c.len(), 1u);
  EXPECT_EQ(**c.recv(), 1);
}

TEST(chan, recv_times_out_when_nobody_sends) {
  Chan<int> c;
  std::optional<int> out;
  const Deadline start = Clock::now();
  EXPECT_EQ(c.recv(out, start + 30ms), ChanStatus::kTimeout);
  EXPECT_GE(Clock::now() - start, 30ms);
  EXPECT_FALSE(out.has_value());
  EXPECT_EQ(c.raw().waiting_receivers(), 0u);
}

TEST(chan, a_deadline_in_the_past_times_out_without_parking) {
  Chan<int> c;
  std::optional<int> out;
  EXPECT_EQ(c.send(1, Clock::now() - 1s), ChanStatus::kTimeout);
  EXPECT_EQ(c.recv(out, Clock::now()), ChanStatus::kTimeout);
}

TEST(chan, a_deadline_does_not_stop_an_operation_that_can_complete) {
  Chan<int> c(1);
  EXPECT_EQ(c.send(1, Clock::now() - 1s), ChanStatus::kOk);
  std::optional<int> out;
  EXPECT_EQ(c.recv(out, Clock::now() - 1s), ChanStatus::kOk);
  EXPECT_EQ(out, 1);
}

TEST(chan, timed_out_receiver_is_not_handed_a_later_value) {
  Chan<int> c;
  std::optional<int> out;
  EXPECT_EQ(c.recv(out, deadline_after(10ms)), ChanStatus::kTimeout);
  EXPECT_EQ(c.try_send(1), ChanStatus::kWouldBlock) << "a send matched a receiver that gave up";
}

TEST(chan, try_send_and_try_recv_never_block) {
  Chan<int> c(1);
  std::optional<int> out;
  EXPECT_EQ(c.try_recv(out), ChanStatus::kWouldBlock);
  EXPECT_EQ(c.try_send(1), ChanStatus::kOk);
  EXPECT_EQ(c.try_send(2), ChanStatus::kWouldBlock);
  EXPECT_EQ(c.try_recv(out), ChanStatus::kOk);
  EXPECT_EQ(out, 1);
}

TEST(chan, try_send_keeps_the_value_when_it_would_block) {
  Chan<std::unique_ptr<int>> c;
  auto value = std::make_unique<int>(3);
  EXPECT_EQ(c.try_send(std::move(value)), ChanStatus::kWouldBlock);
  ASSERT_NE(value, nullptr);
}

TEST(chan, try_send_completes_with_a_parked_receiver) {
  Chan<int> c;
  Parties p;
  p.go([&] { EXPECT_EQ(c.recv(), 9); });
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_receivers() == 1; }));
  EXPECT_EQ(c.try_send(9), ChanStatus::kOk);
  p.join();
}

TEST(chan, try_recv_completes_with_a_parked_sender) {
  Chan<int> c;
  Parties p;
  p.go([&] { EXPECT_EQ(c.send(4), ChanStatus::kOk); });
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_senders() == 1; }));
  std::optional<int> out;
  EXPECT_EQ(c.try_recv(out), ChanStatus::kOk);
  EXPECT_EQ(out, 4);
  p.join();
}

// A sender and a receiver with deadlines that expire around the moment they could
// meet: whatever happens, a value is delivered exactly when its send reports kOk.
TEST(chan, racing_deadlines_never_lose_or_duplicate_a_value) {
  constexpr int kRounds = 300;
  Chan<std::unique_ptr<int>> c;
  std::atomic<int> delivered{0};
  std::atomic<int> sent_ok{0};
  std::atomic<int> kept{0};
  Parties p;
  p.go([&] {
    for (int i = 0; i < kRounds; ++i) {
      auto value = std::make_unique<int>(i);
      if (c.send(std::move(value), deadline_after(std::chrono::microseconds(50 + i % 7 * 30))) ==
          ChanStatus::kOk) {
        EXPECT_EQ(value, nullptr);
        ++sent_ok;
      } else {
        EXPECT_NE(value, nullptr);
        ++kept;
      }
    }
  });
  p.go([&] {
    for (int i = 0; i < kRounds; ++i) {
      std::optional<std::unique_ptr<int>> out;
      if (c.recv(out, deadline_after(std::chrono::microseconds(50 + i % 5 * 40))) ==
          ChanStatus::kOk) {
        EXPECT_NE(*out, nullptr);
        ++delivered;
      }
    }
  });
  p.join();
  EXPECT_EQ(sent_ok.load(), delivered.load());
  EXPECT_EQ(sent_ok.load() + kept.load(), kRounds);
}

}  // namespace
}  // namespace goos
