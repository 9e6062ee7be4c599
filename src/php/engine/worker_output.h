// What goroutines print, under a web SAPI: into the script's response.
#ifndef GOOS_PHP_WORKER_OUTPUT_H
#define GOOS_PHP_WORKER_OUTPUT_H

namespace goos::php {

// MINIT: under any SAPI but the CLI's, routes an M's unbuffered writes (what
// its interpreter's output layer lets through: echo, print, printf, the end
// of its output buffers) to the script's thread, and wraps
// fastcgi_finish_request() when the SAPI has it.
void worker_output_minit();
void worker_output_mshutdown();

// The script's thread, at its request's end: nothing pending, not finished.
void worker_output_reset();

// Whether goroutines printed something the script's thread has not taken yet
// (sysmon's look, to interrupt the script's thread for it).
bool worker_output_pending();

// The script's thread: writes what goroutines printed into its own output
// layer (so its ob_start() buffers catch it), in the order it was printed.
// After fastcgi_finish_request() it is dropped, as the script's own output
// would be.
void worker_output_drain();

}  // namespace goos::php

#endif  // GOOS_PHP_WORKER_OUTPUT_H
