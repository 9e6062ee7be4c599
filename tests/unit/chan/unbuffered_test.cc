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

TEST(chan, unbuffered_send_blocks_until_recv) {
  Chan<int> c;
  std::atomic<bool> sent{false};
  Parties p;
  p.go([&] {
    EXPECT_EQ(c.send(42), ChanStatus::kOk);
    sent = true;
  });
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_senders() == 1; }));
  nap(20ms);
  EXPECT_FALSE(sent) << "an unbuffered send returned with no receiver";
  EXPECT_EQ(c.recv(), 42);
  p.join();
  EXPECT_TRUE(sent);
}

TEST(chan, unbuffered_recv_blocks_until_send) {
  Chan<int> c;
  std::atomic<bool> received{false};
  Parties p;
  p.go([&] {
    EXPECT_EQ(c.recv(), 7);
    received = true;
  });
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_receivers() == 1; }));
  nap(20ms);
  EXPECT_FALSE(received);
  EXPECT_EQ(c.send(7), ChanStatus::kOk);
  p.join();
  EXPECT_TRUE(received);
}

TEST(chan, unbuffered_send_hands_the_value_to_a_parked_receiver) {
  Chan<std::string> c;
  std::optional<std::string> got;
  Parties p;
  p.go([&] { got = c.recv(); });
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_receivers() == 1; }));
  std::string value(100, 'x');  // long enough to live on the heap: moved, not copied
  const char* heap = value.data();
  EXPECT_EQ(c.send(std::move(value)), ChanStatus::kOk);
  p.join();
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, std::string(100, 'x'));
  EXPECT_EQ(got->data(), heap) << "the value was copied instead of moved across";
}

TEST(chan, unbuffered_channel_never_holds_values) {
  Chan<int> c;
  EXPECT_EQ(c.capacity(), 0u);
  EXPECT_EQ(c.len(), 0u);
  EXPECT_EQ(c.try_send(1), ChanStatus::kWouldBlock);
  EXPECT_EQ(c.len(), 0u);
}

TEST(chan, unbuffered_ping_pong_keeps_order) {
  constexpr int kRounds = 2000;
  Chan<int> ping;
  Chan<int> pong;
  Parties p;
  p.go([&] {
    for (int i = 0; i < kRounds; ++i) {
      std::optional<int> v = ping.recv();
      ASSERT_EQ(v, i);
      ASSERT_EQ(pong.send(*v + 1), ChanStatus::kOk);
    }
  });
  for (int i = 0; i < kRounds; ++i) {
    ASSERT_EQ(ping.send(i), ChanStatus::kOk);
    ASSERT_EQ(pong.recv(), i + 1);
  }
  p.join();
}

}  // namespace
}  // namespace goos
