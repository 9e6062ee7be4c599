// Dumps: Runtime::snapshot_described() has each M describe its own goroutines
// through Glue::g_describe, between goroutine runs (src/runtime/describe.cc).
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "../support/parties.h"
#include "goos/chan.h"
#include "goos/runtime.h"
#include "goos/waiter.h"

namespace goos {
namespace {

using namespace std::chrono_literals;
using test::eventually;

// Ends the test binary with a message when a wait that must end does not:
// a hung dump fails its test instead of stalling the suite until its timeout.
class Watchdog {
 public:
  Watchdog(std::chrono::seconds limit, const char* what)
      : thread_([this, limit, what] {
          std::unique_lock guard(lock_);
          if (!done_cv_.wait_for(guard, limit, [this] { return done_; })) {
            std::fprintf(stderr, "hung: %s\n", what);
            std::abort();
          }
        }) {}
  ~Watchdog() {
    {
      std::lock_guard guard(lock_);
      done_ = true;
    }
    done_cv_.notify_all();
    thread_.join();
  }

 private:
  std::mutex lock_;
  std::condition_variable done_cv_;
  bool done_ = false;
  std::thread thread_;
};

constexpr auto kHang = std::chrono::seconds(60);

// Describes a goroutine as "g<id> on m<m>", and checks that it is asked on the
// M that runs that goroutine, on that M's thread, while nothing runs there.
struct DescribingGlue : Glue {
  static thread_local int m_of_thread;
  static thread_local std::uint64_t running;  // the goroutine on this thread now; 0: none

  std::mutex lock;
  std::map<std::uint64_t, int> ran_on;     // goroutine id -> the M of its runs
  std::map<std::uint64_t, int> described;  // goroutine id -> times described
  int wrong = 0;                           // asked on another M or thread, or mid-run
  std::string more;                        // appended to every description

  static std::string text(std::uint64_t id, int m) {
    return "g" + std::to_string(id) + " on m" + std::to_string(m);
  }

  void m_start(int m) override { m_of_thread = m; }
  void g_switch_in(int m, GoroutineInfo& g) override {
    running = g.id;
    std::lock_guard guard(lock);
    ran_on.emplace(g.id, m);
  }
  void g_switch_out(int, GoroutineInfo&) override { running = 0; }
  std::string g_describe(int m, GoroutineInfo& g) override {
    std::lock_guard guard(lock);
    auto it = ran_on.find(g.id);
    if (m != m_of_thread || running != 0 || it == ran_on.end() || it->second != m) wrong++;
    described[g.id]++;
    return text(g.id, m) + more;
  }
  int wrong_count() {
    std::lock_guard guard(lock);
    return wrong;
  }
};
thread_local int DescribingGlue::m_of_thread = -1;
thread_local std::uint64_t DescribingGlue::running = 0;

class describe : public testing::TestWithParam<int> {
 protected:
  RuntimeOptions options() {
    RuntimeOptions o;
    o.max_procs = GetParam();
    o.glue = &glue;
    return o;
  }
  DescribingGlue glue;
};

INSTANTIATE_TEST_SUITE_P(procs, describe, testing::Values(1, 3),
                         [](const auto& info) { return std::to_string(info.param) + "p"; });

std::size_t count_status(const std::vector<GoroutineSnapshot>& gs, const std::string& status) {
  std::size_t n = 0;
  for (const auto& g : gs) n += g.status == status ? 1 : 0;
  return n;
}

const GoroutineSnapshot* find(const std::vector<GoroutineSnapshot>& gs, std::uint64_t id) {
  for (const auto& g : gs) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

// Starts `n` goroutines that park on `gate` and waits until they have.
void park_on(Runtime& rt, Chan<int>& gate, int n) {
  for (int i = 0; i < n; ++i) rt.go([&gate] { gate.recv(); });
  ASSERT_TRUE(eventually([&] { return count_status(rt.snapshot(), "waiting") == std::size_t(n); }));
}

TEST_P(describe, parked_and_runnable_goroutines_are_described_once_each_on_their_own_m) {
  Runtime rt(options());
  Chan<int> gate;
  park_on(rt, gate, 20);
  // Goroutines that keep yielding: each is runnable whenever its M is in its loop.
  std::atomic<bool> stop{false};
  std::atomic<int> yielding{0};
  const int yielders = 2 * GetParam();
  for (int i = 0; i < yielders; ++i) {
    rt.go([&] {
      yielding.fetch_add(1);
      while (!stop.load()) this_goroutine::yield();
    });
  }
  ASSERT_TRUE(eventually([&] { return yielding.load() == yielders; }));

  std::vector<GoroutineSnapshot> dump;
  {
    Watchdog dog(kHang, "snapshot_described() with parked and yielding goroutines");
    dump = rt.snapshot_described();
  }
  stop = true;
  gate.close();
  EXPECT_TRUE(rt.join());

  ASSERT_EQ(dump.size(), std::size_t(20 + yielders));
  int waiting = 0, runnable = 0;
  for (const auto& g : dump) {
    EXPECT_EQ(g.description, DescribingGlue::text(g.id, g.p)) << "goroutine " << g.id;
    if (g.status == std::string("waiting")) {
      EXPECT_EQ(g.reason, WaitReason::kChanRecv);
      waiting++;
    } else if (g.status == std::string("runnable")) {
      runnable++;
    }
  }
  EXPECT_EQ(waiting, 20);
  EXPECT_EQ(runnable, yielders);
  std::lock_guard guard(glue.lock);
  EXPECT_EQ(glue.described.size(), dump.size());
  for (const auto& [id, times] : glue.described) {
    EXPECT_EQ(times, 1) << "goroutine " << id;
    EXPECT_NE(find(dump, id), nullptr) << "goroutine " << id;
  }
  EXPECT_EQ(glue.wrong, 0);
}

// Every goroutine is parked on a channel and no timer is pending: nothing but
// the dump's own doorbell wakes a sleeping M, so an M that slept through a
// dump would hold it forever (the watchdog ends the test). How quickly the
// answer comes is the kernel's business.
TEST_P(describe, requests_while_every_m_sleeps_are_answered) {
  Runtime rt(options());
  Chan<int> gate;
  park_on(rt, gate, 10);
  {
    Watchdog dog(kHang, "snapshot_described() while every M sleeps");
    for (int round = 0; round < 200; ++round) {
      // Give the Ms time to fall asleep in their pollers again.
      if (round % 20 == 0) std::this_thread::sleep_for(20ms);
      auto dump = rt.snapshot_described();
      ASSERT_EQ(dump.size(), 10u);
      for (const auto& g : dump) EXPECT_EQ(g.description, DescribingGlue::text(g.id, g.p));
    }
  }
  gate.close();
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(glue.wrong_count(), 0);
}

TEST(describe_1p, a_goroutine_dumps_itself_and_sees_its_unstarted_children) {
  DescribingGlue glue;
  RuntimeOptions o;
  o.max_procs = 1;
  o.glue = &glue;
  Runtime rt(o);
  Chan<int> gate;
  park_on(rt, gate, 1);
  std::vector<GoroutineSnapshot> dump;
  std::uint64_t me = 0;
  std::vector<std::uint64_t> children;
  {
    Watchdog dog(kHang, "snapshot_described() from a goroutine");
    rt.go([&] {
      me = this_goroutine::id();
      // One P, held by this goroutine: the children cannot start before the
      // M describes, which it does as soon as this goroutine parks.
      for (int i = 0; i < 3; ++i) children.push_back(rt.go([] {}));
      dump = rt.snapshot_described();
    });
    EXPECT_TRUE(eventually([&] { return rt.num_goroutine() == 1; }));
  }
  gate.close();
  EXPECT_TRUE(rt.join());

  ASSERT_EQ(dump.size(), 5u);
  const GoroutineSnapshot* self = find(dump, me);
  ASSERT_NE(self, nullptr);
  EXPECT_STREQ(self->status, "running");
  EXPECT_EQ(self->description, DescribingGlue::text(me, 0)) << "described while it waited";
  for (std::uint64_t child : children) {
    const GoroutineSnapshot* g = find(dump, child);
    ASSERT_NE(g, nullptr);
    EXPECT_STREQ(g->status, "runnable (not started)");
    EXPECT_EQ(g->p, -1);
    EXPECT_EQ(g->description, "") << "an unstarted goroutine has nothing to describe";
  }
  const GoroutineSnapshot* parked = find(dump, 1);
  ASSERT_NE(parked, nullptr);
  EXPECT_STREQ(parked->status, "waiting");
  EXPECT_EQ(parked->description, DescribingGlue::text(1, 0));
  EXPECT_EQ(glue.wrong_count(), 0);
}

TEST_P(describe, concurrent_requesters_each_get_every_description) {
  Runtime rt(options());
  Chan<int> gate;
  park_on(rt, gate, 10);
  std::vector<std::uint64_t> parked;
  for (const auto& g : rt.snapshot()) parked.push_back(g.id);

  constexpr int kRounds = 200;
  std::atomic<int> bad{0};
  auto requester = [&](bool goroutine) {
    for (int round = 0; round < kRounds; ++round) {
      auto dump = rt.snapshot_described();
      for (std::uint64_t id : parked) {
        const GoroutineSnapshot* g = find(dump, id);
        if (g == nullptr || g->description != DescribingGlue::text(id, g->p)) bad++;
      }
      if (goroutine) {
        const GoroutineSnapshot* self = find(dump, this_goroutine::id());
        if (self == nullptr || std::string(self->status) != "running" ||
            self->description != DescribingGlue::text(self->id, this_goroutine::p())) {
          bad++;
        }
      }
    }
  };
  // Goroutines start, park and end meanwhile: every M keeps switching, and G
  // structs are reused under the dumps' scans.
  std::atomic<bool> stop{false};
  std::atomic<bool> churned{false};
  rt.go([&] {
    while (!stop.load()) {
      for (int i = 0; i < 8; ++i) rt.go([] { this_goroutine::sleep_for(10us); });
      this_goroutine::sleep_for(50us);
    }
    churned = true;
  });
  {
    Watchdog dog(kHang, "concurrent snapshot_described()");
    std::atomic<int> finished{0};
    for (int i = 0; i < 3; ++i) {
      rt.go([&] {
        requester(true);
        finished++;
      });
    }
    std::vector<std::thread> threads;
    for (int i = 0; i < 3; ++i) threads.emplace_back([&] { requester(false); });
    for (auto& t : threads) t.join();
    EXPECT_TRUE(eventually([&] { return finished.load() == 3; }));
    stop = true;
    EXPECT_TRUE(eventually([&] { return churned.load(); }));
  }
  EXPECT_EQ(bad.load(), 0);
  gate.close();
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(glue.wrong_count(), 0);
}

TEST_P(describe, a_goroutine_that_never_switches_holds_a_dump_until_preempted) {
  RuntimeOptions o = options();
  o.preempt_ms = 5;
  Runtime rt(o);
  std::atomic<bool> stop{false};
  const std::uint64_t hog = rt.go([&] {
    while (!stop.load(std::memory_order_relaxed)) this_goroutine::preempt_point();
  });
  ASSERT_TRUE(eventually([&] { return count_status(rt.snapshot(), "running") == 1; }));
  std::vector<GoroutineSnapshot> dump;
  {
    Watchdog dog(kHang, "snapshot_described() while a goroutine hogs its M");
    dump = rt.snapshot_described();
  }
  stop = true;
  EXPECT_TRUE(rt.join());
  const GoroutineSnapshot* g = find(dump, hog);
  ASSERT_NE(g, nullptr);
  // Preemption made it yield: its M described it, runnable, in its queue.
  EXPECT_STREQ(g->status, "runnable");
  EXPECT_EQ(g->description, DescribingGlue::text(hog, g->p));
  std::uint64_t preemptions = 0;
  for (const PStats& s : rt.stats()) preemptions += s.preemptions;
  EXPECT_GE(preemptions, 1u);
  EXPECT_EQ(glue.wrong_count(), 0);
}

TEST(describe_1p, without_preemption_a_dump_waits_for_the_running_goroutine_to_switch) {
  DescribingGlue glue;
  RuntimeOptions o;
  o.max_procs = 1;
  o.preempt_ms = 0;
  o.glue = &glue;
  Runtime rt(o);
  std::atomic<bool> stop{false};
  const std::uint64_t hog = rt.go([&] {
    while (!stop.load(std::memory_order_relaxed)) {
    }
    this_goroutine::yield();  // the switch the dump waits for
    while (stop.load(std::memory_order_relaxed)) {
    }
  });
  ASSERT_TRUE(eventually([&] { return count_status(rt.snapshot(), "running") == 1; }));
  std::atomic<bool> done{false};
  std::vector<GoroutineSnapshot> dump;
  Watchdog dog(kHang, "snapshot_described() after the goroutine switched");
  std::thread requester([&] {
    dump = rt.snapshot_described();
    done = true;
  });
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(done.load()) << "the M cannot describe while its goroutine runs";
  stop = true;
  EXPECT_TRUE(eventually([&] { return done.load(); }));
  requester.join();
  stop = false;
  EXPECT_TRUE(rt.join());
  const GoroutineSnapshot* g = find(dump, hog);
  ASSERT_NE(g, nullptr);
  EXPECT_STREQ(g->status, "runnable");
  EXPECT_EQ(g->description, DescribingGlue::text(hog, 0));
}

TEST(describe_1p, stopping_the_runtime_wakes_a_waiting_dump) {
  DescribingGlue glue;
  RuntimeOptions o;
  o.max_procs = 1;
  o.preempt_ms = 0;
  o.glue = &glue;
  std::atomic<bool> stop{false};
  std::atomic<Waiter*> waiter{nullptr};
  std::vector<GoroutineSnapshot> dump;
  Watchdog dog(kHang, "a dump pending while the runtime stopped");
  std::optional<std::thread> requester;
  std::thread releaser;
  {
    Runtime rt(o);
    rt.go([&] {
      while (!stop.load(std::memory_order_relaxed)) {
      }
    });
    ASSERT_TRUE(eventually([&] { return count_status(rt.snapshot(), "running") == 1; }));
    requester.emplace([&] {
      waiter = &Waiter::current();
      dump = rt.snapshot_described();
    });
    // Its episode is prepared under the lock that lists the request: from
    // then on it is listed, or answered.
    ASSERT_TRUE(eventually([&] {
      Waiter* w = waiter.load();
      return w != nullptr && w->reason() == WaitReason::kDump;
    }));
    // The M is busy until the hog returns, and then sees the runtime stopping
    // before it looks for dumps: only ~Runtime can answer this one.
    releaser = std::thread([&] {
      std::this_thread::sleep_for(50ms);
      stop = true;
    });
  }
  requester->join();
  releaser.join();
  ASSERT_EQ(dump.size(), 1u);
  EXPECT_EQ(dump[0].description, "") << "no M described it";
}

TEST_P(describe, the_deadlock_report_shows_each_description_under_its_goroutine) {
  glue.more = "\nsecond line";
  std::atomic<int> reports{0};
  std::string text;
  std::atomic<Waiter*> stuck{nullptr};
  std::atomic<Ticket> ticket{0};
  RuntimeOptions o = options();
  o.on_deadlock = [&](const DeadlockReport& report) {  // on sysmon, one call at a time
    if (reports.load() == 0) text = report.text();
    reports.fetch_add(1);
  };
  // The standstill lasts a while after the report: it must still be reported
  // once, although the dump woke sysmon (a dump is no progress).
  std::thread releaser([&] {
    if (!eventually([&] { return reports.load() > 0; }, kHang)) return;
    std::this_thread::sleep_for(150ms);
    if (stuck.load()->claim(ticket.load())) stuck.load()->wake(ticket.load());
  });
  Runtime rt(o);
  rt.go([&] {
    Waiter& w = Waiter::current();
    Ticket t = w.prepare(WaitReason::kChanRecv);
    ticket = t;
    stuck = &w;
    w.block(t, kNoDeadline, [] {});
  });
  {
    Watchdog dog(kHang, "a deadlock that is never reported");
    EXPECT_TRUE(rt.join());
  }
  releaser.join();
  EXPECT_EQ(reports.load(), 1);
  const std::string header = "goroutine 1 [waiting, chan receive] on P";
  const std::size_t at = text.find(header);
  ASSERT_NE(at, std::string::npos) << text;
  const std::string p = text.substr(at + header.size(), text.find('\n', at) - at - header.size());
  EXPECT_NE(text.find(header + p + "\n    g1 on m" + p + "\n    second line\n"), std::string::npos)
      << text;
}

// A glue that blocks in g_describe (it must not) delays a deadlock report by
// at most sysmon's deadline, and the report comes without that description.
// Here the glue blocks until the report has been made: a sysmon that waited
// for it would never report (the watchdog ends the test), however slow the
// machine.
TEST(describe_1p, a_glue_that_blocks_does_not_hold_up_the_deadlock_report) {
  struct BlockingGlue : Glue {
    std::mutex lock;
    std::condition_variable released_cv;
    bool released = false;
    std::atomic<bool> blocked{false};
    std::string g_describe(int, GoroutineInfo& g) override {
      std::unique_lock guard(lock);
      blocked = true;
      released_cv.wait(guard, [this] { return released; });
      return "g" + std::to_string(g.id);
    }
    void release() {
      {
        std::lock_guard guard(lock);
        released = true;
      }
      released_cv.notify_all();
    }
  } glue;
  std::atomic<int> reports{0};
  std::string text;
  bool glue_was_blocked = false;
  std::atomic<Waiter*> stuck{nullptr};
  std::atomic<Ticket> ticket{0};
  RuntimeOptions o;
  o.max_procs = 1;
  o.glue = &glue;
  o.on_deadlock = [&](const DeadlockReport& report) {
    text = report.text();
    glue_was_blocked = glue.blocked.load();
    reports.fetch_add(1);
    glue.release();  // the M returns to its loop and can run the goroutine again
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
  {
    Watchdog dog(kHang, "a deadlock report held up by the glue");
    EXPECT_TRUE(rt.join());
  }
  EXPECT_EQ(reports.load(), 1);
  if (!glue_was_blocked) {
    // The kernel did not run the M within sysmon's deadline: the report was
    // still made, but the glue never got to block it.
    std::fprintf(stderr, "note: the M had not reached the glue when sysmon reported\n");
  }
  EXPECT_NE(text.find("goroutine 1 [waiting, chan receive] on P0\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("    g1"), std::string::npos) << text;
}

}  // namespace
}  // namespace goos
