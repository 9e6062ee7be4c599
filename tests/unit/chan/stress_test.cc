#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "../support/parties.h"
#include "goos/chan.h"

namespace goos {
namespace {

using test::Parties;

// Producers send disjoint ranges of numbers; consumers receive until the channel
// is closed and drained. Every number must arrive exactly once.
void deliver_every_value_exactly_once(std::size_t capacity) {
  constexpr int kProducers = 4;
  constexpr int kConsumers = 4;
  constexpr int kPerProducer = 3000;
  constexpr int kTotal = kProducers * kPerProducer;
  Chan<int> c(capacity);
  std::vector<std::atomic<int>> seen(kTotal);
  std::atomic<std::int64_t> sum{0};
  std::atomic<int> count{0};

  Parties consumers;
  for (int k = 0; k < kConsumers; ++k) {
    consumers.go([&] {
      while (std::optional<int> v = c.recv()) {
        seen[*v].fetch_add(1, std::memory_order_relaxed);
        sum.fetch_add(*v, std::memory_order_relaxed);
        count.fetch_add(1, std::memory_order_relaxed);
      }
    });
  }
  Parties producers;
  for (int k = 0; k < kProducers; ++k) {
    producers.go([&, k] {
      for (int i = 0; i < kPerProducer; ++i) {
        ASSERT_EQ(c.send(k * kPerProducer + i), ChanStatus::kOk);
      }
    });
  }
  producers.join();
  c.close();
  consumers.join();

  EXPECT_EQ(count.load(), kTotal);
  EXPECT_EQ(sum.load(), std::int64_t{kTotal} * (kTotal - 1) / 2);
  for (int v = 0; v < kTotal; ++v) ASSERT_EQ(seen[v].load(), 1) << "value " << v;
}

TEST(chan, unbuffered_many_producers_and_consumers_deliver_every_value_once) {
  deliver_every_value_exactly_once(0);
}

TEST(chan, small_buffer_many_producers_and_consumers_deliver_every_value_once) {
  deliver_every_value_exactly_once(1);
}

TEST(chan, large_buffer_many_producers_and_consumers_deliver_every_value_once) {
  deliver_every_value_exactly_once(64);
}

// Per-producer order survives any number of consumers competing, seen by one
// consumer at a time: each producer's values arrive in the order it sent them.
TEST(chan, each_producers_values_arrive_in_order) {
  constexpr int kProducers = 3;
  constexpr int kPerProducer = 3000;
  Chan<std::pair<int, int>> c(8);
  Parties producers;
  for (int k = 0; k < kProducers; ++k) {
    producers.go([&, k] {
      for (int i = 0; i < kPerProducer; ++i) ASSERT_EQ(c.send({k, i}), ChanStatus::kOk);
    });
  }
  std::vector<int> next(kProducers, 0);
  for (int n = 0; n < kProducers * kPerProducer; ++n) {
    std::optional<std::pair<int, int>> v = c.recv();
    ASSERT_TRUE(v.has_value());
    ASSERT_EQ(v->second, next[v->first]) << "producer " << v->first;
    ++next[v->first];
  }
  producers.join();
}

}  // namespace
}  // namespace goos
