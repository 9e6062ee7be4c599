#include "timer.h"

#include <cassert>

namespace goos {

void TimerHeap::add(Timer* timer) {
  assert(!timer->armed());
  timer->index = static_cast<std::ptrdiff_t>(heap_.size());
  heap_.push_back(timer);
  sift_up(heap_.size() - 1);
}

void TimerHeap::remove(Timer* timer) {
  assert(timer->armed() && heap_[static_cast<std::size_t>(timer->index)] == timer);
  auto i = static_cast<std::size_t>(timer->index);
  const std::size_t last = heap_.size() - 1;
  if (i != last) swap_at(i, last);
  heap_.pop_back();
  timer->index = -1;
  if (i < heap_.size()) {
    sift_up(i);
    sift_down(i);
  }
}

void TimerHeap::swap_at(std::size_t a, std::size_t b) {
  std::swap(heap_[a], heap_[b]);
  heap_[a]->index = static_cast<std::ptrdiff_t>(a);
  heap_[b]->index = static_cast<std::ptrdiff_t>(b);
}

void TimerHeap::sift_up(std::size_t i) {
  while (i > 0) {
    std::size_t parent = (i - 1) / 2;
    if (heap_[parent]->when <= heap_[i]->when) break;
    swap_at(i, parent);
    i = parent;
  }
}

void TimerHeap::sift_down(std::size_t i) {
  for (;;) {
    std::size_t smallest = i;
    for (std::size_t child : {2 * i + 1, 2 * i + 2}) {
      if (child < heap_.size() && heap_[child]->when < heap_[smallest]->when) smallest = child;
    }
    if (smallest == i) return;
    swap_at(i, smallest);
    i = smallest;
  }
}

}  // namespace goos
