#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <optional>

#include "../support/parties.h"
#include "goos/chan.h"

namespace goos {
namespace {

using namespace std::chrono_literals;
using test::eventually;
using test::nap;
using test::Parties;

TEST(chan, buffered_keeps_fifo_order_and_reports_len_and_cap) {
  Chan<int> c(5);
  EXPECT_EQ(c.capacity(), 5u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(c.len(), static_cast<std::size_t>(i));
    EXPECT_EQ(c.send(i), ChanStatus::kOk);
  }
  EXPECT_EQ(c.len(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(c.recv(), i);
  EXPECT_EQ(c.len(), 0u);
  EXPECT_EQ(c.capacity(), 5u);
}

TEST(chan, buffered_order_survives_wrapping_around) {
  Chan<int> c(3);
  int next_in = 0;
  int next_out = 0;
  for (int round = 0; round < 50; ++round) {
    while (c.len() < c.capacity()) ASSERT_EQ(c.try_send(next_in++), ChanStatus::kOk);
    const int drain = 1 + round % 3;
    for (int i = 0; i < drain; ++i) ASSERT_EQ(c.recv(), next_out++);
  }
  while (c.len() > 0) ASSERT_EQ(c.recv(), next_out++);
  EXPECT_EQ(next_in, next_out);
}

TEST(chan, buffered_send_blocks_when_full) {
  Chan<int> c(2);
  ASSERT_EQ(c.send(0), ChanStatus::kOk);
  ASSERT_EQ(c.send(1), ChanStatus::kOk);
  std::atomic<bool> sent{false};
  Parties p;
  p.go([&] {
    EXPECT_EQ(c.send(2), ChanStatus::kOk);
    sent = true;
  });
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_senders() == 1; }));
  nap(20ms);
  EXPECT_FALSE(sent) << "a send into a full buffer returned";
  EXPECT_EQ(c.recv(), 0);
  p.join();
  EXPECT_TRUE(sent);
  EXPECT_EQ(c.len(), 2u) << "the parked sender's value took the freed slot";
  EXPECT_EQ(c.recv(), 1);
  EXPECT_EQ(c.recv(), 2);
}

TEST(chan, buffered_recv_blocks_when_empty) {
  Chan<int> c(2);
  std::atomic<bool> received{false};
  Parties p;
  p.go([&] {
    EXPECT_EQ(c.recv(), 5);
    received = true;
  });
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_receivers() == 1; }));
  nap(20ms);
  EXPECT_FALSE(received);
  EXPECT_EQ(c.send(5), ChanStatus::kOk);
  p.join();
  EXPECT_TRUE(received);
  EXPECT_EQ(c.len(), 0u) << "the value went straight to the parked receiver";
}

TEST(chan, parked_senders_values_follow_the_buffered_ones_in_order) {
  Chan<int> c(1);
  ASSERT_EQ(c.send(0), ChanStatus::kOk);
  Parties p;
  for (int i = 1; i <= 3; ++i) {
    p.go([&c, i] { EXPECT_EQ(c.send(i), ChanStatus::kOk); });
    ASSERT_TRUE(
        eventually([&] { return c.raw().waiting_senders() == static_cast<std::size_t>(i); }));
  }
  for (int i = 0; i <= 3; ++i) EXPECT_EQ(c.recv(), i);
  p.join();
}

}  // namespace
}  // namespace goos
