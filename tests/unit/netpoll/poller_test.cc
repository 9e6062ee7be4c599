#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "netpoll.h"  // internal: tests see src/runtime

namespace goos {
namespace {

// Rings racing with the owner's wake-ups must never leave the doorbell silent:
// after any number of them, one more ring() must wake a blocked wait().
TEST(poller, a_ring_is_never_lost_whatever_rings_raced_before_it) {
  Poller poller;
  std::atomic<bool> stop{false};
  std::thread ringer([&] {
    while (!stop.load()) poller.ring();
  });
  for (int i = 0; i < 20000; ++i) poller.wait(0, [](FdWaiter*) {});
  stop = true;
  ringer.join();
  std::thread late([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    poller.ring();
  });
  // Block with a long timeout: returning before it proves the ring arrived
  // (epoll_wait never returns early on its timeout), however late it came.
  constexpr auto kTimeout = std::chrono::seconds(60);
  auto start = std::chrono::steady_clock::now();
  poller.wait(static_cast<int>(std::chrono::milliseconds(kTimeout).count()), [](FdWaiter*) {});
  EXPECT_LT(std::chrono::steady_clock::now() - start, kTimeout) << "the ring was lost";
  late.join();
}

}  // namespace
}  // namespace goos
