// A sequentially consistent fence for the "publish, then check the other
// side's flag" handshakes between a waker and a sleeping M (see proc.cc).
//
// ThreadSanitizer does not model std::atomic_thread_fence, so under it the
// fence is a seq_cst read-modify-write of one shared atomic: RMWs of one
// location are totally ordered and each synchronises with the next, which gives
// the handshake the same guarantee, in a form TSan understands.
#pragma once

#include <atomic>

#include "fiber.h"  // GOOS_TSAN

namespace goos {

inline void seq_cst_fence() {
#ifdef GOOS_TSAN
  static std::atomic<int> line{0};
  line.fetch_add(0, std::memory_order_seq_cst);
#else
  std::atomic_thread_fence(std::memory_order_seq_cst);
#endif
}

}  // namespace goos
