// The request's superglobals in goroutines: $_GET, $_POST, $_COOKIE, $_FILES,
// $_SERVER, $_ENV and $_REQUEST as the script had them when its runtime
// started (its first go()).
#ifndef GOOS_PHP_REQUEST_GLOBALS_H
#define GOOS_PHP_REQUEST_GLOBALS_H

namespace goos::php {

// In the script's thread, before the Ms start: captures the superglobals.
// One that cannot cross (a reference inside, say) is left out, and the
// worker builds its own as before.
void request_globals_capture();

// On an M's thread, after its request startup: defines the captured
// superglobals in its interpreter, and disarms the just-in-time creation of
// $_SERVER, $_ENV and $_REQUEST, which would otherwise ask the SAPI for the
// request's variables from a thread that has no request (php-fpm reads them
// from the FastCGI request: a NULL one on an M).
void request_globals_import();

// In the script's thread, once the Ms have stopped.
void request_globals_reset();

}  // namespace goos::php

#endif  // GOOS_PHP_REQUEST_GLOBALS_H
