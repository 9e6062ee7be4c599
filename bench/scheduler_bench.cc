// goos's scheduler against Go: the same micro-programs as bench/go/main.go,
// under the same names. bench/compare.sh runs both and prints the ratios.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "goos/chan.h"
#include "goos/runtime.h"
#include "goos/waiter.h"

namespace {

using goos::Clock;
using goos::Runtime;
using goos::RuntimeOptions;
namespace this_goroutine = goos::this_goroutine;

RuntimeOptions procs(int n) {
  RuntimeOptions o;
  o.max_procs = n;
  return o;
}

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// Times one run of `body` as this iteration's manual time, and adds it up.
template <typename F>
void timed(benchmark::State& state, double& total, F&& body) {
  auto start = Clock::now();
  body();
  double s = seconds(Clock::now() - start);
  state.SetIterationTime(s);
  total += s;
}

// The "ns" counter: nanoseconds per operation over all iterations.
void report_ns(benchmark::State& state, double total_seconds, double ops_per_iteration) {
  state.counters["ns"] =
      total_seconds * 1e9 / (ops_per_iteration * static_cast<double>(state.iterations()));
}

// Spawn N empty goroutines and wait for all of them: the time per goroutine.
// From inside a goroutine (as Go's main goroutine does), or from a plain thread
// (the PHP origin's case: every G goes through the global queue).
void spawn_complete(benchmark::State& state, int nprocs, bool from_origin) {
  Runtime rt(procs(nprocs));
  constexpr int kN = 100'000;
  auto spawn_all = [&rt] {
    for (int i = 0; i < kN; ++i) rt.go([] {});
  };
  double total = 0;
  for (auto _ : state) {
    timed(state, total, [&] {
      if (from_origin) {
        spawn_all();
      } else {
        rt.go(spawn_all);
      }
      rt.join();
    });
  }
  report_ns(state, total, kN);
}
void BM_spawn_complete_ns(benchmark::State& s) { spawn_complete(s, 1, false); }
void BM_spawn_complete_ns_2p(benchmark::State& s) { spawn_complete(s, 2, false); }
void BM_spawn_complete_origin_ns(benchmark::State& s) { spawn_complete(s, 1, true); }
BENCHMARK(BM_spawn_complete_ns)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_spawn_complete_ns_2p)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_spawn_complete_origin_ns)->UseManualTime()->Unit(benchmark::kMillisecond);

// Two goroutines on one P yielding to each other: time per round trip (a
// switch there and one back).
void BM_yield_pingpong_ns(benchmark::State& state) {
  Runtime rt(procs(1));
  constexpr int kRounds = 1'000'000;
  double total = 0;
  for (auto _ : state) {
    timed(state, total, [&] {
      for (int g = 0; g < 2; ++g) {
        rt.go([] {
          for (int i = 0; i < kRounds; ++i) this_goroutine::yield();
        });
      }
      rt.join();
    });
  }
  report_ns(state, total, kRounds);
}
BENCHMARK(BM_yield_pingpong_ns)->UseManualTime()->Unit(benchmark::kMillisecond);

long rss_bytes() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6)) * 1024;
  }
  return 0;
}

// 1M goroutines parked (each in a wait a channel receive would make): the
// resident memory each costs.
void BM_parked_rss_bytes_per_g(benchmark::State& state) {
  constexpr int kN = 1'000'000;
  struct Parked {
    std::atomic<goos::Waiter*> waiter{nullptr};
    goos::Ticket ticket = 0;
  };
  std::vector<Parked> parked(kN);
  double per_g = 0;
  for (auto _ : state) {
    Runtime rt(procs(2));
    const long before = rss_bytes();
    std::atomic<int> ready{0};
    for (int i = 0; i < kN; ++i) {
      rt.go([&parked, &ready, i] {
        goos::Waiter& w = goos::Waiter::current();
        goos::Ticket t = w.prepare(goos::WaitReason::kChanRecv);
        parked[static_cast<std::size_t>(i)].ticket = t;
        parked[static_cast<std::size_t>(i)].waiter.store(&w, std::memory_order_release);
        ready.fetch_add(1, std::memory_order_relaxed);
        w.block(t, goos::kNoDeadline, [] {});
      });
    }
    while (ready.load() < kN) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    per_g = static_cast<double>(rss_bytes() - before) / kN;
    for (auto& p : parked) {
      goos::Waiter* w = p.waiter.load(std::memory_order_acquire);
      if (w->claim(p.ticket)) w->wake(p.ticket);
    }
    rt.join();
    for (auto& p : parked) p.waiter.store(nullptr);
  }
  state.counters["bytes_per_g"] = per_g;
}
BENCHMARK(BM_parked_rss_bytes_per_g)->Iterations(1)->Unit(benchmark::kMillisecond);

double median_ns(std::vector<goos::Nanos> samples) {
  std::sort(samples.begin(), samples.end());
  return static_cast<double>(samples[samples.size() / 2].count());
}

// Callback timers while every P idles (sysmon in its 10 ms round), goos only.
// These were tests' bounds, but how soon a loaded kernel runs sysmon (~10 ms
// on this VM) says more than the runtime: the figures belong here.
//  - due_ns: a timer already due, armed by a plain thread at some point of a
//    round, until its callback runs. after() wakes sysmon for a new earliest
//    timer; without that it would wait out the round (~5 ms on average).
//  - chain_late_ns: a timer armed by the previous one's callback 2 ms ahead,
//    how late it fires. sysmon sleeps until the next timer; sleeping whole
//    rounds would make it ~8 ms.
void BM_callback_timer_latency(benchmark::State& state) {
  constexpr int kSamples = 50;
  static constexpr auto kPeriod = std::chrono::milliseconds(2);
  goos::Chan<goos::Nanos> fired(kSamples);
  struct Chain {
    Runtime* rt = nullptr;
    goos::Chan<goos::Nanos>* fired = nullptr;
    int left = 0;
    void arm() {
      const goos::Deadline when = Clock::now() + kPeriod;
      rt->after(when, [this, when] {
        fired->try_send(Clock::now() - when);
        if (--left > 0) arm();
      });
    }
  } chain;
  Runtime rt(procs(1));
  std::vector<goos::Nanos> due, late;
  for (auto _ : state) {
    for (int i = 0; i < kSamples; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(3));  // somewhere in a round
      const goos::Deadline armed = Clock::now();
      rt.after(armed, [&fired, armed] { fired.try_send(Clock::now() - armed); });
      due.push_back(*fired.recv());
    }
    chain = Chain{&rt, &fired, kSamples};
    chain.arm();
    for (int i = 0; i < kSamples; ++i) late.push_back(*fired.recv());
  }
  state.counters["due_ns"] = median_ns(due);
  state.counters["chain_late_ns"] = median_ns(late);
}
BENCHMARK(BM_callback_timer_latency)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
