// Goos\Time::after(), Goos\Time::tick() and Goos\Ticker.
#ifndef GOOS_PHP_TIME_H
#define GOOS_PHP_TIME_H

#include "php.h"

extern zend_class_entry* goos_ticker_ce;

namespace goos::php {

// Sets up Goos\Ticker (MINIT, after registration).
void time_minit();

}  // namespace goos::php

#endif  // GOOS_PHP_TIME_H
