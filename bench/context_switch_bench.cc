// The floor under every goroutine switch: one boost.context fiber round trip
// (resume into a fiber and back) on this machine. A goos G switch adds the
// scheduler's bookkeeping and the glue's engine-state swap on top of this.
#include <benchmark/benchmark.h>

#include <boost/context/fiber.hpp>
#include <boost/context/protected_fixedsize_stack.hpp>

namespace ctx = boost::context;

static void BM_boost_fiber_round_trip(benchmark::State& state) {
  bool running = true;
  ctx::fiber fiber{[&running](ctx::fiber&& caller) {
    while (running) caller = std::move(caller).resume();
    return std::move(caller);
  }};
  for (auto _ : state) fiber = std::move(fiber).resume();
  running = false;
  fiber = std::move(fiber).resume();
}
BENCHMARK(BM_boost_fiber_round_trip);
