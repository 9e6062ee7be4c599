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

TEST(chan, close_wakes_every_blocked_receiver) {
  Chan<int> c;
  std::atomic<int> woken{0};
  Parties p;
  for (int i = 0; i < 3; ++i) {
    p.go([&] {
      std::optional<int> out;
      EXPECT_EQ(c.recv(out), ChanStatus::kClosed);
      EXPECT_FALSE(out.has_value());
      ++woken;
    });
  }
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_receivers() == 3; }));
  EXPECT_TRUE(c.close());
  p.join();
  EXPECT_EQ(woken.load(), 3);
}

TEST(chan, close_wakes_blocked_senders_and_they_keep_their_values) {
  Chan<std::unique_ptr<int>> c;
  std::atomic<int> kept{0};
  Parties p;
  for (int i = 0; i < 3; ++i) {
    p.go([&, i] {
      auto value = std::make_unique<int>(i);
      EXPECT_EQ(c.send(std::move(value)), ChanStatus::kClosed);
      ASSERT_NE(value, nullptr);
      EXPECT_EQ(*value, i);
      ++kept;
    });
  }
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_senders() == 3; }));
  EXPECT_TRUE(c.close());
  p.join();
  EXPECT_EQ(kept.load(), 3);
}

TEST(chan, close_twice_returns_false) {
  Chan<int> c;
  EXPECT_FALSE(c.is_closed());
  EXPECT_TRUE(c.close());
  EXPECT_TRUE(c.is_closed());
  EXPECT_FALSE(c.close());
  EXPECT_TRUE(c.is_closed());
}

TEST(chan, send_on_closed_returns_closed_and_keeps_the_value) {
  Chan<std::unique_ptr<int>> c(4);
  c.close();
  auto value = std::make_unique<int>(1);
  EXPECT_EQ(c.send(std::move(value)), ChanStatus::kClosed);
  EXPECT_EQ(c.try_send(std::move(value)), ChanStatus::kClosed);
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(c.len(), 0u);
}

TEST(chan, recv_drains_buffered_values_after_close_then_reports_closed) {
  Chan<int> c(3);
  c.send(1);
  c.send(2);
  c.close();
  EXPECT_EQ(c.len(), 2u);
  EXPECT_EQ(c.recv(), 1);
  std::optional<int> out;
  EXPECT_EQ(c.try_recv(out), ChanStatus::kOk);
  EXPECT_EQ(out, 2);
  EXPECT_EQ(c.recv(), std::nullopt);
  out.reset();
  EXPECT_EQ(c.try_recv(out), ChanStatus::kClosed);
  EXPECT_EQ(c.recv(out, deadline_after(1s)), ChanStatus::kClosed) << "closed beats waiting";
  EXPECT_FALSE(out.has_value());
}

TEST(chan, close_of_a_full_channel_fails_parked_senders_but_keeps_the_buffer) {
  Chan<std::unique_ptr<int>> c(1);
  ASSERT_EQ(c.send(std::make_unique<int>(1)), ChanStatus::kOk);
  Parties p;
  p.go([&] {
    auto value = std::make_unique<int>(2);
    EXPECT_EQ(c.send(std::move(value)), ChanStatus::kClosed);
    EXPECT_NE(value, nullptr);
  });
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_senders() == 1; }));
  c.close();
  p.join();
  auto first = c.recv();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(**first, 1);
  EXPECT_EQ(c.recv(), std::nullopt);
}

TEST(chan, receivers_blocked_with_a_deadline_are_woken_by_close) {
  Chan<int> c;
  Parties p;
  p.go([&] {
    std::optional<int> out;
    // kClosed, not kTimeout: the close ended the wait, not the deadline.
    EXPECT_EQ(c.recv(out, deadline_after(60s)), ChanStatus::kClosed);
  });
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_receivers() == 1; }));
  c.close();
  p.join();
}

}  // namespace
}  // namespace goos
