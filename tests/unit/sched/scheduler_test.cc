#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "goos/chan.h"
#include "goos/runtime.h"
#include "goos/waiter.h"

namespace goos {
namespace {

using namespace std::chrono_literals;

#ifdef GOOS_SANITIZED
// ThreadSanitizer makes and frees a fiber state for every goroutine (an mmap
// and a munmap each) and slows every switch: 100k goroutines took 60-70 s on
// an idle 2-vCPU VM and over 300 s (ctest's timeout) on a loaded one.
constexpr int kMillion = 10'000;
constexpr int kTreeDepth = 11;    // 4k goroutines
constexpr int kYielders = 500;    // each yields 20 times
constexpr int kReuseRounds = 20;  // of 100 goroutines: still ~4 slabs' worth
#else
constexpr int kMillion = 1'000'000;
constexpr int kTreeDepth = 14;  // 32k goroutines
constexpr int kYielders = 2000;
constexpr int kReuseRounds = 50;
#endif

// A bound that only a lost wake-up or a missing mechanism reaches, never a
// slow or loaded machine: loops that wait for the runtime to do something give
// up after it, so that a bug fails the test instead of hanging it.
constexpr auto kGiveUp = 30s;

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
  rt.go([&] { tree(kTreeDepth); });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(leaves.load(), 1 << kTreeDepth);
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
  for (int i = 0; i < kYielders; ++i) {
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
  std::atomic<bool> stolen{false};
  const Deadline give_up = Clock::now() + kGiveUp;
  rt.go([&] {
    // One goroutine makes all the work on its P; the others must steal it.
    // Each piece holds its M until some piece has run on another P (or, if no
    // P ever steals, until the give-up): however late the kernel runs the
    // other Ms, the work is still there for them to take.
    for (int i = 0; i < 200; ++i) {
      rt.go([&] {
        const int p = this_goroutine::p();
        {
          std::lock_guard guard(lock);
          ps.insert(p);
          if (ps.size() > 1) stolen = true;
        }
        while (!stolen.load() && Clock::now() < give_up) {
        }
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

// Each P keeps its sleepers in its own timer heap, so the order holds per P:
// across Ps it is the kernel's to decide which M runs first. How late a
// sleeper wakes is the machine's too (the timer figures are benchmarks').
TEST_P(scheduler, sleeping_goroutines_wake_in_deadline_order_on_time) {
  constexpr int kSleepers = 10;
  Runtime rt(options());
  std::mutex lock;
  std::vector<std::pair<int, int>> order;  // (P, sleeper) in the order they woke
  std::vector<Nanos> lateness(kSleepers);
  // Far enough out that all are parked before the first deadline on any
  // machine worth testing on; checked below, since order is only meaningful
  // among parked sleepers.
  const Clock::time_point start = Clock::now() + 200ms;
  for (int i = kSleepers - 1; i >= 0; --i) {
    rt.go([&, i] {
      Deadline d = start + i * 15ms;
      this_goroutine::sleep_until(d);
      lateness[static_cast<std::size_t>(i)] = Clock::now() - d;
      std::lock_guard guard(lock);
      order.emplace_back(this_goroutine::p(), i);
    });
  }
  // A sleeper shows as waiting once its timer is in its P's heap.
  bool parked_in_time = false;
  while (Clock::now() < start) {
    std::size_t waiting = 0;
    for (const GoroutineSnapshot& g : rt.snapshot()) waiting += g.status == std::string("waiting");
    if (waiting == kSleepers) {
      parked_in_time = Clock::now() < start;
      break;
    }
    std::this_thread::sleep_for(1ms);
  }
  EXPECT_TRUE(rt.join());
  ASSERT_EQ(order.size(), std::size_t{kSleepers});
  for (Nanos late : lateness) EXPECT_GE(late, Nanos::zero()) << "woke before its deadline";
  if (!parked_in_time) {
    std::fprintf(stderr,
                 "note: the sleepers were not all parked before the first deadline; "
                 "their order says nothing\n");
    return;
  }
  std::map<int, int> last_of_p;
  for (const auto& [p, i] : order) {
    auto [it, first] = last_of_p.emplace(p, i);
    if (!first) {
      EXPECT_LT(it->second, i) << "on P" << p << ", sleeper " << i << " woke after a later one";
      it->second = i;
    }
  }
  if (GetParam() == 1) {
    std::vector<int> woke;
    for (const auto& entry : order) woke.push_back(entry.second);
    EXPECT_EQ(woke, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
  }
}

TEST_P(scheduler, a_sleeping_goroutine_does_not_hold_its_thread) {
  Runtime rt(options());
  std::atomic<bool> second_ran{false};
  std::atomic<bool> ran_while_first_slept{false};
  // The first goroutine sleeps in short naps until it sees the second has run.
  // With one P, a sleep that held the thread would keep the second from
  // running for as long as the first kept napping: until the give-up.
  rt.go([&] {
    const Deadline give_up = Clock::now() + kGiveUp;
    while (!second_ran.load() && Clock::now() < give_up) this_goroutine::sleep_for(10ms);
    ran_while_first_slept = second_ran.load();
  });
  rt.go([&] { second_ran = true; });
  EXPECT_TRUE(rt.join());
  EXPECT_TRUE(second_ran.load());
  EXPECT_TRUE(ran_while_first_slept.load()) << "the sleeper held its thread";
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
  Chan<int> release(0);
  rt.go([&] { release.recv(); });  // lives until released, however slow the machine
  EXPECT_FALSE(rt.join(Clock::now() + 10ms));
  EXPECT_EQ(rt.num_goroutine(), 1u);
  release.close();
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
  // cancel_joins() wakes the threads in join() now; the joiner may not have
  // got there yet, however long we wait first. So cancel until it returns:
  // it can only return because of a cancel (a goroutine still lives).
  const Deadline give_up = Clock::now() + kGiveUp;
  while (!returned.load() && Clock::now() < give_up) {
    rt.cancel_joins();
    std::this_thread::sleep_for(1ms);
  }
  const bool cancelled = returned.load();
  release.close();  // the goroutine ends: the joiner returns now in any case
  joiner.join();
  EXPECT_TRUE(cancelled) << "cancel_joins() never woke the joiner";
  if (cancelled) {
    EXPECT_FALSE(result.load()) << "a goroutine still lives";
  }
  EXPECT_TRUE(rt.join());
}

TEST_P(scheduler, a_looping_goroutine_is_preempted_at_its_safe_points) {
  RuntimeOptions o = options();
  o.max_procs = 1;  // the hog and the other share one P: only preemption lets both run
  o.preempt_ms = 10;
  Runtime rt(o);
  std::atomic<bool> other_ran{false};
  rt.go([&] {
    auto give_up = Clock::now() + kGiveUp;
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
// They give up after kGiveUp, so that a waiter they starve fails its test
// instead of hanging it.
class turn_takers {
 public:
  explicit turn_takers(Runtime& rt) {
    for (int i = 0; i < 2; ++i) {
      rt.go([this] {
        const auto give_up = Clock::now() + kGiveUp;
        while (!done.load() && Clock::now() < give_up) this_goroutine::preempt_point();
        if (!done.load()) gave_up = true;
      });
    }
  }
  std::atomic<bool> done{false};
  std::atomic<bool> gave_up{false};
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
  // Without timers checked first the sleeper waits for the hogs to give up.
  EXPECT_FALSE(hogs->gave_up.load()) << "the sleeper woke only after the hogs gave up";
  EXPECT_GE(woke_after.load(), 20ms);
}

TEST(scheduler_fairness, an_fd_waiter_wakes_while_goroutines_take_turns) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  Runtime rt(one_p_preempting());
  auto hogs = std::make_unique<turn_takers>(rt);
  rt.go([&] {
    EXPECT_TRUE(this_goroutine::wait_fd(fds[0], this_goroutine::IoEvent::kRead));
    hogs->done = true;
  });
  std::this_thread::sleep_for(20ms);
  ASSERT_EQ(write(fds[1], "x", 1), 1);
  EXPECT_TRUE(rt.join());
  // Without fds polled while the queue is never empty, the waiter waits for
  // the hogs to give up.
  EXPECT_FALSE(hogs->gave_up.load()) << "the fd waiter woke only after the hogs gave up";
  close(fds[0]);
  close(fds[1]);
}

TEST(scheduler_fairness, a_preempted_goroutine_queues_behind_a_sleeper_whose_time_came) {
  Runtime rt(one_p_preempting());
  std::atomic<bool> done{false};
  std::atomic<std::uint64_t> preempted_meanwhile{0};
  std::atomic<Deadline> due{kNoDeadline};
  std::atomic<Deadline> hog_started{kNoDeadline};
  rt.go([&] {  // first: it parks, and the hog takes the P
    const std::uint64_t before = rt.stats()[0].preemptions;
    due = deadline_after(1ms);  // due within the hog's first 2 ms slice, if it starts in time
    this_goroutine::sleep_until(due.load());
    preempted_meanwhile = rt.stats()[0].preemptions - before;
    done = true;
  });
  rt.go([&] {
    hog_started = Clock::now();
    const auto give_up = Clock::now() + kGiveUp;
    while (!done.load() && Clock::now() < give_up) this_goroutine::preempt_point();
  });
  EXPECT_TRUE(rt.join());
  // Queued behind the sleeper, the hog does not get a second slice first.
  EXPECT_LE(preempted_meanwhile.load(), 1u) << "the hog ran again before the sleeper";
  // Its first slice ends at least 2 ms after it began, so if it began before
  // the sleeper was due, the sleeper was due when it ended: exactly one slice.
  // If the kernel kept the M away until the sleeper was due, the sleeper may
  // have run first (timers come before the queues): none.
  if (hog_started.load() < due.load()) {
    EXPECT_EQ(preempted_meanwhile.load(), 1u);
  }
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
    const auto give_up = Clock::now() + kGiveUp;
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
  for (int round = 0; round < kReuseRounds; ++round) {
    for (int i = 0; i < 100; ++i) rt.go([] { this_goroutine::yield(); });
    EXPECT_TRUE(rt.join());
  }
  // Thousands of goroutines ran (more than a slab's 500-odd slots), at most 100
  // at a time: their stacks came back to the caches and were handed out
  // again, so one slab was carved and no more.
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
  // A run that lasts until sysmon has asked (however late the kernel runs
  // sysmon), or until the give-up if it never does.
  rt.go([&glue] {
    const Deadline give_up = Clock::now() + kGiveUp;
    while (glue.requests.load() == 0 && Clock::now() < give_up) {
    }
  });
  EXPECT_TRUE(rt.join());
  EXPECT_GE(glue.requests.load(), 1);
}

}  // namespace
}  // namespace goos
