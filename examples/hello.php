<?php
// The goos demo: what the loaded extension knows about this machine and itself.
// (Goroutines arrive with go() and Scheduler::join(); this grows with them.)
use Goos\Scheduler;

printf("goos %s on PHP %s (%s)\n", Goos\VERSION, PHP_VERSION, PHP_ZTS ? 'ZTS' : 'not thread-safe');
printf("this script is goroutine %d, the origin\n", Scheduler::id());
printf("processors (Ps): %d, one per CPU unless goos.max_procs says otherwise\n", Scheduler::maxProcs());
printf("preemption after %s ms, goroutine stacks of %s\n", ini_get('goos.preempt_ms'), ini_get('goos.stack_size'));
