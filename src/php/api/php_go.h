// go(): a PHP callable and its arguments become a goroutine.
#ifndef GOOS_PHP_GO_H
#define GOOS_PHP_GO_H

#include "php.h"

namespace goos::php {

// Starts a goroutine running fn(...args, ...named); returns its id, or 0 with
// an exception thrown (a value that cannot cross, code that cannot be found).
zend_long go(zval* fn, zval* args, uint32_t argc, HashTable* named);

// The origin's request ends: the next one registers its implicit join anew.
void go_request_end();

}  // namespace goos::php

#endif  // GOOS_PHP_GO_H
