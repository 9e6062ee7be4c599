// Concurrent "parties" for tests: `Parties p; p.go([&] { ... }); p.join();`.
//
// Every concurrency test starts its parties through this class so that the same
// test can run under each launch policy, as boost.fiber runs its tests under two.
// A party is a std::thread, or a goroutine of the process's Runtime (the
// goos_primitives_on_goroutines_* test binaries, see goroutine_main.cc).
//
// So that a test stays valid when its parties are goroutines sharing one thread,
// code inside a party blocks only through goos primitives or nap(): never through
// std::mutex, std::condition_variable, or a loop that spins until another party
// makes progress. The test body itself is a plain thread under every policy.
#pragma once

#include <chrono>
#include <cstdlib>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "goos/clock.h"
#include "goos/runtime.h"
#include "goos/waiter.h"
#include "goos/waitgroup.h"

namespace goos::test {

enum class Launch {
  kThread,     // each party is a std::thread
  kGoroutine,  // each party is a goroutine of Runtime::current()
};

// The policy of Parties made without one; a suite runner switches it.
inline Launch& default_launch() {
  static Launch launch = Launch::kThread;
  return launch;
}

class Parties {
 public:
  explicit Parties(Launch launch = default_launch()) : launch_(launch) {}
  Parties(const Parties&) = delete;
  Parties& operator=(const Parties&) = delete;
  ~Parties() { join(); }

  // Starts `fn` concurrently with the caller and the other parties.
  template <typename F>
  void go(F&& fn) {
    switch (launch_) {
      case Launch::kThread:
        threads_.emplace_back(std::forward<F>(fn));
        break;
      case Launch::kGoroutine: {
        Runtime* rt = Runtime::current();
        if (rt == nullptr) std::abort();  // the goroutine policy needs a Runtime
        // Only this Parties' goroutines: Runtime::join() would also wait for
        // other Parties' goroutines, which may be waiting for this caller.
        done_->add(1);
        rt->go([fn = std::forward<F>(fn), done = done_]() mutable {
          fn();
          done->done();
        });
        break;
      }
    }
  }

  // Waits until every party started so far has returned.
  void join() {
    for (std::thread& thread : threads_) thread.join();
    threads_.clear();
    done_->wait();
  }

 private:
  Launch launch_;
  std::vector<std::thread> threads_;
  std::shared_ptr<WaitGroup> done_ = std::make_shared<WaitGroup>();
};

// Sleeps the calling party (thread or goroutine) without holding up others.
inline void nap(Nanos duration) { Waiter::current().sleep_until(deadline_after(duration)); }

// Polls `condition` until it holds (true) or `timeout` passes (false). For
// waiting on another party's progress from the test body or a party. The
// default is a bound only a party that never progresses reaches, never a slow
// or loaded machine (a sanitized run on two busy vCPUs included).
template <typename F>
bool eventually(F&& condition, Nanos timeout = std::chrono::seconds(30)) {
  const Deadline give_up = deadline_after(timeout);
  while (!condition()) {
    if (Clock::now() >= give_up) return false;
    nap(std::chrono::microseconds(100));
  }
  return true;
}

}  // namespace goos::test
