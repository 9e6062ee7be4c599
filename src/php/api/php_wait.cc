#include "api/php_wait.h"

#include <chrono>
#include <cmath>

#include "goos/runtime.h"
#include "goos/waiter.h"
#include "api/php_runtime.h"

namespace goos::php {

bool duration_arg(double seconds, uint32_t arg, goos::Nanos* out) {
  if (!std::isfinite(seconds) || seconds < 0) {
    zend_argument_value_error(arg, "must be a finite number of seconds, 0 or more");
    return false;
  }
  *out = std::chrono::duration_cast<goos::Nanos>(std::chrono::duration<double>(seconds));
  return true;
}

bool deadline_arg(double seconds, bool is_null, uint32_t arg, goos::Deadline* out) {
  if (is_null) {
    *out = goos::kNoDeadline;
    return true;
  }
  goos::Nanos d;
  if (!duration_arg(seconds, arg, &d)) return false;
  *out = goos::deadline_after(d);
  return true;
}

WaitOutcome php_wait(goos::Deadline deadline, goos::FunctionRef<bool(goos::Deadline)> attempt) {
  if (goos::this_goroutine::is_goroutine()) {
    return attempt(deadline) ? WaitOutcome::kDone : WaitOutcome::kTimeout;
  }
  if (runtime_start() == nullptr) return WaitOutcome::kThrown;
  for (;;) {
    // A goroutine ended the script: waits in the origin end (the
    // unwinding, or shutdown code after it, goes on without them).
    if (script_end_status() >= 0) {
      origin_unwind_if_ended();
      return EG(exception) != nullptr ? WaitOutcome::kThrown : WaitOutcome::kTimeout;
    }
    bool finished;
    {
      goos::ThreadWaiter::Interruptible interruptible;
      finished = attempt(deadline);
    }
    if (finished) return WaitOutcome::kDone;
    if (deadline != goos::kNoDeadline && goos::Clock::now() >= deadline) {
      return WaitOutcome::kTimeout;
    }
    // Interrupted: what the VM would do at its next interrupt check.
    if (origin_check_interrupt()) return WaitOutcome::kThrown;
  }
}

}  // namespace goos::php
