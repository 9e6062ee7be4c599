// ThreadWaiter::interrupt(): how the PHP origin takes signals and the end of
// the script while it blocks on a channel.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "goos/chan.h"
#include "goos/mutex.h"
#include "goos/waiter.h"

namespace goos {
namespace {

using namespace std::chrono_literals;

TEST(thread_interrupt, ends_an_interruptible_wait_as_a_timeout) {
  Chan<int> ch;
  std::atomic<ThreadWaiter*> waiter{nullptr};
  std::atomic<bool> returned{false};
  ChanStatus status = ChanStatus::kOk;
  std::thread blocked([&] {
    waiter = &ThreadWaiter::this_thread();
    ThreadWaiter::Interruptible scope;
    std::optional<int> v;
    status = ch.recv(v);
    returned = true;
  });
  while (waiter.load() == nullptr || ch.raw().waiting_receivers() == 0) std::this_thread::yield();
  std::this_thread::sleep_for(10ms);
  EXPECT_FALSE(returned);
  waiter.load()->interrupt();
  blocked.join();
  EXPECT_EQ(status, ChanStatus::kTimeout);
  // Nothing was taken: a later value still goes to a later receiver.
  EXPECT_EQ(ch.try_send(1), ChanStatus::kWouldBlock);
}

TEST(thread_interrupt, an_interrupt_before_the_wait_ends_the_next_one) {
  ThreadWaiter& me = ThreadWaiter::this_thread();
  me.interrupt();
  Chan<int> ch;
  std::optional<int> v;
  {
    ThreadWaiter::Interruptible scope;
    EXPECT_EQ(ch.recv(v), ChanStatus::kTimeout);
    // Taken: the next wait blocks until its deadline.
    auto start = Clock::now();
    EXPECT_EQ(ch.recv(v, start + 20ms), ChanStatus::kTimeout);
    EXPECT_GE(Clock::now() - start, 20ms);
  }
}

TEST(thread_interrupt, waits_outside_the_scope_are_not_interrupted) {
  ThreadWaiter& me = ThreadWaiter::this_thread();
  me.interrupt();
  Chan<int> ch(1);
  std::thread sender([&] {
    std::this_thread::sleep_for(20ms);
    ch.send(7);
  });
  std::optional<int> v;
  EXPECT_EQ(ch.recv(v), ChanStatus::kOk);  // the pending interrupt did not end it
  EXPECT_EQ(v, 7);
  sender.join();
  {
    ThreadWaiter::Interruptible scope;  // it is still pending for the next one
    EXPECT_EQ(ch.recv(v), ChanStatus::kTimeout);
  }
}

TEST(thread_interrupt, a_value_handed_over_first_wins) {
  // interrupt() racing with a sender: the receiver gets the value or a
  // timeout, and the value is never lost either way.
  for (int round = 0; round < 500; ++round) {
    Chan<int> ch;
    std::atomic<ThreadWaiter*> waiter{nullptr};
    std::optional<int> got;
    ChanStatus status = ChanStatus::kOk;
    std::thread receiver([&] {
      waiter = &ThreadWaiter::this_thread();
      ThreadWaiter::Interruptible scope;
      status = ch.recv(got);
    });
    while (waiter.load() == nullptr) std::this_thread::yield();
    std::thread interrupter([&] { waiter.load()->interrupt(); });
    const ChanStatus sent = ch.send(round, Clock::now() + 50ms);
    interrupter.join();
    receiver.join();
    if (status == ChanStatus::kOk) {
      EXPECT_EQ(sent, ChanStatus::kOk);
      EXPECT_EQ(got, round);
    } else {
      EXPECT_EQ(status, ChanStatus::kTimeout);
      EXPECT_EQ(sent, ChanStatus::kTimeout) << "a value nobody received was taken";
    }
  }
}

}  // namespace
}  // namespace goos
