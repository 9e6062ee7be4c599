#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "../support/parties.h"
#include "goos/chan.h"
#include "goos/select.h"

namespace goos {
namespace {

using test::Parties;

// Producers send each number through a select over two channels; consumers take
// them through selects over both channels, some with short deadlines that expire
// and retry, and drop a channel from their cases (a nil case) once it is closed.
// Every number must arrive exactly once.
void select_delivers_every_value_once(std::size_t capacity, bool with_deadlines) {
  constexpr int kProducers = 3;
  constexpr int kConsumers = 3;
  constexpr int kPerProducer = 2000;
  constexpr int kTotal = kProducers * kPerProducer;
  Chan<int> a(capacity);
  Chan<int> b(capacity);
  std::vector<std::atomic<int>> seen(kTotal);
  std::atomic<std::int64_t> sum{0};

  Parties consumers;
  for (int k = 0; k < kConsumers; ++k) {
    consumers.go([&, k] {
      RecvSlot<int> slot_a, slot_b;
      SelectCase cases[] = {recv_case(a, slot_a), recv_case(b, slot_b)};
      const bool timed = with_deadlines && k % 2 == 0;
      while (cases[0].chan != nullptr || cases[1].chan != nullptr) {
        SelectResult r =
            select(cases, timed ? deadline_after(std::chrono::microseconds(200)) : kNoDeadline);
        if (r.index < 0) continue;
        if (!r.ok) {
          cases[r.index].chan = nullptr;
          continue;
        }
        const int v = (r.index == 0 ? slot_a : slot_b).take();
        seen[v].fetch_add(1, std::memory_order_relaxed);
        sum.fetch_add(v, std::memory_order_relaxed);
      }
    });
  }
  Parties producers;
  for (int k = 0; k < kProducers; ++k) {
    producers.go([&, k] {
      for (int i = 0; i < kPerProducer; ++i) {
        int value = k * kPerProducer + i;
        SelectCase cases[] = {send_case(a, value), send_case(b, value)};
        SelectResult r = select(cases);
        ASSERT_TRUE(r.ok);
      }
    });
  }
  producers.join();
  a.close();
  b.close();
  consumers.join();

  EXPECT_EQ(sum.load(), std::int64_t{kTotal} * (kTotal - 1) / 2);
  for (int v = 0; v < kTotal; ++v) ASSERT_EQ(seen[v].load(), 1) << "value " << v;
  EXPECT_EQ(a.raw().waiting_receivers() + b.raw().waiting_receivers(), 0u);
}

TEST(select, unbuffered_producers_and_consumers_deliver_every_value_once) {
  select_delivers_every_value_once(0, false);
}

TEST(select, buffered_producers_and_consumers_deliver_every_value_once) {
  select_delivers_every_value_once(4, false);
}

TEST(select, consumers_with_expiring_deadlines_lose_and_duplicate_nothing) {
  select_delivers_every_value_once(0, true);
}

// Selects that both send and receive on a ring of channels: every party forwards
// what it receives. Nothing may deadlock (locks in address order), and every token
// is somewhere at the end: in a channel or in a party's hands.
TEST(select, a_ring_of_forwarding_selects_neither_deadlocks_nor_loses_tokens) {
  constexpr int kNodes = 4;
  constexpr int kTokens = 3;
  constexpr int kHops = 2000;
  std::vector<std::unique_ptr<Chan<int>>> ring;
  for (int i = 0; i < kNodes; ++i) ring.push_back(std::make_unique<Chan<int>>(1));
  std::atomic<int> hops{0};
  std::atomic<int> held_at_the_end{0};
  Chan<int> done;
  for (int t = 0; t < kTokens; ++t) ASSERT_EQ(ring[t]->send(t), ChanStatus::kOk);

  Parties p;
  for (int i = 0; i < kNodes; ++i) {
    p.go([&, i] {
      Chan<int>& in = *ring[i];
      Chan<int>& out = *ring[(i + 1) % kNodes];
      constexpr int kEmptyHanded = -1;
      int holding = kEmptyHanded;
      for (;;) {
        RecvSlot<int> got, stop;
        int value = holding;
        const bool has_token = holding != kEmptyHanded;
        // While holding a token, offer it forward; otherwise take one.
        SelectCase cases[] = {
            has_token ? SelectCase{SelectCase::kRecv, nullptr, nullptr} : recv_case(in, got),
            has_token ? send_case(out, value) : SelectCase{SelectCase::kSend, nullptr, nullptr},
            recv_case(done, stop),
        };
        SelectResult r = select(cases);
        if (r.index == 2) {
          if (has_token) ++held_at_the_end;
          return;
        }
        if (r.index == 0) {
          holding = got.take();
        } else {
          holding = kEmptyHanded;
          if (hops.fetch_add(1) + 1 == kHops) done.close();
        }
      }
    });
  }
  p.join();
  int tokens = 0;
  for (auto& c : ring) {
    std::optional<int> v;
    while (c->try_recv(v) == ChanStatus::kOk) ++tokens;
  }
  EXPECT_GE(hops.load(), kHops);
  EXPECT_EQ(tokens + held_at_the_end.load(), kTokens);
}

}  // namespace
}  // namespace goos
