// Goos\Time::after() and Goos\Time::tick() (Goos\Ticker): channels fed by the
// runtime's callback timers (Runtime::after), as Go's time.After and
// time.NewTicker.
//
// A tick is a non-blocking send of the time (microtime(true)) into a channel
// of capacity 1: a receiver that falls behind finds one tick waiting, not a
// backlog, and the timer never waits for it (Go drops ticks the same way).
// The ticker re-arms itself from its own callback, at the next multiple of
// its period; missed ticks are skipped, not fired in a burst.
//
// Lifetime: a PHP Ticker holds its TickerCore; the armed timer holds only a
// weak reference, so a ticker that nobody holds any more stops by itself
// (its destructor stops the timer) instead of ticking for ever.
#include "api/php_time.h"

#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>

#include "zend_exceptions.h"

#include "api/chan_value.h"
#include "goos/runtime.h"
#include "api/native_object.h"
#include "api/php_chan.h"
#include "php_goos.h"
#include "api/php_runtime.h"
#include "api/php_scheduler.h"
#include "api/php_wait.h"

zend_class_entry* goos_ticker_ce = nullptr;

namespace goos::php {
namespace {

double wall_now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

class TickerCore : public std::enable_shared_from_this<TickerCore> {
 public:
  explicit TickerCore(std::shared_ptr<PhpChan> chan) : chan_(std::move(chan)) {}
  ~TickerCore() { stop(); }

  const std::shared_ptr<PhpChan>& chan() const { return chan_; }

  // (Re)starts ticking every `period` from now.
  void start(goos::Runtime* rt, goos::Nanos period) {
    std::lock_guard guard(lock_);
    disarm_locked();
    period_ = period;
    next_ = goos::Clock::now() + period;
    arm_locked(rt);
  }

  void stop() {
    std::lock_guard guard(lock_);
    disarm_locked();
  }

 private:
  void arm_locked(goos::Runtime* rt) {
    timer_ = rt->after(next_, [weak = weak_from_this(), generation = generation_] {
      if (std::shared_ptr<TickerCore> self = weak.lock()) self->fire(generation);
    });
  }

  // A stop() or start() since the arming makes the firing a no-op: stop_timer()
  // cannot take back a callback that is already running.
  void disarm_locked() {
    ++generation_;
    if (timer_ != 0) {
      if (goos::Runtime* rt = runtime_if_started()) rt->stop_timer(timer_);
      timer_ = 0;
    }
  }

  // On the runtime's monitor thread.
  void fire(std::uint64_t generation) {
    std::lock_guard guard(lock_);
    if (generation != generation_) return;
    timer_ = 0;
    chan_->try_send(ChanValue::of_double(wall_now()));
    goos::Runtime* rt = runtime_if_started();
    if (rt == nullptr) return;
    const goos::Deadline now = goos::Clock::now();
    next_ += period_;
    if (next_ <= now) next_ += (now - next_) / period_ * period_ + period_;
    arm_locked(rt);
  }

  const std::shared_ptr<PhpChan> chan_;
  std::mutex lock_;  // guards everything below
  goos::Nanos period_{0};
  goos::Deadline next_{};
  goos::TimerId timer_ = 0;  // armed, or 0
  std::uint64_t generation_ = 0;
};

TickerCore& this_ticker(zval* this_ptr) { return native_of<TickerCore>(Z_OBJ_P(this_ptr)); }

// A period: finite and positive (a ticker of period 0 would spin).
bool period_arg(double seconds, uint32_t arg, goos::Nanos* out) {
  if (!std::isfinite(seconds) || seconds <= 0) {
    zend_argument_value_error(arg, "must be a finite number of seconds, more than 0");
    return false;
  }
  *out = std::chrono::duration_cast<goos::Nanos>(std::chrono::duration<double>(seconds));
  if (*out <= goos::Nanos::zero()) *out = goos::Nanos(1);
  return true;
}

// (Re)starts `ticker` with the period argument `seconds` (argument 1).
// False with an exception thrown.
bool start_ticker(TickerCore& ticker, double seconds) {
  goos::Nanos period;
  if (!period_arg(seconds, 1, &period)) return false;
  goos::Runtime* rt = runtime_start();
  if (rt == nullptr) return false;
  ticker.start(rt, period);
  return true;
}

}  // namespace

void time_minit() { native_class_init(goos_ticker_ce); }

}  // namespace goos::php

ZEND_METHOD(Goos_Time, after) {
  double seconds = 0;
  ZEND_PARSE_PARAMETERS_START(1, 1)
  Z_PARAM_DOUBLE(seconds)
  ZEND_PARSE_PARAMETERS_END();
  goos::Nanos d;
  if (!goos::php::duration_arg(seconds, 1, &d)) RETURN_THROWS();
  goos::Runtime* rt = goos::php::runtime_start();
  if (rt == nullptr) RETURN_THROWS();
  auto chan = std::make_shared<goos::php::PhpChan>(1);
  rt->after(goos::deadline_after(d),
            [chan] { chan->try_send(goos::php::ChanValue::of_double(goos::php::wall_now())); });
  goos::php::chan_wrap(return_value, std::move(chan));
}

ZEND_METHOD(Goos_Time, tick) {
  double seconds = 0;
  ZEND_PARSE_PARAMETERS_START(1, 1)
  Z_PARAM_DOUBLE(seconds)
  ZEND_PARSE_PARAMETERS_END();
  auto core = std::make_shared<goos::php::TickerCore>(std::make_shared<goos::php::PhpChan>(1));
  if (!goos::php::start_ticker(*core, seconds)) RETURN_THROWS();
  goos::php::native_wrap(return_value, goos_ticker_ce, std::move(core));
}

// Never called: the constructor is private; Time::tick() makes tickers.
ZEND_METHOD(Goos_Ticker, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Goos_Ticker, channel) {
  ZEND_PARSE_PARAMETERS_NONE();
  goos::php::chan_wrap(return_value, goos::php::this_ticker(ZEND_THIS).chan());
}

ZEND_METHOD(Goos_Ticker, stop) {
  ZEND_PARSE_PARAMETERS_NONE();
  goos::php::this_ticker(ZEND_THIS).stop();
}

ZEND_METHOD(Goos_Ticker, reset) {
  double seconds = 0;
  ZEND_PARSE_PARAMETERS_START(1, 1)
  Z_PARAM_DOUBLE(seconds)
  ZEND_PARSE_PARAMETERS_END();
  if (!goos::php::start_ticker(goos::php::this_ticker(ZEND_THIS), seconds)) RETURN_THROWS();
}
