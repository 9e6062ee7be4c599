// PHP's sleep functions in goroutines: sleep(), usleep(), time_nanosleep()
// and time_sleep_until() park the goroutine, not its thread.
#ifndef GOOS_PHP_SLEEP_HOOKS_H
#define GOOS_PHP_SLEEP_HOOKS_H

namespace goos::php {

// Replaces the handlers of the four functions with goos's own, which park a
// goroutine on its M's timer heap (the M runs other goroutines meanwhile) and
// call PHP's handler everywhere else: in the origin, on a worker thread
// outside a goroutine, and for arguments PHP refuses. At module startup, on
// the startup thread, before any other interpreter exists.
void sleep_hooks_minit();

// Puts PHP's handlers back.
void sleep_hooks_mshutdown();

}  // namespace goos::php

#endif  // GOOS_PHP_SLEEP_HOOKS_H
