// Goos\Mutex, Goos\RWMutex, Goos\WaitGroup and Goos\Once: package sync for
// PHP, over the runtime core's primitives.
#ifndef GOOS_PHP_SYNC_H
#define GOOS_PHP_SYNC_H

#include "php.h"

extern zend_class_entry* goos_mutex_ce;
extern zend_class_entry* goos_rwmutex_ce;
extern zend_class_entry* goos_waitgroup_ce;
extern zend_class_entry* goos_once_ce;

namespace goos::php {

// Sets up the classes (MINIT, after registration).
void sync_minit();

}  // namespace goos::php

#endif  // GOOS_PHP_SYNC_H
