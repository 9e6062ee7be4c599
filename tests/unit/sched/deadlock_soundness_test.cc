// The deadlock detector must never report a program that can still run, however
// long the kernel leaves a runnable thread without a CPU. These tests starve the
// attached thread (the PHP origin's role) on purpose: it is pinned to one CPU
// beside a busy thread and given SCHED_IDLE, so once woken it may wait tens of
// milliseconds or more before it runs. Whether the kernel starves it that long
// varies; a test of soundness can only fail when the detector is wrong, never
// because of load.
#include <gtest/gtest.h>
#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "goos/chan.h"
#include "goos/runtime.h"

namespace goos {
namespace {

using namespace std::chrono_literals;

class deadlock_soundness : public testing::TestWithParam<int> {
 protected:
  RuntimeOptions options() {
    RuntimeOptions o;
    o.max_procs = GetParam();
    o.on_deadlock = [this](const DeadlockReport& report) {
      if (reports_.fetch_add(1) == 0) first_report_ = report.text();
    };
    return o;
  }

  // Pins this thread and a spinning one to the same CPU and makes this one
  // SCHED_IDLE: from here on it runs only when the spinner lets it. False when
  // the machine does not allow it (then the test skips).
  bool starve_this_thread() {
    cpu_set_t mine;
    CPU_ZERO(&mine);
    if (sched_getaffinity(0, sizeof mine, &mine) != 0) return false;
    int cpu = 0;
    while (cpu < CPU_SETSIZE && !CPU_ISSET(cpu, &mine)) ++cpu;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    spinner_ = std::thread([this, one] {
      pthread_setaffinity_np(pthread_self(), sizeof one, &one);
      while (!stop_spinner_.load(std::memory_order_relaxed)) {
      }
    });
    sched_param none{};
    return pthread_setaffinity_np(pthread_self(), sizeof one, &one) == 0 &&
           pthread_setschedparam(pthread_self(), SCHED_IDLE, &none) == 0;
  }

  void TearDown() override {
    sched_param none{};
    pthread_setschedparam(pthread_self(), SCHED_OTHER, &none);
    stop_spinner_ = true;
    if (spinner_.joinable()) spinner_.join();
    cpu_set_t all;
    CPU_ZERO(&all);
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) CPU_SET(cpu, &all);
    pthread_setaffinity_np(pthread_self(), sizeof all, &all);
  }

  std::atomic<int> reports_{0};
  std::string first_report_;
  std::thread spinner_;
  std::atomic<bool> stop_spinner_{false};
};

INSTANTIATE_TEST_SUITE_P(procs, deadlock_soundness, testing::Values(1, 2),
                         [](const auto& info) { return std::to_string(info.param) + "p"; });

// The reproduction: the attached thread receives from a goroutine that
// sends one value after another on an unbuffered channel. Each send wakes the
// thread, then the goroutine blocks on the next send until the thread runs.
// While the woken thread waits for a CPU, every P is idle and every goroutine
// blocked: only the wake in flight says this is no deadlock.
TEST_P(deadlock_soundness, a_woken_thread_waiting_for_a_cpu_is_not_deadlocked) {
  Runtime rt(options());
  Chan<int> values;
  std::atomic<bool> done{false};
  rt.go([&] {
    for (int i = 0; !done.load(std::memory_order_relaxed); ++i) {
      if (values.send(i) != ChanStatus::kOk) return;
    }
  });
  if (!starve_this_thread()) GTEST_SKIP() << "cannot pin this thread or make it SCHED_IDLE";
  const auto until = std::chrono::steady_clock::now() + 1500ms;
  int expected = 0;
  while (std::chrono::steady_clock::now() < until && reports_.load() == 0) {
    std::optional<int> v = values.recv();
    ASSERT_TRUE(v.has_value());
    ASSERT_EQ(*v, expected++);
  }
  done = true;
  values.close();
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(reports_.load(), 0) << "after " << expected << " values:\n" << first_report_;
}

// The same for join(): the last goroutine to end wakes the thread in join().
TEST_P(deadlock_soundness, a_join_woken_but_waiting_for_a_cpu_is_not_deadlocked) {
  Runtime rt(options());
  if (!starve_this_thread()) GTEST_SKIP() << "cannot pin this thread or make it SCHED_IDLE";
  const auto until = std::chrono::steady_clock::now() + 1500ms;
  int rounds = 0;
  while (std::chrono::steady_clock::now() < until && reports_.load() == 0) {
    rt.go([] {});
    EXPECT_TRUE(rt.join());
    ++rounds;
  }
  EXPECT_EQ(reports_.load(), 0) << "after " << rounds << " rounds:\n" << first_report_;
}

}  // namespace
}  // namespace goos
