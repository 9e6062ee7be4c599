#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "goos/chan.h"
#include "goos/runtime.h"
#include "goos/waiter.h"

namespace goos {
namespace {

using namespace std::chrono_literals;

#ifdef GOOS_SANITIZED
constexpr int kMillion = 100'000;  // a sanitizer makes every switch ~100x slower
#else
constexpr int kMillion = 1'000'000;
#endif

// Every scheduler test runs with one P and with several.
class scheduler : public testing::TestWithParam<int> {
 protected:
  RuntimeOptions options() const {
    RuntimeOptions o;
    o.max_procs = GetParam();
    return o;
  }
};

INSTANTIATE_TEST_SUITE_P(procs, scheduler, testing::Values(1, 3),
                         [](const auto& info) { return std::to_string(info.param) + "p"; });

TEST_P(scheduler, spawn_and_join_of_a_million_goroutines) {
  Runtime rt(options());
  std::atomic<int> ran{0};
  for (int i = 0; i < kMillion; ++i) rt.go([&] { ran.fetch_add(1, std::memory_order_relaxed); });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(ran.load(), kMillion);
  EXPECT_EQ(rt.num_goroutine(), 0u);
}

TEST_P(scheduler, goroutines_spawn_goroutines) {
  Runtime rt(options());
  std::atomic<int> leaves{0};
  std::function<void(int)> tree = [&](int depth) {
    if (depth == 0) {
      leaves.fetch_add(1);
      return;
    }
    rt.go([&, depth] { tree(depth - 1); });
    rt.go([&, depth] { tree(depth - 1); });
  };
  rt.go([&] { tree(14); });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(leaves.load(), 1 << 14);
}

TEST_P(scheduler, ids_count_from_one_and_zero_means_not_a_goroutine) {
  Runtime rt(options());
  EXPECT_EQ(this_goroutine::id(), 0u);
  EXPECT_FALSE(this_goroutine::is_goroutine());
  std::atomic<std::uint64_t> seen{0};
  std::uint64_t id = rt.go([&] { seen = this_goroutine::id(); });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(id, 1u);
  EXPECT_EQ(seen.load(), id);
}

TEST_P(scheduler, a_started_goroutine_never_leaves_its_p) {
  Runtime rt(options());
  std::atomic<int> moved{0};
  for (int i = 0; i < 2000; ++i) {
    rt.go([&] {
      int p = this_goroutine::p();
      for (int k = 0; k < 20; ++k) {
        this_goroutine::yield();
        if (this_goroutine::p() != p) moved.fetch_add(1);
      }
    });
  }
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(moved.load(), 0);
}

TEST_P(scheduler, idle_ps_steal_unstarted_work) {
  if (GetParam() == 1) GTEST_SKIP() << "nobody to steal with one P";
  Runtime rt(options());
  std::mutex lock;
  std::set<int> ps;
  rt.go([&] {
    // One goroutine makes all the work on its P; the others must steal it.
    for (int i = 0; i < 200; ++i) {
      rt.go([&] {
        auto until = Clock::now() + 2ms;
        while (Clock::now() < until) {
        }
        std::lock_guard guard(lock);
        ps.insert(this_goroutine::p());
      });
    }
  });
  EXPECT_TRUE(rt.join());
  EXPECT_GT(ps.size(), 1u) << "all the work ran on the P that made it";
  std::uint64_t steals = 0;
  for (const PStats& s : rt.stats()) steals += s.steals;
  EXPECT_GT(steals, 0u);
}

TEST_P(scheduler, a_goroutine_readied_from_another_thread_resumes_on_its_own_p) {
  Runtime rt(options());
  std::atomic<Waiter*> parked{nullptr};
  std::atomic<Ticket> ticket{0};
  std::atomic<int> before{-2}, after{-3};
  rt.go([&] {
    before = this_goroutine::p();
    Waiter& w = Waiter::current();
    EXPECT_EQ(w.goroutine_id(), this_goroutine::id());
    Ticket t = w.prepare(WaitReason::kChanRecv);
    ticket = t;
    parked = &w;
    EXPECT_TRUE(w.block(t, kNoDeadline, [] {}));
    after = this_goroutine::p();
  });
  while (parked.load() == nullptr) std::this_thread::sleep_for(1ms);
  std::this_thread::sleep_for(5ms);
  std::thread waker([&] {
    ASSERT_TRUE(parked.load()->claim(ticket.load()));
    parked.load()->wake(ticket.load());
  });
  waker.join();
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(before.load(), after.load());
}

TEST_P(scheduler, sleeping_goroutines_wake_in_deadline_order_on_time) {
  Runtime rt(options());
  std::mutex lock;
  std::vector<int> order;
  std::vector<Nanos> lateness(10);
  // Far enough out that all ten are parked before the first deadline, even
  // under a sanitizer: order is only meaningful among parked sleepers.
  const Clock::time_point start = Clock::now() + 200ms;
  for (int i = 9; i >= 0; --i) {
    rt.go([&, i] {
      Deadline d = start + i * 15ms;
      this_goroutine::sleep_until(d);
      lateness[static_cast<std::size_t>(i)] = Clock::now() - d;
      std::lock_guard guard(lock);
      order.push_back(i);
    });
  }
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
  for (Nanos late : lateness) {
    EXPECT_GE(late, Nanos::zero()) << "woke before its deadline";
    EXPECT_LT(late, 100ms) << "generous: the machine is shared";
  }
}

TEST_P(scheduler, a_sleeping_goroutine_does_not_hold_its_thread) {
  Runtime rt(options());
  std::atomic<int> ran{0};
  // With one P, a blocked thread would delay the second goroutine by 200 ms.
  rt.go([&] { this_goroutine::sleep_for(200ms); });
  const auto start = Clock::now();
  Clock::time_point second_ran{};
  rt.go([&] {
    second_ran = Clock::now();
    ran = 1;
  });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(ran.load(), 1);
  EXPECT_LT(second_ran - start, 150ms);
}

TEST_P(scheduler, fd_waits_wake_on_readiness_and_on_deadline) {
  Runtime rt(options());
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::atomic<int> ready_result{-1}, timeout_result{-1};
  rt.go([&] {
    ready_result = this_goroutine::wait_fd(fds[0], this_goroutine::IoEvent::kRead) ? 1 : 0;
    char c;
    EXPECT_EQ(read(fds[0], &c, 1), 1);
  });
  rt.go([&] {
    int other[2];
    ASSERT_EQ(pipe(other), 0);
    auto start = Clock::now();
    timeout_result =
        this_goroutine::wait_fd(other[0], this_goroutine::IoEvent::kRead, Clock::now() + 30ms) ? 1
                                                                                               : 0;
    EXPECT_GE(Clock::now() - start, 30ms);
    close(other[0]);
    close(other[1]);
  });
  rt.go([&] {
    this_goroutine::sleep_for(20ms);
    EXPECT_EQ(write(fds[1], "x", 1), 1);
  });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(ready_result.load(), 1);
  EXPECT_EQ(timeout_result.load(), 0);
  close(fds[0]);
  close(fds[1]);
}

TEST_P(scheduler, join_with_a_deadline_times_out_while_goroutines_live) {
  Runtime rt(options());
  rt.go([] { this_goroutine::sleep_for(100ms); });
  EXPECT_FALSE(rt.join(Clock::now() + 10ms));
  EXPECT_EQ(rt.num_goroutine(), 1u);
  EXPECT_TRUE(rt.join());
}

TEST_P(scheduler, cancel_joins_wakes_a_joiner_that_returns_false_while_goroutines_live) {
  Runtime rt(options());
  Chan<int> release(0);
  rt.go([&] { release.recv(); });
  std::atomic<bool> returned{false}, result{true};
  std::thread joiner([&] {
    result = rt.join();
    returned = true;
  });
  while (rt.num_goroutine() != 1) std::this_thread::yield();
  std::this_thread::sleep_for(20ms);  // the joiner is (very likely) parked by now
  rt.cancel_joins();
  joiner.join();
  EXPECT_TRUE(returned.load());
  EXPECT_FALSE(result.load()) << "a goroutine still lives";
  release.send(1);
  EXPECT_TRUE(rt.join());
}

TEST_P(scheduler, a_looping_goroutine_is_preempted_at_its_safe_points) {
  RuntimeOptions o = options();
  o.max_procs = 1;  // the hog and the other share one P: only preemption lets both run
  o.preempt_ms = 10;
  Runtime rt(o);
  std::atomic<bool> other_ran{false};
  rt.go([&] {
    auto give_up = Clock::now() + 5s;
    while (!other_ran.load() && Clock::now() < give_up) this_goroutine::preempt_point();
  });
  rt.go([&] { other_ran = true; });
  EXPECT_TRUE(rt.join());
  EXPECT_TRUE(other_ran.load());
  EXPECT_GE(rt.stats()[0].preemptions, 1u);
}

TEST_P(scheduler, preemption_off_means_no_preemption) {
  RuntimeOptions o = options();
  o.max_procs = 1;
  o.preempt_ms = 0;
  Runtime rt(o);
  std::atomic<bool> other_ran{false};
  std::atomic<bool> hog_saw_other{false};
  rt.go([&] {
    auto until = Clock::now() + 100ms;
    while (Clock::now() < until) {
      this_goroutine::preempt_point();
      if (other_ran.load()) hog_saw_other = true;
    }
  });
  rt.go([&] { other_ran = true; });
  EXPECT_TRUE(rt.join());
  EXPECT_FALSE(hog_saw_other.load());
  EXPECT_EQ(rt.stats()[0].preemptions, 0u);
}

// Two goroutines that preemption rotates on one P never leave its queue empty;
// the P must still look at its timers and its fds.
class turn_takers {
 public:
  explicit turn_takers(Runtime& rt) {
    for (int i = 0; i < 2; ++i) {
      rt.go([this] {
        const auto give_up = Clock::now() + 5s;
        while (!done.load() && Clock::now() < give_up) this_goroutine::preempt_point();
      });
    }
  }
  std::atomic<bool> done{false};
};

RuntimeOptions one_p_preempting() {
  RuntimeOptions o;
  o.max_procs = 1;
  o.preempt_ms = 2;
  return o;
}

TEST(scheduler_fairness, a_sleeper_wakes_while_goroutines_take_turns) {
  Runtime rt(one_p_preempting());
  const auto start = Clock::now();
  std::atomic<Nanos> woke_after{Nanos::max()};
  auto hogs = std::make_unique<turn_takers>(rt);
  rt.go([&] {
    this_goroutine::sleep_for(20ms);
    woke_after = Clock::now() - start;
    hogs->done = true;
  });
  EXPECT_TRUE(rt.join());
  // Without timers checked first the sleeper waits for the hogs to give up (5 s).
  EXPECT_LT(woke_after.load(), 2s);
}

TEST(scheduler_fairness, an_fd_waiter_wakes_while_goroutines_take_turns) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  Runtime rt(one_p_preempting());
  const auto start = Clock::now();
  std::atomic<Nanos> woke_after{Nanos::max()};
  auto hogs = std::make_unique<turn_takers>(rt);
  rt.go([&] {
    EXPECT_TRUE(this_goroutine::wait_fd(fds[0], this_goroutine::IoEvent::kRead));
    woke_after = Clock::now() - start;
    hogs->done = true;
  });
  std::this_thread::sleep_for(20ms);
  ASSERT_EQ(write(fds[1], "x", 1), 1);
  EXPECT_TRUE(rt.join());
  EXPECT_LT(woke_after.load(), 2s);
  close(fds[0]);
  close(fds[1]);
}

TEST(scheduler_fairness, a_preempted_goroutine_queues_behind_a_sleeper_whose_time_came) {
  Runtime rt(one_p_preempting());
  std::atomic<bool> done{false};
  std::atomic<std::uint64_t> preempted_meanwhile{0};
  rt.go([&] {  // first: it parks, and the hog takes the P
    const std::uint64_t before = rt.stats()[0].preemptions;
    this_goroutine::sleep_for(1ms);  // due within the hog's first 2 ms slice
    preempted_meanwhile = rt.stats()[0].preemptions - before;
    done = true;
  });
  rt.go([&] {
    const auto give_up = Clock::now() + 5s;
    while (!done.load() && Clock::now() < give_up) this_goroutine::preempt_point();
  });
  EXPECT_TRUE(rt.join());
  // Queued behind the sleeper, the hog does not get a second slice first.
  EXPECT_EQ(preempted_meanwhile.load(), 1u);
}

TEST(scheduler_fairness, a_critical_section_is_not_preempted_and_yields_after) {
  Runtime rt(one_p_preempting());
  std::atomic<bool> other_ran{false};
  std::atomic<bool> cut{false};
  std::atomic<bool> ran_at_enable{false};
  rt.go([&] {
    this_goroutine::preempt_disable();
    this_goroutine::preempt_disable();  // nests
    rt.go([&] { other_ran = true; });   // on this P, behind us
    // Run on past sysmon's request (or give up after 5 s).
    const auto give_up = Clock::now() + 5s;
    while (rt.stats()[0].preempt_requests == 0 && Clock::now() < give_up) {
      this_goroutine::preempt_point();
      if (other_ran.load()) cut = true;
    }
    this_goroutine::preempt_enable();
    this_goroutine::preempt_point();
    if (other_ran.load()) cut = true;
    this_goroutine::preempt_enable();  // the request kept meanwhile: yields here
    ran_at_enable = other_ran.load();
  });
  EXPECT_TRUE(rt.join());
  EXPECT_FALSE(cut.load()) << "preempted inside the critical section";
  EXPECT_TRUE(ran_at_enable.load()) << "the kept request was not honoured at the end";
  EXPECT_EQ(rt.stats()[0].preemptions, 1u);
  EXPECT_GE(rt.stats()[0].preempt_requests, 1u);
}

TEST_P(scheduler, deadlock_is_reported_with_every_goroutine) {
  std::atomic<int> reports{0};
  std::string text;
  std::atomic<Waiter*> stuck{nullptr};
  std::atomic<Ticket> ticket{0};
  RuntimeOptions o = options();
  o.on_deadlock = [&](const DeadlockReport& report) {
    text = report.text();
    reports.fetch_add(1);
    // Let the test end: release the goroutine nobody else ever would.
    if (stuck.load()->claim(ticket.load())) stuck.load()->wake(ticket.load());
  };
  Runtime rt(o);
  rt.go([&] {
    Waiter& w = Waiter::current();
    Ticket t = w.prepare(WaitReason::kChanRecv);
    ticket = t;
    stuck = &w;
    w.block(t, kNoDeadline, [] {});
  });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(reports.load(), 1);
  EXPECT_NE(text.find("fatal error: all goroutines are asleep - deadlock!"), std::string::npos);
  EXPECT_NE(text.find("goroutine 1 [waiting, chan receive]"), std::string::npos) << text;
}

TEST_P(scheduler, a_sleeping_goroutine_is_no_deadlock) {
  std::atomic<int> reports{0};
  RuntimeOptions o = options();
  o.on_deadlock = [&](const DeadlockReport&) { reports.fetch_add(1); };
  Runtime rt(o);
  rt.go([] { this_goroutine::sleep_for(150ms); });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(reports.load(), 0);
}

TEST_P(scheduler, stacks_are_reused) {
  Runtime rt(options());
  for (int round = 0; round < 50; ++round) {
    for (int i = 0; i < 100; ++i) rt.go([] { this_goroutine::yield(); });
    EXPECT_TRUE(rt.join());
  }
  // 5000 goroutines ran, at most 100 at a time: their stacks came back to the
  // caches and were handed out again, so one slab was carved and no more.
  StackStats stats = rt.stack_stats();
  EXPECT_EQ(stats.slabs, 1u);
  EXPECT_LE(stats.in_use, 100u + 64u * static_cast<unsigned>(GetParam()));
}

TEST_P(scheduler, a_stack_that_grew_gives_its_memory_back) {
  Runtime rt(options());
  rt.go([] {
    volatile char deep[128 * 1024];
    for (std::size_t i = 0; i < sizeof deep; i += 512) deep[i] = 1;
  });
  EXPECT_TRUE(rt.join());
  EXPECT_GE(rt.stack_stats().shrinks, 1u);
}

// The glue sees every M start and stop on its own thread, and every goroutine
// run bracketed by switch_in / switch_out on the M that runs it.
struct RecordingGlue : Glue {
  std::atomic<int> starts{0}, stops{0}, ins{0}, outs{0}, finished{0}, unbalanced{0};
  static thread_local int depth;
  static thread_local int m_of_thread;
  void m_start(int m) override {
    m_of_thread = m;
    starts++;
  }
  void m_stop(int m) override {
    if (m != m_of_thread) unbalanced++;
    stops++;
  }
  void g_switch_in(int m, GoroutineInfo& g) override {
    if (depth++ != 0 || m != m_of_thread || g.id == 0) unbalanced++;
    // The glue sees the stack the goroutine runs on (PHP bounds its checks by it).
    if (g.stack_base == nullptr || g.stack_top <= g.stack_base) unbalanced++;
    if (g.glue_data == nullptr) g.glue_data = new int(static_cast<int>(g.id));
    ins++;
  }
  void g_switch_out(int m, GoroutineInfo& /*g*/) override {
    if (--depth != 0 || m != m_of_thread) unbalanced++;
    outs++;
  }
  void g_finished(int, GoroutineInfo& g) override {
    if (*static_cast<int*>(g.glue_data) != static_cast<int>(g.id)) unbalanced++;
    delete static_cast<int*>(g.glue_data);
    finished++;
  }
};
thread_local int RecordingGlue::depth = 0;
thread_local int RecordingGlue::m_of_thread = -1;

TEST_P(scheduler, the_glue_brackets_every_run_and_every_m) {
  RecordingGlue glue;
  {
    RuntimeOptions o = options();
    o.glue = &glue;
    Runtime rt(o);
    for (int i = 0; i < 500; ++i) {
      rt.go([] {
        this_goroutine::yield();
        this_goroutine::sleep_for(1ms);
      });
    }
    EXPECT_TRUE(rt.join());
  }
  EXPECT_EQ(glue.starts.load(), GetParam());
  EXPECT_EQ(glue.stops.load(), GetParam());
  EXPECT_EQ(glue.finished.load(), 500);
  // The yield makes two runs of each; the sleep a third, unless its 1 ms were
  // already over when it came to park (a slow, loaded or sanitized run).
  EXPECT_GE(glue.ins.load(), 1000) << "each goroutine runs at least twice";
  EXPECT_EQ(glue.ins.load(), glue.outs.load());
  EXPECT_EQ(glue.unbalanced.load(), 0);
}

struct PreemptGlue : Glue {
  std::atomic<int> requests{0};
  void request_preempt(int) override { requests++; }
};

TEST_P(scheduler, sysmon_asks_the_glue_to_preempt_a_long_run) {
  PreemptGlue glue;
  RuntimeOptions o = options();
  o.glue = &glue;
  o.preempt_ms = 5;
  Runtime rt(o);
  rt.go([] {
    auto until = Clock::now() + 60ms;
    while (Clock::now() < until) {
    }
  });
  EXPECT_TRUE(rt.join());
  EXPECT_GE(glue.requests.load(), 1);
}

}  // namespace
}  // namespace goos
