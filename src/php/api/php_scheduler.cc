#include "api/php_scheduler.h"

#include <chrono>
#include <thread>
#include <vector>

#include "zend_exceptions.h"

#include "goos/config.h"
#include "api/dump.h"
#include "api/php_go.h"
#include "engine/worker_output.h"
#include "php_goos.h"
#include "api/php_runtime.h"
#include "api/php_wait.h"

zend_class_entry* goos_scheduler_ce = nullptr;
zend_class_entry* goos_time_ce = nullptr;

namespace {

using goos::php::runtime_if_started;

}  // namespace

int goos_scheduler_max_procs() {
  if (goos::Runtime* rt = runtime_if_started()) return rt->max_procs();
  zend_long override = GOOS_G(max_procs_override);
  return override >= 0 ? goos::effective_max_procs(static_cast<int>(override))
                       : goos::effective_max_procs(static_cast<int>(GOOS_G(max_procs)));
}

static void go_impl(INTERNAL_FUNCTION_PARAMETERS) {
  zval* fn;
  zval* args = nullptr;
  uint32_t argc = 0;
  HashTable* named = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, -1)
  Z_PARAM_ZVAL(fn)
  Z_PARAM_VARIADIC_WITH_NAMED(args, argc, named)
  ZEND_PARSE_PARAMETERS_END();
  if (!zend_is_callable(fn, 0, nullptr)) {
#if PHP_VERSION_ID >= 80300
    zend_argument_type_error(1, "must be a valid callback, %s given", zend_zval_value_name(fn));
#else
    zend_argument_type_error(1, "must be a valid callback, %s given", zend_zval_type_name(fn));
#endif
    RETURN_THROWS();
  }
  const zend_long id = goos::php::go(fn, args, argc, named);
  if (id == 0) RETURN_THROWS();
  RETURN_LONG(id);
}

ZEND_FUNCTION(go) { go_impl(INTERNAL_FUNCTION_PARAM_PASSTHRU); }
ZEND_FUNCTION(Goos_go) { go_impl(INTERNAL_FUNCTION_PARAM_PASSTHRU); }

// Never called: the constructor is private, so `new Goos\Scheduler` is refused
// by the engine before it gets here.
ZEND_METHOD(Goos_Scheduler, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }
ZEND_METHOD(Goos_Time, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

// As GOMAXPROCS: returns the setting in force before the call. Before the
// first go(), 0 means one P per CPU, as goos.max_procs does. Once goroutines
// have started, the scheduler's Ps are bound to their threads for life, so a
// different value is refused.
ZEND_METHOD(Goos_Scheduler, maxProcs) {
  zend_long n = 0;
  bool n_is_null = true;
  ZEND_PARSE_PARAMETERS_START(0, 1)
  Z_PARAM_OPTIONAL
  Z_PARAM_LONG_OR_NULL(n, n_is_null)
  ZEND_PARSE_PARAMETERS_END();

  const int previous = goos_scheduler_max_procs();
  if (!n_is_null) {
    if (n < 0 || n > goos::kMaxProcsLimit) {
      zend_argument_value_error(1, "must be between 0 (one per CPU) and %d", goos::kMaxProcsLimit);
      RETURN_THROWS();
    }
    if (runtime_if_started() != nullptr) {
      if (goos::effective_max_procs(static_cast<int>(n)) != previous) {
        zend_throw_error(nullptr,
                         "Goos\\Scheduler::maxProcs(): the scheduler runs %d processors since the "
                         "first go(); set it before that",
                         previous);
        RETURN_THROWS();
      }
    } else {
      GOOS_G(max_procs_override) = n;
    }
  }
  RETURN_LONG(previous);
}

// The script itself (the origin) is goroutine 0; goroutines count from 1.
ZEND_METHOD(Goos_Scheduler, id) {
  ZEND_PARSE_PARAMETERS_NONE();
  RETURN_LONG(static_cast<zend_long>(goos::this_goroutine::id()));
}

ZEND_METHOD(Goos_Scheduler, join) {
  double timeout = 0;
  bool timeout_is_null = true;
  ZEND_PARSE_PARAMETERS_START(0, 1)
  Z_PARAM_OPTIONAL
  Z_PARAM_DOUBLE_OR_NULL(timeout, timeout_is_null)
  ZEND_PARSE_PARAMETERS_END();
  if (goos::this_goroutine::is_goroutine()) {
    zend_throw_error(nullptr,
                     "Goos\\Scheduler::join() cannot be called from a goroutine: it would wait "
                     "for itself");
    RETURN_THROWS();
  }
  goos::Deadline deadline = goos::kNoDeadline;
  if (!timeout_is_null) {
    goos::Nanos d;
    if (!goos::php::duration_arg(timeout, 1, &d)) RETURN_THROWS();
    deadline = goos::deadline_after(d);
  }
  goos::Runtime* rt = runtime_if_started();
  if (rt == nullptr) RETURN_TRUE;
  for (;;) {
    // Once a goroutine ended the script, those still blocked never end.
    if (goos::php::script_end_status() >= 0) {
      if (goos::php::origin_unwind_if_ended()) RETURN_THROWS();
      RETURN_FALSE;
    }
    if (rt->join(deadline)) {
      // Under a web SAPI, what the goroutines printed comes before what the
      // script prints next (worker_output.cc).
      goos::php::worker_output_drain();
      RETURN_TRUE;
    }
    // Woken early (origin_watch): a signal for pcntl, or a timeout.
    if (goos::php::origin_check_interrupt()) {
      goos::php::raise_pending_timeout();
      RETURN_THROWS();
    }
    if (deadline != goos::kNoDeadline && goos::Clock::now() >= deadline) RETURN_FALSE;
  }
}

ZEND_METHOD(Goos_Scheduler, yield) {
  ZEND_PARSE_PARAMETERS_NONE();
  if (goos::this_goroutine::is_goroutine()) goos::this_goroutine::yield();
}

ZEND_METHOD(Goos_Scheduler, numGoroutine) {
  ZEND_PARSE_PARAMETERS_NONE();
  goos::Runtime* rt = runtime_if_started();
  RETURN_LONG(rt != nullptr ? static_cast<zend_long>(rt->num_goroutine()) : 0);
}

// In a goroutine: parks it on a timer. In the origin: blocks as usleep()
// would, but wakes early, to unwind, when a goroutine ends the script.
ZEND_METHOD(Goos_Time, sleep) {
  double seconds = 0;
  ZEND_PARSE_PARAMETERS_START(1, 1)
  Z_PARAM_DOUBLE(seconds)
  ZEND_PARSE_PARAMETERS_END();
  goos::Nanos d;
  if (!goos::php::duration_arg(seconds, 1, &d)) RETURN_THROWS();
  if (goos::this_goroutine::is_goroutine()) {
    goos::this_goroutine::sleep_for(d);
    return;
  }
  const goos::Deadline until = goos::deadline_after(d);
  constexpr auto kSlice = std::chrono::milliseconds(10);
  for (auto now = goos::Clock::now(); now < until; now = goos::Clock::now()) {
    if (goos::php::script_end_status() >= 0) {
      if (goos::php::origin_unwind_if_ended()) RETURN_THROWS();
      return;  // the script is over: a shutdown function does not sleep on
    }
    if (goos::php::origin_check_interrupt()) {
      goos::php::raise_pending_timeout();
      RETURN_THROWS();
    }
    std::this_thread::sleep_for(std::min<goos::Clock::duration>(until - now, kSlice));
  }
}

// Runs $fn with preemption off (goos::this_goroutine::preempt_disable): a
// request sysmon makes meanwhile is kept, and preempt_enable() yields for it
// when $fn is done, even if $fn threw (the exception waits in the
// goroutine's engine state). A script ending unwinds $fn all the same: that
// check comes before preemption in the interrupt hook.
ZEND_METHOD(Goos_Scheduler, noPreempt) {
  zend_fcall_info fci;
  zend_fcall_info_cache fcc;
  zval* args = nullptr;
  uint32_t argc = 0;
  HashTable* named = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, -1)
  Z_PARAM_FUNC(fci, fcc)
  Z_PARAM_VARIADIC_WITH_NAMED(args, argc, named)
  ZEND_PARSE_PARAMETERS_END();
  fci.params = args;
  fci.param_count = argc;
  fci.named_params = named;
  fci.retval = return_value;
  goos::this_goroutine::preempt_disable();
  zend_call_function(&fci, &fcc);
  goos::this_goroutine::preempt_enable();
}

ZEND_METHOD(Goos_Scheduler, stats) {
  ZEND_PARSE_PARAMETERS_NONE();
  std::vector<goos::PStats> per_p;
  if (goos::Runtime* rt = runtime_if_started()) {
    per_p = rt->stats();
  } else {
    per_p.resize(static_cast<std::size_t>(goos_scheduler_max_procs()));
  }
  array_init_size(return_value, static_cast<uint32_t>(per_p.size()));
  for (const goos::PStats& s : per_p) {
    zval p;
    array_init_size(&p, 6);
    add_assoc_long(&p, "runq", static_cast<zend_long>(s.runq));
    add_assoc_long(&p, "switches", static_cast<zend_long>(s.switches));
    add_assoc_long(&p, "steals", static_cast<zend_long>(s.steals));
    add_assoc_long(&p, "spawned", static_cast<zend_long>(s.spawned));
    add_assoc_long(&p, "preemptions", static_cast<zend_long>(s.preemptions));
    add_assoc_long(&p, "preemptRequests", static_cast<zend_long>(s.preempt_requests));
    add_next_index_zval(return_value, &p);
  }
}

// The goroutines' dump (dump.h); in a goroutine or the script alike.
ZEND_METHOD(Goos_Scheduler, dump) {
  ZEND_PARSE_PARAMETERS_NONE();
  const std::string text = goos::php::goroutine_dump(runtime_if_started(), goos::WaitReason::kNone);
  RETURN_STRINGL(text.data(), text.size());
}
