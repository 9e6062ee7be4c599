// One M's timers: a binary min-heap of deadlines of the goroutines parked on
// that M. Only the M's own thread touches it (a G's timer is always in the heap
// of the P it is pinned to), so it needs no lock.
#pragma once

#include <cstddef>
#include <vector>

#include "goos/clock.h"
#include "goos/waiter.h"

namespace goos {

struct G;

struct Timer {
  Deadline when = kNoDeadline;
  Ticket ticket = 0;  // the park episode this timer ends, if it still can
  G* g = nullptr;
  std::ptrdiff_t index = -1;  // position in the heap; -1 when not armed
  bool armed() const { return index >= 0; }
};

class TimerHeap {
 public:
  void add(Timer* timer);
  void remove(Timer* timer);  // precondition: armed
  // The earliest timer, or null.
  Timer* earliest() const { return heap_.empty() ? nullptr : heap_.front(); }
  std::size_t size() const { return heap_.size(); }

 private:
  void swap_at(std::size_t a, std::size_t b);
  void sift_up(std::size_t i);
  void sift_down(std::size_t i);
  std::vector<Timer*> heap_;
};

}  // namespace goos
