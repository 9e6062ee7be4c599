<?php
// bench/fpm.sh phases: go3.php timed inside the request, in milliseconds:
// the first go() (which starts the runtime's threads and their interpreters
// in this request), the next two, the join; and the request's time in PHP
// from its start (REQUEST_TIME_FLOAT) to the end of the join.
$t0 = hrtime(true);
go(fn () => 1);
$t1 = hrtime(true);
go(fn () => 2);
go(fn () => 3);
$t2 = hrtime(true);
Goos\Scheduler::join();
$t3 = hrtime(true);
printf("%.3f %.3f %.3f %.3f\n", ($t1 - $t0) / 1e6, ($t2 - $t1) / 1e6, ($t3 - $t2) / 1e6,
    (microtime(true) - $_SERVER['REQUEST_TIME_FLOAT']) * 1e3);
