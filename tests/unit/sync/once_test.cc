#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>

#include "../support/parties.h"
#include "goos/once.h"

namespace goos {
namespace {

using namespace std::chrono_literals;
using test::nap;
using test::Parties;

TEST(once, runs_the_function_once_under_contention) {
  constexpr int kParties = 8;
  Once once;
  std::atomic<int> runs{0};
  std::atomic<bool> finished{false};
  Parties p;
  for (int k = 0; k < kParties; ++k) {
    p.go([&] {
      once.call([&] {
        ++runs;
        nap(20ms);  // long enough that the other parties arrive while it runs
        finished = true;
      });
      EXPECT_TRUE(finished) << "call returned before the function finished";
      EXPECT_TRUE(once.done());
    });
  }
  p.join();
  EXPECT_EQ(runs.load(), 1);
}

TEST(once, later_calls_return_without_running) {
  Once once;
  int runs = 0;
  EXPECT_FALSE(once.done());
  once.call([&] { ++runs; });
  EXPECT_TRUE(once.done());
  once.call([&] { ++runs; });
  EXPECT_EQ(runs, 1);
}

TEST(once, a_throw_reaches_the_caller_that_ran_it_and_counts_as_done) {
  Once once;
  int runs = 0;
  EXPECT_THROW(once.call([&] {
    ++runs;
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_TRUE(once.done());
  EXPECT_NO_THROW(once.call([&] { ++runs; }));
  EXPECT_EQ(runs, 1);
}

TEST(once, waiters_are_released_when_the_function_throws) {
  constexpr int kParties = 5;
  Once once;
  std::atomic<int> runs{0};
  std::atomic<int> threw{0};
  std::atomic<int> returned{0};
  Parties p;
  for (int k = 0; k < kParties; ++k) {
    p.go([&] {
      try {
        once.call([&] {
          ++runs;
          nap(20ms);
          throw std::runtime_error("boom");
        });
      } catch (const std::runtime_error&) {
        ++threw;
      }
      ++returned;
    });
  }
  p.join();
  EXPECT_EQ(runs.load(), 1);
  EXPECT_EQ(threw.load(), 1) << "only the party that ran the function sees its exception";
  EXPECT_EQ(returned.load(), kParties);
}

}  // namespace
}  // namespace goos
