// header(), header_remove(), http_response_code(), setcookie() and
// setrawcookie() in goroutines, under a web SAPI: a warning, not silence.
#ifndef GOOS_PHP_HEADER_HOOKS_H
#define GOOS_PHP_HEADER_HOOKS_H

namespace goos::php {

void header_hooks_minit();

void header_hooks_mshutdown();

}  // namespace goos::php

#endif  // GOOS_PHP_HEADER_HOOKS_H
