// Callback timers: Runtime::after() and Runtime::stop_timer(), run by sysmon.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <random>
#include <thread>
#include <vector>

#include "callback_timers.h"  // internal: tests see src/runtime
#include "goos/chan.h"
#include "goos/runtime.h"

namespace goos {
namespace {

using namespace std::chrono_literals;

#ifdef GOOS_SANITIZED
constexpr int kThreads = 4;
constexpr int kTimersPerThread = 300;
#else
constexpr int kThreads = 8;
constexpr int kTimersPerThread = 2000;
#endif

// Every test runs with one P and with several. Every test but the deadlock
// ones waits for a timer with every P idle and the main thread blocked: the
// deadlock detector must not call that a standstill, so each one counts
// reports and expects none. What a callback touches is declared before the
// Runtime: it outlives sysmon, which may still be inside the callback when the
// test has seen its effect.
class callback_timer : public testing::TestWithParam<int> {
 protected:
  RuntimeOptions options() {
    RuntimeOptions o;
    o.max_procs = GetParam();
    o.on_deadlock = [this](const DeadlockReport&) { deadlocks.fetch_add(1); };
    return o;
  }
  void TearDown() override { EXPECT_EQ(deadlocks.load(), 0); }

  std::atomic<int> deadlocks{0};
};

INSTANTIATE_TEST_SUITE_P(procs, callback_timer, testing::Values(1, 3),
                         [](const auto& info) { return std::to_string(info.param) + "p"; });

// Waits (polling) until `done` holds, for at most `limit`: a bound only a
// lost callback reaches, never a slow or loaded machine.
template <typename F>
bool eventually(F done, Nanos limit = 30s) {
  const Deadline until = Clock::now() + limit;
  while (!done()) {
    if (Clock::now() > until) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

// How late a timer fires is the machine's to decide (a loaded one runs sysmon
// ~10 ms late); the figures are benchmarks' (bench/scheduler_bench.cc).
TEST_P(callback_timer, fires_once_at_about_its_time) {
  Chan<Deadline> fired(4);
  Runtime rt(options());
  const Deadline when = Clock::now() + 30ms;
  const TimerId id = rt.after(when, [&] { fired.try_send(Clock::now()); });
  EXPECT_NE(id, 0u);
  std::optional<Deadline> at = fired.recv();  // the main thread blocks: every P idles
  ASSERT_TRUE(at.has_value());
  EXPECT_GE(*at, when) << "fired early";
  std::this_thread::sleep_for(50ms);
  std::optional<Deadline> again;
  EXPECT_EQ(fired.try_recv(again), ChanStatus::kWouldBlock) << "fired twice";
}

// sysmon sleeps 10 ms rounds while every P idles; after() wakes it when the
// new timer is the earliest (CallbackTimers::add says so: tested below), so a
// due timer fires at once. How soon "at once" is depends on how soon the
// kernel runs sysmon, which on a loaded machine is about a round anyway: the
// figure is a benchmark's (BM_callback_timer_due_ns); here, that it fires,
// once, and not before it was armed.
TEST_P(callback_timer, a_timer_already_due_fires_while_every_p_idles) {
  Chan<Nanos> waited(1);
  Runtime rt(options());
  for (int i = 0; i < 9; ++i) {
    std::this_thread::sleep_for(3ms);  // somewhere in a round of sysmon's
    const Deadline armed = Clock::now();
    rt.after(armed - 1s, [&, armed] { waited.try_send(Clock::now() - armed); });
    EXPECT_GE(*waited.recv(), Nanos::zero());
  }
}

// What makes after() wake sysmon: a timer that becomes the first to fire says
// so; and what sysmon sleeps until: the earliest pending deadline.
TEST(callback_timers, a_new_earliest_timer_says_so_and_next_is_the_earliest) {
  CallbackTimers timers;
  const Deadline t = Clock::now() + 1h;
  EXPECT_EQ(timers.next(), kNoDeadline);
  const CallbackTimers::Armed a = timers.add(t + 10ms, [] {});
  EXPECT_TRUE(a.earliest) << "the only timer";
  EXPECT_FALSE(timers.add(t + 20ms, [] {}).earliest);
  EXPECT_FALSE(timers.add(t + 10ms, [] {}).earliest) << "equal deadlines fire in armed order";
  const CallbackTimers::Armed b = timers.add(t + 5ms, [] {});
  EXPECT_TRUE(b.earliest);
  EXPECT_EQ(timers.next(), t + 5ms);
  EXPECT_TRUE(timers.stop(b.id));
  EXPECT_EQ(timers.next(), t + 10ms);
  EXPECT_FALSE(timers.add(t + 15ms, [] {}).earliest);
  EXPECT_EQ(timers.pending(), 4u);
  timers.clear();
  EXPECT_EQ(timers.next(), kNoDeadline);
  EXPECT_TRUE(timers.add(t + 1h, [] {}).earliest) << "the only timer again";
  timers.clear();
}

TEST_P(callback_timer, fire_in_deadline_order_and_equal_deadlines_in_armed_order) {
  Chan<int> order(16);
  // Armed out of order; 3 and 4 share a deadline and fire in the order armed.
  const std::vector<std::pair<int, Nanos>> timers = {{5, 12ms}, {1, 0ms}, {3, 6ms},
                                                     {4, 6ms},  {2, 3ms}, {6, 15ms}};
  Runtime rt(options());
  // All armed by one callback, on sysmon: it runs none of them before the
  // callback returns (they wait for its next round), so none can fire before
  // an earlier one is armed, however slowly this thread or sysmon runs.
  rt.after(Clock::now(), [&rt, &order, &timers] {
    const Deadline base = Clock::now() + 5ms;
    for (const auto& [label, offset] : timers) {
      rt.after(base + offset, [&order, label = label] { order.try_send(label); });
    }
  });
  std::vector<int> got;
  for (std::size_t i = 0; i < timers.size(); ++i) got.push_back(*order.recv());
  EXPECT_EQ(got, (std::vector<int>{1, 2, 3, 4, 5, 6}));
}

// The timer is due long after the test: stop_timer() comes first on any
// machine. The callback destroyed is one that can never run.
TEST_P(callback_timer, stop_before_firing_wins_and_destroys_the_callback) {
  std::atomic<bool> ran{false};
  auto owned = std::make_shared<int>(0);
  Runtime rt(options());
  const TimerId id = rt.after(Clock::now() + 1h, [&ran, owned] { ran = true; });
  EXPECT_EQ(owned.use_count(), 2);
  EXPECT_TRUE(rt.stop_timer(id));
  EXPECT_EQ(owned.use_count(), 1) << "stop_timer() destroys the callback it stopped";
  EXPECT_FALSE(rt.stop_timer(id)) << "stopped already";
  EXPECT_FALSE(ran.load());
}

TEST_P(callback_timer, stop_after_firing_loses) {
  Chan<int> fired(1);
  auto owned = std::make_shared<int>(0);
  Runtime rt(options());
  const TimerId id = rt.after(Clock::now() + 1ms, [&fired, owned] { fired.try_send(1); });
  EXPECT_EQ(fired.recv(), 1);
  EXPECT_FALSE(rt.stop_timer(id));
  // sysmon drops the callback right after it returns.
  EXPECT_TRUE(eventually([&] { return owned.use_count() == 1; }));
  EXPECT_FALSE(rt.stop_timer(0)) << "0 is never an id";
}

TEST_P(callback_timer, a_callback_may_stop_another_timer) {
  std::atomic<bool> late_ran{false};
  Chan<bool> stopped(1);
  Runtime rt(options());
  // `late` is due long after the test, so the other callback stops it however
  // late sysmon runs that one.
  const TimerId late = rt.after(Clock::now() + 1h, [&] { late_ran = true; });
  rt.after(Clock::now() + 10ms, [&] { stopped.try_send(rt.stop_timer(late)); });
  EXPECT_EQ(stopped.recv(), true);
  EXPECT_FALSE(late_ran.load());
}

// A callback is destroyed with no lock held, whoever drops it: its destructor
// may use timers too (a PHP callback's captures may release what owns one).
TEST_P(callback_timer, a_callback_destructor_may_use_timers) {
  struct UsesTimersWhenDestroyed {
    Runtime& rt;
    std::atomic<int>& destroyed;
    ~UsesTimersWhenDestroyed() {
      rt.stop_timer(rt.after(kNoDeadline, [] {}));
      destroyed.fetch_add(1);
    }
  };
  std::atomic<int> destroyed{0};
  Chan<int> fired(1);
  Runtime rt(options());
  auto stopped = std::make_shared<UsesTimersWhenDestroyed>(rt, destroyed);
  auto ran = std::make_shared<UsesTimersWhenDestroyed>(rt, destroyed);
  EXPECT_TRUE(rt.stop_timer(rt.after(kNoDeadline, [owned = std::move(stopped)] {})));
  EXPECT_EQ(destroyed.load(), 1);
  rt.after(Clock::now(), [&fired, owned = std::move(ran)] { fired.try_send(1); });
  EXPECT_EQ(fired.recv(), 1);
  EXPECT_TRUE(eventually([&] { return destroyed.load() == 2; }));
}

// A ticker as the PHP glue builds Time::tick(): a callback that sends without
// blocking and re-arms itself for its next period, here until it has ticked N
// times. No tick comes early and none after the last; how punctual the ticks
// are depends on how soon the kernel runs sysmon (the next test shows that
// sysmon sleeps until the next timer, not for a whole round).
TEST_P(callback_timer, a_ticker_re_arms_itself_and_never_ticks_early) {
  static constexpr int kTicks = 20;
  static constexpr auto kPeriod = 5ms;
  struct Ticker {
    Runtime* rt = nullptr;
    Chan<Nanos> lateness{kTicks};
    Deadline next{};
    int ticks = 0;
    void arm() {
      rt->after(next, [this] {
        lateness.try_send(Clock::now() - next);
        if (++ticks == kTicks) return;
        next += kPeriod;
        arm();
      });
    }
  } ticker;
  Runtime rt(options());
  ticker.rt = &rt;
  ticker.next = Clock::now() + kPeriod;
  ticker.arm();
  std::vector<Nanos> late;
  for (int i = 0; i < kTicks; ++i) late.push_back(*ticker.lateness.recv());
  std::this_thread::sleep_for(3 * kPeriod);
  std::optional<Nanos> extra;
  EXPECT_EQ(ticker.lateness.try_recv(extra), ChanStatus::kWouldBlock) << "ticked after it stopped";
  std::sort(late.begin(), late.end());
  EXPECT_GE(late.front(), 0ns) << "a tick came early";
}

// While every P idles, sysmon's round is 10 ms; a timer due sooner must end the
// wait early. A chain of timers, each armed by the previous callback (on
// sysmon) kPeriod after that one ran: a sysmon that slept whole rounds would
// fire every one of them at least kRound - kPeriod late (the round that waits
// for it starts after the callback that armed it ran), on any machine. One
// that sleeps until the timer fires it as late as the kernel runs sysmon:
// under load that is often as long as a round too, but not every time.
TEST_P(callback_timer, sysmon_sleeps_until_the_next_timer_not_a_whole_round) {
  static constexpr int kLinks = 30;
  static constexpr auto kPeriod = 2ms;
  static constexpr auto kRound = 10ms;  // sysmon's round while every P idles
  struct Chain {
    Runtime* rt = nullptr;
    Chan<Nanos> lateness{kLinks};
    int links = 0;
    void arm() {
      const Deadline when = Clock::now() + kPeriod;
      rt->after(when, [this, when] {
        lateness.try_send(Clock::now() - when);
        if (++links < kLinks) arm();
      });
    }
  } chain;
  Runtime rt(options());
  chain.rt = &rt;
  chain.arm();
  Nanos least = Nanos::max();
  for (int i = 0; i < kLinks; ++i) {
    const Nanos late = *chain.lateness.recv();
    EXPECT_GE(late, 0ns) << "fired early";
    least = std::min(least, late);
  }
  EXPECT_LT(least, kRound - kPeriod) << "every timer waited for the end of sysmon's round";
}

// A callback that re-arms for a time already past fires again on sysmon's next
// round, not in the same one: it cannot keep sysmon from its other duties.
TEST_P(callback_timer, a_timer_armed_by_a_callback_waits_for_the_next_round) {
  static constexpr int kRearms = 50;
  struct TickGlue : Glue {
    std::atomic<int> ticks{0};
    void sysmon_tick() override { ticks.fetch_add(1); }
  } glue;
  struct Rearming {
    Runtime* rt = nullptr;
    TickGlue* glue = nullptr;
    Chan<int> done{1};
    int fires = 0;
    int same_round = 0;
    int last_tick = -1;
    void arm() {
      rt->after(Clock::now() - 1ms, [this] {
        const int tick = glue->ticks.load();
        if (tick == last_tick) ++same_round;
        last_tick = tick;
        if (++fires < kRearms) {
          arm();
        } else {
          done.try_send(same_round);
        }
      });
    }
  } rearming;
  RuntimeOptions o = options();
  o.glue = &glue;
  Runtime rt(o);
  rearming.rt = &rt;
  rearming.glue = &glue;
  rearming.arm();
  EXPECT_EQ(rearming.done.recv(), 0) << "fires in one round of sysmon";
}

TEST_P(callback_timer, a_callback_readies_a_goroutine) {
  Chan<int> ch(1);
  std::atomic<int> got{0};
  Runtime rt(options());
  rt.go([&] { got = *ch.recv(); });
  rt.after(Clock::now() + 20ms, [&] { EXPECT_EQ(ch.try_send(7), ChanStatus::kOk); });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(got.load(), 7);
}

// Threads and goroutines arm timers due within a few milliseconds, then stop
// every other one, racing sysmon's firing (the earliest have fired by then).
// Each timer ends exactly one way: stop_timer() returned true and it never
// ran, or it ran once.
TEST_P(callback_timer, many_timers_from_many_threads) {
  constexpr int kTotal = 2 * kThreads * kTimersPerThread;  // threads, then goroutines
  std::vector<std::atomic<int>> runs(kTotal);
  std::vector<char> stopped(kTotal, 0);
  std::atomic<int> ran{0};
  Runtime rt(options());
  auto arm_some = [&](int first, unsigned seed) {
    std::minstd_rand rng(seed);
    std::vector<TimerId> ids;
    for (int i = first; i < first + kTimersPerThread; ++i) {
      const Deadline when = Clock::now() + std::chrono::microseconds(rng() % 3000);
      ids.push_back(rt.after(when, [&, i] {
        runs[static_cast<std::size_t>(i)].fetch_add(1);
        ran.fetch_add(1);
      }));
    }
    for (int i = first; i < first + kTimersPerThread; i += 2) {
      stopped[static_cast<std::size_t>(i)] =
          rt.stop_timer(ids[static_cast<std::size_t>(i - first)]);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back(arm_some, t * kTimersPerThread, static_cast<unsigned>(t + 1));
  }
  for (int t = kThreads; t < 2 * kThreads; ++t) {
    rt.go([&, t] { arm_some(t * kTimersPerThread, static_cast<unsigned>(t + 1)); });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_TRUE(rt.join());
  const int expected =
      kTotal - static_cast<int>(std::count(stopped.begin(), stopped.end(), char{1}));
  EXPECT_GE(expected, kTotal / 2) << "the odd ones are never stopped";
  ASSERT_TRUE(eventually([&] { return ran.load() >= expected; }));
  std::this_thread::sleep_for(20ms);
  EXPECT_EQ(ran.load(), expected);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    ASSERT_EQ(runs[i].load(), stopped[i] ? 0 : 1) << "timer " << i;
  }
}

// As Go: a goroutine blocked on `<-time.After(d)` is not deadlocked, because a
// pending timer may still feed it.
TEST_P(callback_timer, a_goroutine_a_timer_will_feed_is_no_deadlock) {
  Chan<int> ch(1);
  Runtime rt(options());
  rt.go([&] { ch.recv(); });
  rt.after(Clock::now() + 50ms, [&] { ch.try_send(1); });
  EXPECT_TRUE(rt.join());
}

TEST_P(callback_timer, once_the_timer_is_stopped_it_is_a_deadlock) {
  Chan<int> ch(1);
  std::atomic<int> reports{0};
  RuntimeOptions o = options();
  o.on_deadlock = [&](const DeadlockReport&) {
    reports.fetch_add(1);
    ch.try_send(0);  // let the test end
  };
  Runtime rt(o);
  rt.go([&] { ch.recv(); });
  // Due long after the test: stopped before it fires on any machine.
  const TimerId id = rt.after(Clock::now() + 1h, [&] { ch.try_send(1); });
  EXPECT_TRUE(rt.stop_timer(id));
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(reports.load(), 1);
}

// The window between a callback readying a goroutine and that goroutine
// running (it waits in its M's inbox until the M wakes) is progress, not a
// standstill: a ticker feeds a goroutine many times and no deadlock is seen.
TEST_P(callback_timer, a_ticker_feeding_a_goroutine_is_no_deadlock) {
  static constexpr int kTicks = 200;
  Chan<int> ch(1);
  std::atomic<int> got{0};
  struct Ticker {
    Chan<int>& ch;
    Runtime* rt = nullptr;
    int left = kTicks;
    void arm() {
      rt->after(Clock::now() + 1ms, [this] {
        if (ch.try_send(1) == ChanStatus::kOk) --left;
        if (left > 0) arm();
      });
    }
  } ticker{ch};
  Runtime rt(options());
  ticker.rt = &rt;
  rt.go([&] {
    for (int i = 0; i < kTicks; ++i) got += *ch.recv();
  });
  ticker.arm();
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(got.load(), kTicks);
}

// Due long after the test, so still pending when the runtime stops however
// slowly this thread runs; dropped means destroyed, so it can never run.
TEST_P(callback_timer, pending_timers_are_dropped_unrun_when_the_runtime_stops) {
  std::atomic<bool> ran{false};
  auto owned = std::make_shared<int>(0);
  {
    Runtime rt(options());
    rt.after(Clock::now() + 1h, [&ran, owned] { ran = true; });
  }
  EXPECT_EQ(owned.use_count(), 1) << "dropped: its callback destroyed";
  EXPECT_FALSE(ran.load());
}

}  // namespace
}  // namespace goos
