#include "engine/interp.h"

#include <pthread.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <vector>

#include "SAPI.h"
#include "php_main.h"
#include "php_streams.h"
#include "zend_stream.h"

#include "code/code.h"
#include "engine/request_globals.h"
#include "code/code_load_guard.h"
#include "api/php_runtime.h"
#include "php_goos.h"

namespace goos::php {
namespace {

thread_local bool tls_worker = false;

// Held by an M while it makes or frees its TSRM context (and records it in
// `contexts`, for a forked child to neutralise: orphan_worker_interpreters()),
// and across fork(): TSRM's own mutex, which those take, would otherwise stay
// locked in a child forked meanwhile, and its shutdown (which takes it)
// would hang. The fork handlers are installed when the library loads
// (single-threaded), as src/runtime/fd_wait.cc's are.
std::mutex tsrm_thread_lock;
std::vector<void*> contexts;  // every live M's TSRM context; guarded by tsrm_thread_lock

const bool tsrm_fork_guard = [] {
  pthread_atfork([] { tsrm_thread_lock.lock(); }, [] { tsrm_thread_lock.unlock(); },
                 [] { tsrm_thread_lock.unlock(); });
  return true;
}();

// Written by the script's thread before the Ms start (their threads' creation
// orders it before their reads).
bool script_has_std_streams = false;

void include_bootstrap() {
  const char* path = GOOS_G(bootstrap);
  if (path == nullptr || *path == '\0') return;
  zend_file_handle handle;
  zend_stream_init_filename(&handle, path);
  zend_try { zend_execute_scripts(ZEND_REQUIRE, nullptr, 1, &handle); }
  zend_end_try();
  zend_destroy_file_handle(&handle);
}

// The CLI defines STDIN, STDOUT and STDERR for the script (php_cli.c's
// cli_register_file_handles(), after its request startup), so a worker's
// request must too, or a goroutine's fwrite(STDERR, ...) is an undefined
// constant. Only when the script has them: then the CLI's php://stdin and
// friends, opened again, are dup()s of fds 0, 1 and 2 (the script's took the
// fds themselves), and closing them with the worker's request is harmless.
void define_cli_std_streams() {
  if (!script_has_std_streams) return;
  const struct {
    const char* name;
    const char* url;
    const char* mode;
  } std_streams[] = {{"STDIN", "php://stdin", "rb"},
                     {"STDOUT", "php://stdout", "wb"},
                     {"STDERR", "php://stderr", "wb"}};
  php_stream* opened[3] = {};
  for (int i = 0; i < 3; i++) {
    opened[i] =
        php_stream_open_wrapper_ex(std_streams[i].url, std_streams[i].mode, 0, nullptr, nullptr);
    if (opened[i] == nullptr) {
      // As the CLI: all three or none (stdin closed with <&-, say).
      for (php_stream* s : opened) {
        if (s != nullptr) php_stream_close(s);
      }
      return;
    }
  }
  for (int i = 0; i < 3; i++) {
    zend_constant c;
    php_stream_to_zval(opened[i], &c.value);
    Z_CONSTANT_FLAGS(c.value) = 0;
    c.name = zend_string_init_interned(std_streams[i].name, std::strlen(std_streams[i].name), 0);
    zend_register_constant(&c);
  }
}

}  // namespace

bool on_worker_thread() { return tls_worker; }

void orphan_worker_interpreters() {
  std::lock_guard guard(tsrm_thread_lock);
  for (void* context : contexts) {
    auto* cg = reinterpret_cast<zend_compiler_globals*>(static_cast<char*>(context) +
                                                        compiler_globals_offset);
    auto* eg = reinterpret_cast<zend_executor_globals*>(static_cast<char*>(context) +
                                                        executor_globals_offset);
    // Emptied, not destroyed: TSRM's shutdown then frees only the tables'
    // own (persistent) memory, never an entry.
    // The persistent list too: its connections' fds are the parent's, and a
    // destructor would speak on them (a MySQL QUIT).
    for (HashTable* table : {cg->function_table, cg->class_table, eg->zend_constants,
                             eg->ini_directives, &eg->persistent_list}) {
      if (table == nullptr) continue;
      table->nNumUsed = 0;
      table->nNumOfElements = 0;
    }
  }
  contexts.clear();
}

void note_script_std_streams() {
  script_has_std_streams = std::strcmp(sapi_module.name, "cli") == 0 &&
                           zend_get_constant_str("STDIN", sizeof("STDIN") - 1) != nullptr &&
                           zend_get_constant_str("STDERR", sizeof("STDERR") - 1) != nullptr;
}

void block_async_signals(sigset_t* previous) {
  sigset_t all;
  sigfillset(&all);
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP}) sigdelset(&all, sig);
  pthread_sigmask(SIG_BLOCK, &all, previous);
}

zend_atomic_bool* interp_start(int /*m*/) {
  tls_worker = true;
  {
    std::lock_guard guard(tsrm_thread_lock);
    ts_resource(0);
    contexts.push_back(tsrm_get_ls_cache());
  }
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
  // No SAPI request to finish at this request's end: php-fpm's deactivate
  // hook finishes SG(server_context)'s FastCGI request when this is set, and
  // an M has none (fcgi_finish_request(NULL) crashed).
  SG(sapi_started) = 0;
  request_globals_import();
  // The request startup unblocked the timeout's signal (zend_set_timeout()
  // does, for SIGPROF, on PHP builds without per-thread timers), which would
  // let the kernel hand the origin's timeout to this thread.
  block_async_signals();
  define_cli_std_streams();
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
  {
    std::lock_guard guard(tsrm_thread_lock);
    contexts.erase(std::find(contexts.begin(), contexts.end(), tsrm_get_ls_cache()));
    ts_free_thread();
  }
  tls_worker = false;
}

}  // namespace goos::php
