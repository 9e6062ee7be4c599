#include "php_scheduler.h"

#include "zend_exceptions.h"

#include "goos/config.h"
#include "php_goos.h"

zend_class_entry* goos_scheduler_ce = nullptr;

int goos_scheduler_max_procs() {
  zend_long override = GOOS_G(max_procs_override);
  return override >= 0 ? goos::effective_max_procs(static_cast<int>(override))
                       : goos::effective_max_procs(static_cast<int>(GOOS_G(max_procs)));
}

// Never called: the constructor is private, so `new Goos\Scheduler` is refused
// by the engine before it gets here.
ZEND_METHOD(Goos_Scheduler, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

// As GOMAXPROCS: returns the setting in force before the call. 0 means one P
// per CPU, as goos.max_procs does. The setting is the process's (the scheduler
// is one per process), so in php-fpm it outlives the request that made it.
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
    GOOS_G(max_procs_override) = n;
  }
  RETURN_LONG(previous);
}

// The script itself (the origin) is goroutine 0; goroutines count from 1.
ZEND_METHOD(Goos_Scheduler, id) {
  ZEND_PARSE_PARAMETERS_NONE();
  RETURN_LONG(0);
}
