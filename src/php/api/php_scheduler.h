// Goos\Scheduler, Goos\Time and go(): the PHP API over the runtime.
#ifndef GOOS_PHP_SCHEDULER_H
#define GOOS_PHP_SCHEDULER_H

#include "php.h"

extern zend_class_entry* goos_scheduler_ce;
extern zend_class_entry* goos_time_ce;

// The number of Ps: the running scheduler's, or the one it will start with
// (goos.max_procs, or Scheduler::maxProcs($n) before the first go()).
int goos_scheduler_max_procs();

#endif  // GOOS_PHP_SCHEDULER_H
