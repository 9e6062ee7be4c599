// main() of the goos_primitives_on_goroutines_* binaries: the channel, select
// and sync suites again, with every party a goroutine of one Runtime with
// GOOS_TEST_PROCS Ps, while the test bodies stay on the (attached) main thread.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "goos/runtime.h"
#include "parties.h"

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  goos::RuntimeOptions options;
  options.max_procs = GOOS_TEST_PROCS;
  options.on_deadlock = [](const goos::DeadlockReport& report) {
    std::fputs(report.text().c_str(), stderr);
    std::abort();  // a test that deadlocks must fail loudly, not hang
  };
  goos::Runtime runtime(options);
  goos::test::default_launch() = goos::test::Launch::kGoroutine;
  return RUN_ALL_TESTS();
}
