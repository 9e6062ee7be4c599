#include "callback_timers.h"

#include "scheduler.h"

namespace goos {

CallbackTimers::Armed CallbackTimers::add(Deadline when, std::function<void()> fn) {
  std::lock_guard guard(lock_);
  const TimerId id = next_id_++;
  auto it = queue_.emplace(Key{when, id}, std::move(fn)).first;
  whens_.emplace(id, when);
  return {id, it == queue_.begin()};
}

bool CallbackTimers::stop(TimerId id) {
  Queue::node_type dropped;  // its fn is destroyed after the lock is released
  std::lock_guard guard(lock_);
  auto when = whens_.find(id);
  if (when == whens_.end()) return false;
  dropped = queue_.extract(Key{when->second, id});
  whens_.erase(when);
  return true;
}

std::size_t CallbackTimers::run_due(Deadline now) {
  TimerId armed_before;
  {
    std::lock_guard guard(lock_);
    armed_before = next_id_;
  }
  std::size_t ran = 0;
  for (;;) {
    Queue::node_type taken;
    {
      std::lock_guard guard(lock_);
      auto it = queue_.begin();
      if (it == queue_.end() || it->first.first > now || it->first.second >= armed_before) break;
      taken = queue_.extract(it);
      whens_.erase(taken.key().second);
      fired_.store(fired_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }
    taken.mapped()();
    ++ran;
  }
  return ran;
}

Deadline CallbackTimers::next() const {
  std::lock_guard guard(lock_);
  return queue_.empty() ? kNoDeadline : queue_.begin()->first.first;
}

std::size_t CallbackTimers::pending() const {
  std::lock_guard guard(lock_);
  return queue_.size();
}

void CallbackTimers::clear() {
  Queue dropped;  // the fns are destroyed after the lock is released
  std::lock_guard guard(lock_);
  dropped.swap(queue_);
  whens_.clear();
}

// ---- Runtime -----------------------------------------------------------------

TimerId Runtime::after(Deadline when, std::function<void()> fn) {
  Impl& rt = *impl_;
  const CallbackTimers::Armed armed = rt.callback_timers.add(when, std::move(fn));
  if (armed.earliest) {
    // sysmon may be sleeping until a later timer or the end of its round: the
    // flag makes a kick that lands before it waits count, too.
    std::lock_guard guard(rt.sysmon_lock);
    rt.sysmon_kicked = true;
    rt.sysmon_wake.notify_one();
  }
  return armed.id;
}

bool Runtime::stop_timer(TimerId id) { return impl_->callback_timers.stop(id); }

}  // namespace goos
