<?php
// bench/fpm.sh (c): three trivial goroutines, joined.
go(fn () => 1);
go(fn () => 2);
go(fn () => 3);
Goos\Scheduler::join();
echo "hello\n";
