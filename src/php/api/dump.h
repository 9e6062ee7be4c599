// Goroutine dumps for PHP: Goos\Scheduler::dump() and the deadlock report.
// Every goroutine with its id, state, wait reason and PHP backtrace, as Go
// prints them; the script itself is goroutine 0.
#ifndef GOOS_PHP_DUMP_H
#define GOOS_PHP_DUMP_H

#include "php.h"

#include <string>

#include "goos/runtime.h"

namespace goos::php {

// The backtrace of the code running in the current interpreter now, one
// frame a line, as an exception's getTraceAsString() writes it (arguments
// shortened), ending with "{main}" if `include_main`.
std::string current_backtrace(bool include_main);

// The dump of every goroutine. `origin_reason`: what the script waits for
// (shown in its header); kNone when it is running. Its backtrace is read only
// when the caller is the script itself: another thread cannot read it safely.
// `rt` null: the script alone, before any goroutine.
std::string goroutine_dump(goos::Runtime* rt, goos::WaitReason origin_reason);

}  // namespace goos::php

#endif  // GOOS_PHP_DUMP_H
