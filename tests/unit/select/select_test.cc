#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

#include "../support/parties.h"
#include "goos/chan.h"
#include "goos/select.h"

namespace goos {
namespace {

using namespace std::chrono_literals;
using test::eventually;
using test::Parties;

TEST(select, performs_the_only_ready_case) {
  Chan<int> empty;
  Chan<int> ready(1);
  ready.send(8);
  RecvSlot<int> a, b;
  SelectCase cases[] = {recv_case(empty, a), recv_case(ready, b)};
  SelectResult r = select(cases);
  EXPECT_EQ(r.index, 1);
  EXPECT_TRUE(r.ok);
  EXPECT_FALSE(r.send_on_closed);
  EXPECT_EQ(b.take(), 8);
}

TEST(select, nil_channel_cases_are_never_ready) {
  Chan<int> ready(1);
  ready.send(1);
  int value = 5;
  RecvSlot<int> slot;
  SelectCase cases[] = {
      {SelectCase::kRecv, nullptr, nullptr},
      {SelectCase::kSend, nullptr, &value},
      recv_case(ready, slot),
  };
  SelectResult r = select(cases);
  EXPECT_EQ(r.index, 2);
  EXPECT_EQ(slot.take(), 1);
  r = select(cases, deadline_after(20ms));
  EXPECT_EQ(r.index, -1) << "only nil channels and an empty one are left";
}

TEST(select, non_blocking_select_misses_when_nothing_is_ready) {
  Chan<std::unique_ptr<int>> out;
  Chan<int> in;
  auto value = std::make_unique<int>(3);
  RecvSlot<int> slot;
  SelectCase cases[] = {send_case(out, value), recv_case(in, slot)};
  // Nothing will ever be ready and there is no deadline: a select that
  // blocked would never return.
  SelectResult r = select(cases, kNoDeadline, /*block=*/false);
  EXPECT_EQ(r.index, -1);
  EXPECT_NE(value, nullptr) << "a missed send case moved its value";
  EXPECT_EQ(out.raw().waiting_senders(), 0u);
  EXPECT_EQ(in.raw().waiting_receivers(), 0u);
}

TEST(select, non_blocking_select_performs_a_ready_case) {
  Chan<int> c(1);
  int value = 4;
  SelectCase cases[] = {send_case(c, value)};
  SelectResult r = select(cases, kNoDeadline, /*block=*/false);
  EXPECT_EQ(r.index, 0);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(c.recv(), 4);
}

TEST(select, times_out_at_the_deadline_and_keeps_the_send_value) {
  Chan<std::unique_ptr<int>> out;
  Chan<int> in;
  auto value = std::make_unique<int>(3);
  RecvSlot<int> slot;
  SelectCase cases[] = {send_case(out, value), recv_case(in, slot)};
  const Deadline start = Clock::now();
  SelectResult r = select(cases, start + 30ms);
  EXPECT_EQ(r.index, -1);
  EXPECT_FALSE(r.ok);
  EXPECT_GE(Clock::now() - start, 30ms);
  EXPECT_NE(value, nullptr);
  EXPECT_EQ(out.raw().waiting_senders(), 0u) << "the timed-out select left a node behind";
  EXPECT_EQ(in.raw().waiting_receivers(), 0u);
  EXPECT_EQ(out.try_send(std::make_unique<int>(1)), ChanStatus::kWouldBlock);
}

TEST(select, blocks_until_a_recv_case_is_ready) {
  Chan<int> a;
  Chan<int> b;
  RecvSlot<int> slot_a, slot_b;
  SelectCase cases[] = {recv_case(a, slot_a), recv_case(b, slot_b)};
  Parties p;
  p.go([&] {
    SelectResult r = select(cases);
    EXPECT_EQ(r.index, 1);
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(slot_b.take(), 9);
  });
  ASSERT_TRUE(eventually([&] { return b.raw().waiting_receivers() == 1; }));
  EXPECT_EQ(b.send(9), ChanStatus::kOk);
  p.join();
  EXPECT_EQ(a.raw().waiting_receivers(), 0u) << "the node on the other channel was not unlinked";
  EXPECT_EQ(b.raw().waiting_receivers(), 0u);
}

TEST(select, parked_send_case_hands_its_value_to_a_receiver) {
  Chan<std::unique_ptr<int>> c;
  Chan<int> never;
  auto value = std::make_unique<int>(11);
  RecvSlot<int> slot;
  SelectCase cases[] = {recv_case(never, slot), send_case(c, value)};
  Parties p;
  p.go([&] {
    SelectResult r = select(cases);
    EXPECT_EQ(r.index, 1);
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(value, nullptr) << "a performed send case moves its value";
  });
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_senders() == 1; }));
  std::optional<std::unique_ptr<int>> got = c.recv();
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(**got, 11);
  p.join();
  EXPECT_EQ(never.raw().waiting_receivers(), 0u);
}

TEST(select, send_case_completes_with_a_parked_receiver) {
  Chan<int> c;
  Parties p;
  p.go([&] { EXPECT_EQ(c.recv(), 6); });
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_receivers() == 1; }));
  int value = 6;
  SelectCase cases[] = {send_case(c, value)};
  SelectResult r = select(cases, kNoDeadline, /*block=*/false);
  EXPECT_EQ(r.index, 0);
  EXPECT_TRUE(r.ok);
  p.join();
}

TEST(select, recv_on_a_closed_channel_is_ready_and_not_ok) {
  Chan<int> open;
  Chan<int> closed;
  closed.close();
  RecvSlot<int> a, b;
  SelectCase cases[] = {recv_case(open, a), recv_case(closed, b)};
  SelectResult r = select(cases);
  EXPECT_EQ(r.index, 1);
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.send_on_closed);
}

TEST(select, recv_drains_a_closed_channel_before_reporting_it_closed) {
  Chan<int> c(2);
  c.send(1);
  c.close();
  RecvSlot<int> slot;
  SelectCase cases[] = {recv_case(c, slot)};
  SelectResult r = select(cases);
  EXPECT_EQ(r.index, 0);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(slot.take(), 1);
  r = select(cases);
  EXPECT_EQ(r.index, 0);
  EXPECT_FALSE(r.ok);
}

TEST(select, send_on_a_closed_channel_reports_it_and_keeps_the_value) {
  Chan<std::unique_ptr<int>> c(1);
  c.close();
  auto value = std::make_unique<int>(2);
  SelectCase cases[] = {send_case(c, value)};
  SelectResult r = select(cases);
  EXPECT_EQ(r.index, 0);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.send_on_closed);
  EXPECT_NE(value, nullptr);
}

TEST(select, close_wakes_a_parked_recv_case) {
  Chan<int> a;
  Chan<int> b;
  RecvSlot<int> slot_a, slot_b;
  SelectCase cases[] = {recv_case(a, slot_a), recv_case(b, slot_b)};
  Parties p;
  p.go([&] {
    SelectResult r = select(cases);
    EXPECT_EQ(r.index, 0);
    EXPECT_FALSE(r.ok);
  });
  ASSERT_TRUE(eventually([&] { return a.raw().waiting_receivers() == 1; }));
  a.close();
  p.join();
  EXPECT_EQ(b.raw().waiting_receivers(), 0u);
}

TEST(select, close_wakes_a_parked_send_case_which_keeps_its_value) {
  Chan<std::unique_ptr<int>> c;
  auto value = std::make_unique<int>(1);
  SelectCase cases[] = {send_case(c, value)};
  Parties p;
  p.go([&] {
    SelectResult r = select(cases);
    EXPECT_EQ(r.index, 0);
    EXPECT_TRUE(r.send_on_closed);
    EXPECT_NE(value, nullptr);
  });
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_senders() == 1; }));
  c.close();
  p.join();
}

TEST(select, with_no_cases_sleeps_until_the_deadline) {
  const Deadline start = Clock::now();
  SelectResult r = select({}, start + 30ms);
  EXPECT_EQ(r.index, -1);
  EXPECT_GE(Clock::now() - start, 30ms);
}

TEST(select, with_no_cases_and_no_blocking_returns_at_once) {
  SelectCase nil_only[] = {{SelectCase::kRecv, nullptr, nullptr}};
  // No deadline: a select that blocked would never return.
  EXPECT_EQ(select({}, kNoDeadline, /*block=*/false).index, -1);
  EXPECT_EQ(select(nil_only, kNoDeadline, /*block=*/false).index, -1);
}

TEST(select, with_only_nil_channels_sleeps_until_the_deadline) {
  SelectCase nil_only[] = {{SelectCase::kRecv, nullptr, nullptr}};
  const Deadline start = Clock::now();
  EXPECT_EQ(select(nil_only, start + 20ms).index, -1);
  EXPECT_GE(Clock::now() - start, 20ms);
}

TEST(select, parked_on_both_directions_of_one_channel_pairs_with_a_sender_or_a_receiver) {
  Chan<int> c;
  for (int round = 0; round < 2; ++round) {
    int value = 100;
    RecvSlot<int> slot;
    SelectCase cases[] = {send_case(c, value), recv_case(c, slot)};
    Parties p;
    p.go([&] {
      SelectResult r = select(cases);
      ASSERT_TRUE(r.ok);
      if (round == 0) {
        EXPECT_EQ(r.index, 0);
      } else {
        EXPECT_EQ(r.index, 1);
        EXPECT_EQ(slot.take(), 200);
      }
    });
    ASSERT_TRUE(eventually([&] { return c.raw().waiting_senders() == 1; }));
    if (round == 0) {
      EXPECT_EQ(c.recv(), 100);
    } else {
      EXPECT_EQ(c.send(200), ChanStatus::kOk);
    }
    p.join();
    EXPECT_EQ(c.raw().waiting_senders(), 0u);
    EXPECT_EQ(c.raw().waiting_receivers(), 0u);
  }
}

TEST(select, two_selects_rendezvous_on_an_unbuffered_channel) {
  Chan<int> c;
  Chan<int> never;
  Parties p;
  p.go([&] {
    int value = 12;
    RecvSlot<int> slot;
    SelectCase cases[] = {send_case(c, value), recv_case(never, slot)};
    EXPECT_EQ(select(cases).index, 0);
  });
  p.go([&] {
    RecvSlot<int> slot, other;
    SelectCase cases[] = {recv_case(never, other), recv_case(c, slot)};
    SelectResult r = select(cases);
    EXPECT_EQ(r.index, 1);
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(slot.take(), 12);
  });
  p.join();
}

TEST(select, the_same_channel_twice_fires_once) {
  Chan<int> c;
  RecvSlot<int> first, second;
  SelectCase cases[] = {recv_case(c, first), recv_case(c, second)};
  Parties p;
  p.go([&] {
    SelectResult r = select(cases);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ((r.index == 0 ? first : second).take(), 1);
  });
  ASSERT_TRUE(eventually([&] { return c.raw().waiting_receivers() == 2; }));
  EXPECT_EQ(c.send(1), ChanStatus::kOk);
  p.join();
  EXPECT_EQ(c.raw().waiting_receivers(), 0u);
  EXPECT_EQ(c.try_send(2), ChanStatus::kWouldBlock);
}

TEST(select, many_cases_work_beyond_the_inline_scratch_space) {
  constexpr int kCases = 20;
  std::vector<std::unique_ptr<Chan<int>>> chans;
  std::vector<RecvSlot<int>> slots(kCases);
  std::vector<SelectCase> cases;
  for (int i = 0; i < kCases; ++i) {
    chans.push_back(std::make_unique<Chan<int>>());
    cases.push_back(recv_case(*chans.back(), slots[i]));
  }
  Parties p;
  p.go([&] {
    SelectResult r = select(cases);
    EXPECT_EQ(r.index, 17);
    EXPECT_EQ(slots[17].take(), 17);
  });
  ASSERT_TRUE(eventually([&] { return chans[0]->raw().waiting_receivers() == 1; }));
  EXPECT_EQ(chans[17]->send(17), ChanStatus::kOk);
  p.join();
  for (auto& c : chans) EXPECT_EQ(c->raw().waiting_receivers(), 0u);
}

TEST(select, discards_the_value_of_a_recv_case_without_storage) {
  Chan<std::unique_ptr<int>> c(1);
  c.send(std::make_unique<int>(1));
  SelectCase cases[] = {{SelectCase::kRecv, &c.raw(), nullptr}};
  SelectResult r = select(cases);
  EXPECT_EQ(r.index, 0);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(c.len(), 0u);
}

}  // namespace
}  // namespace goos
