#include "engine/interp.h"

#include "SAPI.h"
#include "php_main.h"
#include "zend_stream.h"

#include "code/code.h"
#include "code/code_load_guard.h"
#include "api/php_runtime.h"
#include "php_goos.h"

namespace goos::php {
namespace {

thread_local bool tls_worker = false;

void include_bootstrap() {
  const char* path = GOOS_G(bootstrap);
  if (path == nullptr || *path == '\0') return;
  zend_file_handle handle;
  zend_stream_init_filename(&handle, path);
  zend_try { zend_execute_scripts(ZEND_REQUIRE, nullptr, 1, &handle); }
  zend_end_try();
  zend_destroy_file_handle(&handle);
}

}  // namespace

bool on_worker_thread() { return tls_worker; }

void block_async_signals(sigset_t* previous) {
  sigset_t all;
  sigfillset(&all);
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP}) sigdelset(&all, sig);
  pthread_sigmask(SIG_BLOCK, &all, previous);
}

zend_atomic_bool* interp_start(int /*m*/) {
  tls_worker = true;
  ts_resource(0);
  ZEND_TSRMLS_CACHE_UPDATE();
  SG(server_context) = nullptr;
  SG(request_info).no_headers = 1;
  SG(options) |= SAPI_OPTION_NO_CHDIR;
  // max_execution_time is the script's, enforced in the origin (which ends
  // every goroutine when it fires). A worker arming its own timer would, on
  // PHP builds without per-thread timers, re-arm or cancel the process-wide
  // ITIMER_PROF the origin's timeout runs on.
  EG(timeout_seconds) = 0;
  if (php_request_startup() == FAILURE) {
    fprintf(stderr, "goos: could not start a PHP request on a worker thread\n");
    abort();
  }
  // As the CLI does after its request startup: no headers, ever.
  SG(headers_sent) = 1;
  SG(request_info).no_headers = 1;
  PG(during_request_startup) = 0;
  // The request startup unblocked the timeout's signal (zend_set_timeout()
  // does, for SIGPROF, on PHP builds without per-thread timers), which would
  // let the kernel hand the origin's timeout to this thread.
  block_async_signals();
  include_bootstrap();
  return &EG(vm_interrupt);
}

void interp_stop(int /*m*/, bool abandoned) {
  code_worker_shutdown();
  load_guard_thread_end();
  // Blocked goroutines' values are freed with the heap; reporting them as
  // leaks would blame the script for ending.
  if (abandoned) CG(unclean_shutdown) = 1;
  php_request_shutdown(nullptr);
  // The M's persistent connections (pconnect, persistent streams) end with
  // its interpreter, newest first, while the globals their destructors use
  // still exist: ts_free_thread() frees ext/standard's FG() before Zend's
  // executor globals (8.2: a persistent stream's destructor then wrote into
  // freed memory), and 8.4 no longer frees a thread's list at all.
  zend_hash_reverse_apply(&EG(persistent_list), [](zval*) { return ZEND_HASH_APPLY_REMOVE; });
  ts_free_thread();
  tls_worker = false;
}

}  // namespace goos::php
