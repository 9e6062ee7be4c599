// Time as the runtime measures it: the monotonic clock, and deadlines on it.
#pragma once

#include <chrono>
#include <cstdint>

namespace goos {

using Clock = std::chrono::steady_clock;
using Nanos = std::chrono::nanoseconds;

// A point on the monotonic clock after which a wait gives up. kNoDeadline waits
// for ever.
using Deadline = Clock::time_point;
inline constexpr Deadline kNoDeadline = Deadline::max();

// The deadline `timeout` from now; a negative timeout is already due.
inline Deadline deadline_after(Nanos timeout) {
  Deadline now = Clock::now();
  return timeout >= kNoDeadline - now ? kNoDeadline : now + timeout;
}

}  // namespace goos
