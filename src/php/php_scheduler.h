// Goos\Scheduler: the PHP face of the goroutine scheduler.
#pragma once

#include "php.h"

extern zend_class_entry* goos_scheduler_ce;

// The number of Ps the scheduler runs (or will start) with: the value given to
// Scheduler::maxProcs(), else goos.max_procs with 0 resolved to the CPU count.
int goos_scheduler_max_procs();
