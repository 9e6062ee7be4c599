// wait_fds (poll for goroutines), close_fd_waits and offload.
//
// "The thread was free" is shown the same way throughout: on one P, a second
// goroutine makes progress while the first waits. No test measures time
// against a bound the machine's load could break; lower bounds only, and
// kGiveUp where a bug would otherwise hang.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <thread>
#include <vector>

#include "goos/io.h"
#include "goos/runtime.h"

namespace goos {
namespace {

using namespace std::chrono_literals;
constexpr auto kGiveUp = 30s;

RuntimeOptions one_p() {
  RuntimeOptions o;
  o.max_procs = 1;
  return o;
}

struct Pipe {
  int r = -1, w = -1;
  Pipe() {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    r = fds[0];
    w = fds[1];
  }
  ~Pipe() {
    if (r >= 0) close(r);
    if (w >= 0) close(w);
  }
};

// Runs `ticks` steps of a counter on the same P until `done`: what the waiter
// saw of it proves the thread ran other goroutines meanwhile.
void count_until(std::atomic<bool>& done, std::atomic<int>& ticks) {
  const auto give_up = Clock::now() + kGiveUp;
  while (!done.load() && Clock::now() < give_up) {
    ticks.fetch_add(1);
    this_goroutine::sleep_for(1ms);
  }
}

TEST(wait_fds, parks_until_ready_while_the_thread_runs_others_and_reports_revents_like_poll) {
  Runtime rt(one_p());
  Pipe p;
  std::atomic<bool> done{false};
  std::atomic<int> ticks{0}, ticks_during_wait{-1}, result{-2};
  short revents = 0;
  rt.go([&] {
    pollfd pfd{p.r, POLLIN, 0};
    const int before = ticks.load();
    errno = 1234;
    result = this_goroutine::wait_fds(&pfd, 1, kNoDeadline);
    EXPECT_EQ(errno, 1234) << "errno changed by a successful wait";
    ticks_during_wait = ticks.load() - before;
    revents = pfd.revents;
    done = true;
  });
  rt.go([&] { count_until(done, ticks); });
  rt.go([&] {
    this_goroutine::sleep_for(30ms);
    EXPECT_EQ(write(p.w, "x", 1), 1);
  });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(result.load(), 1);
  EXPECT_EQ(revents, POLLIN);
  EXPECT_GT(ticks_during_wait.load(), 0) << "nothing else ran on the P during the wait";
}

TEST(wait_fds, returns_zero_at_the_deadline_not_before) {
  Runtime rt(one_p());
  Pipe p;
  std::atomic<int> result{-2};
  rt.go([&] {
    pollfd pfd{p.r, POLLIN, 0};
    const auto start = Clock::now();
    result = this_goroutine::wait_fds(&pfd, 1, start + 40ms);
    EXPECT_GE(Clock::now() - start, 40ms);
    EXPECT_EQ(pfd.revents, 0);
  });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(result.load(), 0);
}

TEST(wait_fds, several_fds_report_every_ready_entry_and_skip_negative_ones) {
  Runtime rt(one_p());
  Pipe a, b, c;
  std::atomic<int> result{-2};
  pollfd pfds[4] = {{a.r, POLLIN, 0}, {-1, POLLIN, 0}, {b.r, POLLIN, 0}, {c.w, POLLOUT, 0}};
  rt.go([&] {
    // c.w is writable at once: a ready entry returns without parking.
    result = this_goroutine::wait_fds(pfds, 4, kNoDeadline);
  });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(result.load(), 1);
  EXPECT_EQ(pfds[3].revents, POLLOUT);
  EXPECT_EQ(pfds[1].revents, 0);

  rt.go([&] {
    pollfd only_reads[3] = {{a.r, POLLIN, 0}, {-1, POLLIN, 0}, {b.r, POLLIN, 0}};
    std::atomic<bool> wrote{false};
    Runtime::current()->go([&] {
      this_goroutine::sleep_for(20ms);
      EXPECT_EQ(write(b.w, "y", 1), 1);
      EXPECT_EQ(write(a.w, "x", 1), 1);
      wrote = true;
    });
    const int n = this_goroutine::wait_fds(only_reads, 3, kNoDeadline);
    // Woken by the first write; the second may or may not have happened.
    EXPECT_GE(n, 1);
    EXPECT_TRUE(only_reads[2].revents == POLLIN || only_reads[0].revents == POLLIN);
    while (!wrote.load()) this_goroutine::yield();
    EXPECT_EQ(this_goroutine::wait_fds(only_reads, 3, kNoDeadline), 2);
    EXPECT_EQ(only_reads[0].revents, POLLIN);
    EXPECT_EQ(only_reads[2].revents, POLLIN);
  });
  EXPECT_TRUE(rt.join());
}

TEST(wait_fds, a_hang_up_is_reported_as_poll_does) {
  Runtime rt(one_p());
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  short revents = 0;
  rt.go([&] {
    pollfd pfd{sv[0], POLLIN, 0};
    EXPECT_EQ(this_goroutine::wait_fds(&pfd, 1, kNoDeadline), 1);
    revents = pfd.revents;
  });
  rt.go([&] {
    this_goroutine::sleep_for(10ms);
    close(sv[1]);
  });
  EXPECT_TRUE(rt.join());
  EXPECT_TRUE(revents & (POLLIN | POLLHUP)) << revents;
  close(sv[0]);
}

TEST(wait_fds, an_fd_closed_while_waited_on_reports_pollnval) {
  Runtime rt(one_p());
  Pipe p;
  std::atomic<int> result{-2};
  short revents = 0;
  rt.go([&] {
    pollfd pfd{p.r, POLLIN, 0};
    result = this_goroutine::wait_fds(&pfd, 1, Clock::now() + kGiveUp);
    revents = pfd.revents;
  });
  rt.go([&] {
    this_goroutine::sleep_for(10ms);
    close_fd_waits(p.r);
    close(p.r);
    p.r = -1;
  });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(result.load(), 1);
  EXPECT_EQ(revents, POLLNVAL);
}

TEST(wait_fds, a_close_from_a_plain_thread_wakes_the_goroutine) {
  Runtime rt(one_p());
  Pipe p;
  std::atomic<bool> parked{false};
  short revents = 0;
  rt.go([&] {
    pollfd pfd{p.r, POLLIN, 0};
    parked = true;
    EXPECT_EQ(this_goroutine::wait_fds(&pfd, 1, Clock::now() + kGiveUp), 1);
    revents = pfd.revents;
  });
  while (!parked.load()) std::this_thread::yield();
  std::this_thread::sleep_for(10ms);
  close_fd_waits(p.r);
  close(p.r);
  p.r = -1;
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(revents, POLLNVAL);
}

// proc_open() forks, and the child closes the parent's ends of its pipes
// before exec: the close hook's close_fd_waits() runs in a child that has only
// the forking thread. A lock another thread held at fork() would hang it for
// ever. Here goroutines park and unpark on one fd and a plain thread keeps
// closing-waking it, so that the index lock is held most of the time, while
// the test thread forks children that each call close_fd_waits().
TEST(wait_fds, a_forked_child_can_close_while_the_parent_parks_and_wakes) {
  Runtime rt(one_p());
  Pipe p;
  std::atomic<bool> stop{false};
  for (int i = 0; i < 4; i++) {
    rt.go([&] {
      while (!stop.load()) {
        pollfd pfd{p.r, POLLIN, 0};
        this_goroutine::wait_fds(&pfd, 1, Clock::now() + 100us);
      }
    });
  }
  std::thread closer([&] {
    while (!stop.load()) close_fd_waits(p.r);
  });
  int hung = 0, forked = 0;
  for (int i = 0; i < 200 && hung == 0; i++) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close_fd_waits(p.r);
      _exit(0);
    }
    forked++;
    int status = 0;
    const auto give_up = Clock::now() + 10s;
    while (waitpid(pid, &status, WNOHANG) == 0) {
      if (Clock::now() >= give_up) {
        hung++;
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        break;
      }
      std::this_thread::sleep_for(100us);
    }
  }
  stop = true;
  closer.join();
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(hung, 0) << "a child hung in close_fd_waits after " << forked << " forks";
}

TEST(wait_fds, many_goroutines_on_one_m_each_wait_on_their_own_fd) {
  Runtime rt(one_p());
  constexpr int kWaiters = 200;
  std::vector<Pipe> pipes(kWaiters);
  std::atomic<int> woken{0};
  for (int i = 0; i < kWaiters; ++i) {
    rt.go([&, i] {
      pollfd pfd{pipes[i].r, POLLIN, 0};
      if (this_goroutine::wait_fds(&pfd, 1, kNoDeadline) == 1 && pfd.revents == POLLIN) {
        char c;
        EXPECT_EQ(read(pipes[i].r, &c, 1), 1);
        EXPECT_EQ(c, static_cast<char>(i));
        woken.fetch_add(1);
      }
    });
  }
  // Written in reverse, from a plain thread: each wakes exactly its waiter.
  for (int i = kWaiters - 1; i >= 0; --i) {
    const char c = static_cast<char>(i);
    ASSERT_EQ(write(pipes[i].w, &c, 1), 1);
  }
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(woken.load(), kWaiters);
}

TEST(wait_fds, two_goroutines_of_one_m_on_one_fd_is_a_conflict_when_asked) {
  Runtime rt(one_p());
  Pipe p;
  std::atomic<std::uint64_t> first_id{0};
  FdConflict conflict;
  std::atomic<int> second{-2}, second_errno{0};
  rt.go([&] {
    first_id = this_goroutine::id();
    pollfd pfd{p.r, POLLIN, 0};
    EXPECT_EQ(this_goroutine::wait_fds(&pfd, 1, kNoDeadline, nullptr), 1);
  });
  rt.go([&] {
    pollfd pfd{p.r, POLLIN, 0};
    second = this_goroutine::wait_fds(&pfd, 1, kNoDeadline, &conflict);
    second_errno = errno;
    EXPECT_EQ(write(p.w, "x", 1), 1);  // lets the first go
  });
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(second.load(), -1);
  EXPECT_EQ(second_errno.load(), EBUSY);
  EXPECT_EQ(conflict.fd, p.r);
  EXPECT_EQ(conflict.goroutine, first_id.load());
}

TEST(wait_fds, on_a_plain_thread_it_is_poll) {
  Pipe p;
  pollfd pfd{p.r, POLLIN, 0};
  const auto start = Clock::now();
  EXPECT_EQ(this_goroutine::wait_fds(&pfd, 1, start + 20ms), 0);
  EXPECT_GE(Clock::now() - start, 20ms);
  ASSERT_EQ(write(p.w, "x", 1), 1);
  EXPECT_EQ(this_goroutine::wait_fds(&pfd, 1, kNoDeadline), 1);
  EXPECT_EQ(pfd.revents, POLLIN);
}

TEST(offload, runs_on_another_thread_while_the_goroutine_parks_and_the_p_runs_others) {
  Runtime rt(one_p());
  std::atomic<bool> done{false};
  std::atomic<int> ticks{0}, ticks_during{-1};
  std::thread::id m_thread, helper_thread;
  rt.go([&] {
    m_thread = std::this_thread::get_id();
    const int before = ticks.load();
    this_goroutine::offload([&] {
      helper_thread = std::this_thread::get_id();
      std::this_thread::sleep_for(50ms);  // a call that only blocks
    });
    ticks_during = ticks.load() - before;
    done = true;
  });
  rt.go([&] { count_until(done, ticks); });
  EXPECT_TRUE(rt.join());
  EXPECT_NE(m_thread, helper_thread);
  EXPECT_GT(ticks_during.load(), 0) << "the P was blocked during the offloaded call";
}

TEST(offload, many_goroutines_overlap_their_calls) {
  Runtime rt(one_p());
  constexpr int kCalls = 32;
  std::atomic<int> inside{0}, most_inside{0};
  for (int i = 0; i < kCalls; ++i) {
    rt.go([&] {
      this_goroutine::offload([&] {
        const int now = inside.fetch_add(1) + 1;
        int seen = most_inside.load();
        while (now > seen && !most_inside.compare_exchange_weak(seen, now)) {
        }
        // Long enough that every call is in flight before the first ends,
        // unless the calls ran one after another.
        const auto give_up = Clock::now() + kGiveUp;
        while (most_inside.load() < kCalls && Clock::now() < give_up) {
          std::this_thread::sleep_for(1ms);
        }
        inside.fetch_sub(1);
      });
    });
  }
  EXPECT_TRUE(rt.join());
  EXPECT_EQ(most_inside.load(), kCalls);
}

TEST(offload, on_a_plain_thread_it_runs_in_place) {
  std::thread::id ran_on;
  this_goroutine::offload([&] { ran_on = std::this_thread::get_id(); });
  EXPECT_EQ(ran_on, std::this_thread::get_id());
}

TEST(offload, a_goroutine_in_a_blocking_call_is_no_deadlock) {
  std::atomic<bool> reported{false};
  RuntimeOptions o = one_p();
  o.on_deadlock = [&](const DeadlockReport&) { reported = true; };
  Runtime rt(o);
  rt.go([] { this_goroutine::offload([] { std::this_thread::sleep_for(300ms); }); });
  EXPECT_TRUE(rt.join());
  EXPECT_FALSE(reported.load());
}

}  // namespace
}  // namespace goos

namespace goos {
namespace {

TEST(wait_fds, a_goroutine_abandoned_while_parked_is_forgotten_by_close) {
  Pipe p;
  std::atomic<bool> parked{false};
  {
    Runtime rt(one_p());
    rt.go([&] {
      pollfd pfd{p.r, POLLIN, 0};
      parked = true;
      this_goroutine::wait_fds(&pfd, 1, kNoDeadline);  // never ready: abandoned
    });
    while (!parked.load()) std::this_thread::yield();
    std::this_thread::sleep_for(10ms);
  }                     // the runtime stops with the goroutine parked; its stack is freed
  close_fd_waits(p.r);  // must not touch the freed frame
  SUCCEED();
}

TEST(offload, a_goroutine_abandoned_inside_a_call_leaves_its_helper_safe) {
  std::atomic<bool> inside{false}, finished{false};
  {
    Runtime rt(one_p());
    rt.go([&] {
      int written = 0;
      this_goroutine::offload([&] {
        inside = true;
        std::this_thread::sleep_for(1500ms);  // outlives the runtime's 1 s grace
        written = 1;                          // into the abandoned goroutine's frame
        finished = true;
      });
      (void)written;
    });
    while (!inside.load()) std::this_thread::yield();
  }  // stops while the call runs: the runtime's memory must stay valid
  const auto give_up = Clock::now() + kGiveUp;
  while (!finished.load() && Clock::now() < give_up) std::this_thread::sleep_for(10ms);
  std::this_thread::sleep_for(50ms);  // the helper's claim and wake, after the write
  EXPECT_TRUE(finished.load());
}

}  // namespace
}  // namespace goos
