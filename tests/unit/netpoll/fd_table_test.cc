// The runtime grows the process's fd table before its threads start (see
// src/runtime/fd_table.cc for why).
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "fd_table.h"
#include "goos/runtime.h"

namespace goos {
namespace {

// The kernel's fd table size, as /proc/self/status says ("FDSize:").
long fd_table_size() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("FDSize:", 0) == 0) return std::stol(line.substr(7));
  }
  return -1;
}

long wanted(long fds) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
    return std::min<long>(fds, static_cast<long>(limit.rlim_cur));
  }
  return fds;
}

TEST(fd_table, a_runtime_starts_with_room_for_1024_fds) {
  { Runtime rt; }
  ASSERT_GT(fd_table_size(), 0);
  EXPECT_GE(fd_table_size(), wanted(1024));
}

TEST(fd_table, reserving_grows_the_table_and_leaves_no_fd_open) {
  const int probe = dup(STDERR_FILENO);  // the lowest free fd before
  ASSERT_GE(probe, 0);
  close(probe);
  reserve_fd_table(4096);
  EXPECT_GE(fd_table_size(), wanted(4096));
  const int again = dup(STDERR_FILENO);
  EXPECT_EQ(again, probe);  // nothing left open below it
  close(again);
}

}  // namespace
}  // namespace goos
