// Under the CLI an M writes straight to the process's stdout, as the script
// does. Under php-fpm (or any web SAPI) the response belongs to the script's
// FastCGI request, which only its thread holds (SG(server_context)): an M has
// none, and php-fpm's write on an M dereferenced NULL. So an M's unbuffered
// writes are queued here, and the script's thread writes them into its own
// output layer whenever it looks: at its waits on goos primitives and in
// join() (sysmon interrupts them when output is pending), and at the VM's
// interrupt checks while it runs PHP code. The script's output buffers catch
// them, and they reach the response in the order they were printed (each M's
// in its own order; two Ms' interleave as they printed).
//
// Not routed: the CLI, whose stdout is the same fd for every thread (a
// goroutine's output appears at once, not when the script next looks).
#include "engine/worker_output.h"

#include <atomic>
#include <cstring>
#include <mutex>
#include <string>

#include "SAPI.h"
#include "php.h"
#include "php_output.h"

#include "api/php_runtime.h"

namespace goos::php {
namespace {

size_t (*original_ub_write)(const char*, size_t) = nullptr;
void (*original_flush)(void*) = nullptr;
zif_handler original_finish_request = nullptr;

std::mutex pending_lock;
std::string pending;  // guarded by pending_lock
std::atomic<bool> has_pending{false};
// Set by fastcgi_finish_request() in the script's thread: the response is
// complete, so what goroutines print from now on goes nowhere.
std::atomic<bool> finished{false};

size_t worker_ub_write(const char* str, size_t len) {
  if (!on_worker_thread()) return original_ub_write(str, len);
  if (finished.load(std::memory_order_acquire)) return len;  // as PHP drops it
  {
    std::lock_guard guard(pending_lock);
    pending.append(str, len);
  }
  has_pending.store(true, std::memory_order_release);
  return len;
}

// An M has no request to flush; the script's thread flushes its own.
void worker_flush(void* server_context) {
  if (on_worker_thread()) return;
  if (original_flush != nullptr) original_flush(server_context);
}

ZEND_NAMED_FUNCTION(worker_finish_request) {
  // What goroutines printed before belongs to the response being finished.
  worker_output_drain();
  original_finish_request(INTERNAL_FUNCTION_PARAM_PASSTHRU);
  finished.store(true, std::memory_order_release);
}

zend_result (*previous_post_startup)() = nullptr;

zend_function* finish_request_function() {
  return static_cast<zend_function*>(zend_hash_str_find_ptr(
      CG(function_table), "fastcgi_finish_request", sizeof("fastcgi_finish_request") - 1));
}

// The SAPI's own functions are registered after the modules' MINIT
// (php_module_startup()), so fastcgi_finish_request() is wrapped once
// startup is over, still single-threaded, before the function table is
// shared with other threads.
zend_result wrap_finish_request() {
  if (previous_post_startup != nullptr && previous_post_startup() != SUCCESS) return FAILURE;
  zend_function* fn = finish_request_function();
  if (fn != nullptr && fn->type == ZEND_INTERNAL_FUNCTION) {
    original_finish_request = fn->internal_function.handler;
    fn->internal_function.handler = worker_finish_request;
  }
  return SUCCESS;
}

}  // namespace

void worker_output_minit() {
  if (std::strcmp(sapi_module.name, "cli") == 0) return;
  original_ub_write = sapi_module.ub_write;
  original_flush = sapi_module.flush;
  sapi_module.ub_write = worker_ub_write;
  sapi_module.flush = worker_flush;
  previous_post_startup = zend_post_startup_cb;
  zend_post_startup_cb = wrap_finish_request;
}

void worker_output_mshutdown() {
  if (original_ub_write == nullptr) return;
  sapi_module.ub_write = original_ub_write;
  sapi_module.flush = original_flush;
  if (original_finish_request != nullptr) {
    if (zend_function* fn = finish_request_function()) {
      fn->internal_function.handler = original_finish_request;
    }
  }
}

void worker_output_reset() {
  finished.store(false, std::memory_order_release);
  std::lock_guard guard(pending_lock);
  pending.clear();
  has_pending.store(false, std::memory_order_release);
}

bool worker_output_pending() { return has_pending.load(std::memory_order_acquire); }

void worker_output_drain() {
  if (!has_pending.load(std::memory_order_acquire)) return;
  std::string taken;
  {
    std::lock_guard guard(pending_lock);
    taken.swap(pending);
    has_pending.store(false, std::memory_order_release);
  }
  if (taken.empty() || finished.load(std::memory_order_acquire)) return;
  php_output_write(taken.data(), taken.size());
}

}  // namespace goos::php
