// One connection used by two goroutines of a thread at once: caught where the
// second one would wait, and thrown as Goos\ConnectionBusyError.
#pragma once

#include "php.h"

namespace goos::php {

extern zend_class_entry* connection_busy_error_ce;

}  // namespace goos::php
