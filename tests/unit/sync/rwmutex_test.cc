#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

#include "../support/parties.h"
#include "goos/rwmutex.h"

namespace goos {
namespace {

using namespace std::chrono_literals;
using test::eventually;
using test::nap;
using test::Parties;

TEST(rwmutex, readers_hold_the_lock_together) {
  constexpr int kReaders = 4;
  RWMutex rw;
  std::atomic<int> inside{0};
  Parties p;
  for (int k = 0; k < kReaders; ++k) {
    p.go([&] {
      rw.rlock();
      ++inside;
      EXPECT_TRUE(eventually([&] { return inside.load() == kReaders; }))
          << "readers did not get in together";
      EXPECT_TRUE(rw.runlock());
    });
  }
  p.join();
}

TEST(rwmutex, a_writer_excludes_readers_and_other_writers) {
  RWMutex rw;
  std::atomic<int> readers{0};
  std::atomic<int> writers{0};
  long shared = 0;  // written under the write lock, read under the read lock
  Parties p;
  for (int k = 0; k < 2; ++k) {
    p.go([&] {
      for (int i = 0; i < 2000; ++i) {
        rw.lock();
        EXPECT_EQ(++writers, 1);
        EXPECT_EQ(readers.load(), 0);
        ++shared;
        --writers;
        ASSERT_TRUE(rw.unlock());
      }
    });
  }
  for (int k = 0; k < 4; ++k) {
    p.go([&] {
      long last = 0;
      for (int i = 0; i < 2000; ++i) {
        rw.rlock();
        ++readers;
        EXPECT_EQ(writers.load(), 0);
        EXPECT_GE(shared, last);
        last = shared;
        --readers;
        ASSERT_TRUE(rw.runlock());
      }
    });
  }
  p.join();
  EXPECT_EQ(shared, 4000);
}

TEST(rwmutex, a_pending_writer_keeps_new_readers_out) {
  RWMutex rw;
  rw.rlock();
  std::atomic<bool> wrote{false};
  Parties p;
  p.go([&] {
    rw.lock();
    wrote = true;
    EXPECT_TRUE(rw.unlock());
  });
  // Once the writer is pending, try_rlock fails even though only a reader holds it.
  ASSERT_TRUE(eventually([&] {
    if (!rw.try_rlock()) return true;
    rw.runlock();
    return false;
  }));
  nap(10ms);
  EXPECT_FALSE(wrote) << "the writer got in while a reader held the lock";
  EXPECT_TRUE(rw.runlock());
  p.join();
  EXPECT_TRUE(wrote);
}

// The readers keep reading until the writer is in, or until they give up (a
// bound only a starved writer reaches, never a slow machine: without writer
// preference it would wait for a moment when no reader holds the lock).
TEST(rwmutex, a_writer_is_not_starved_by_overlapping_readers) {
  constexpr int kReaders = 4;
  RWMutex rw;
  std::atomic<bool> stop{false};
  std::atomic<bool> gave_up{false};
  const Deadline give_up = deadline_after(30s);
  Parties readers;
  for (int k = 0; k < kReaders; ++k) {
    readers.go([&, k] {
      nap(std::chrono::microseconds(250 * k));  // staggered: the lock is never free
      while (!stop) {
        if (Clock::now() >= give_up) {
          gave_up = true;
          break;
        }
        rw.rlock();
        nap(1ms);
        EXPECT_TRUE(rw.runlock());
      }
    });
  }
  nap(20ms);
  rw.lock();
  stop = true;
  EXPECT_FALSE(gave_up) << "the writer waited behind a stream of readers until they gave up";
  EXPECT_TRUE(rw.unlock());
  readers.join();
}

TEST(rwmutex, unlock_releases_every_reader_that_waited) {
  constexpr int kReaders = 3;
  RWMutex rw;
  rw.lock();
  std::atomic<int> inside{0};
  Parties p;
  for (int k = 0; k < kReaders; ++k) {
    p.go([&] {
      rw.rlock();
      ++inside;
      EXPECT_TRUE(eventually([&] { return inside.load() == kReaders; }));
      EXPECT_TRUE(rw.runlock());
    });
  }
  nap(20ms);
  EXPECT_EQ(inside.load(), 0);
  EXPECT_TRUE(rw.unlock());
  p.join();
  EXPECT_EQ(inside.load(), kReaders);
}

TEST(rwmutex, try_lock_and_try_rlock_never_block) {
  RWMutex rw;
  EXPECT_TRUE(rw.try_lock());
  EXPECT_FALSE(rw.try_lock());
  EXPECT_FALSE(rw.try_rlock());
  EXPECT_TRUE(rw.unlock());
  EXPECT_TRUE(rw.try_rlock());
  EXPECT_TRUE(rw.try_rlock());
  EXPECT_FALSE(rw.try_lock());
  EXPECT_TRUE(rw.runlock());
  EXPECT_TRUE(rw.runlock());
  EXPECT_TRUE(rw.try_lock());
  EXPECT_TRUE(rw.unlock());
}

TEST(rwmutex, misuse_returns_false_and_changes_nothing) {
  RWMutex rw;
  EXPECT_FALSE(rw.unlock()) << "unlock of an unlocked RWMutex";
  EXPECT_FALSE(rw.runlock()) << "runlock of an unlocked RWMutex";
  rw.rlock();
  EXPECT_FALSE(rw.unlock()) << "unlock while only read-locked";
  EXPECT_TRUE(rw.runlock());
  EXPECT_FALSE(rw.runlock());
  rw.lock();
  EXPECT_FALSE(rw.runlock()) << "runlock while write-locked";
  EXPECT_TRUE(rw.unlock());
  EXPECT_FALSE(rw.unlock());
  // Still fully usable.
  EXPECT_TRUE(rw.try_lock());
  EXPECT_TRUE(rw.unlock());
  EXPECT_TRUE(rw.try_rlock());
  EXPECT_TRUE(rw.runlock());
}

}  // namespace
}  // namespace goos
