// goos's scheduler against Go: the same micro-programs as bench/go/main.go,
// under the same names. bench/compare.sh runs both and prints the ratios.
#include <benchmark/benchmark.h>

#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

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

}  // namespace
