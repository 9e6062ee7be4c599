#include "api/php_runtime.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <memory>

#include "SAPI.h"
#include "zend_exceptions.h"

#include "goos/waiter.h"

#include "code/code.h"
#include "code/code_load_guard.h"
#include "api/dump.h"
#include "engine/interp.h"
#include "engine/request_globals.h"
#include "engine/worker_output.h"
#include "engine/jit_guard.h"
#include "engine/php_glue.h"
#include "api/php_go.h"
#include "php_goos.h"
#include "api/php_scheduler.h"

namespace goos::php {
namespace {

// Owned by the origin thread: made by its first go(), destroyed at the end of
// its request. Workers only read the pointer, while the runtime lives.
std::unique_ptr<goos::Runtime> g_runtime;
std::atomic<goos::Runtime*> g_runtime_ptr{nullptr};
PhpGlue g_glue;  // static: outlives every runtime and M

std::atomic<int> g_end_status{-1};
zend_atomic_bool* g_origin_interrupt = nullptr;  // the origin's EG(vm_interrupt)
// The origin thread's waiter, to interrupt its waits (php_wait.h). Set before
// the runtime starts, cleared after it stopped, like g_origin_interrupt.
std::atomic<goos::ThreadWaiter*> g_origin_waiter{nullptr};
bool g_origin_unwound = false;  // origin thread only
// Set by sysmon when it finds a deadlock, for the origin to report it.
std::atomic<bool> g_deadlocked{false};
// Set by a worker when a goroutine dies of a fatal error (an uncaught
// exception included), for the script's thread to fail the response as PHP
// fails it for its own fatal errors.
std::atomic<bool> g_goroutine_failed{false};
// Set in a child process forked while this process's runtime ran (the Ms,
// sysmon and every goroutine stayed in the parent; only the forking thread
// came along): the child can run no goroutine, and must not wait for the
// parent's.
bool g_forked_away = false;
std::atomic<goos::WaitReason> g_deadlock_origin_reason{goos::WaitReason::kNone};

void (*g_previous_interrupt)(zend_execute_data*) = nullptr;
void (*g_previous_error_cb)(int, zend_string*, uint32_t, zend_string*) = nullptr;

constexpr int kFatalErrors =
    E_ERROR | E_CORE_ERROR | E_COMPILE_ERROR | E_USER_ERROR | E_RECOVERABLE_ERROR | E_PARSE;

// The VM's interrupt check (loop back-edges, calls), on every thread.
void goos_interrupt(zend_execute_data* execute_data) {
  if (goos::this_goroutine::is_goroutine()) {
    if (g_end_status.load(std::memory_order_acquire) >= 0) {
      // The script is over: unwind this goroutine as exit() would.
      if (EG(exception) == nullptr) zend_throw_unwind_exit();
    } else {
      goos::this_goroutine::preempt_point();
    }
  } else if (!on_worker_thread()) {
    worker_output_drain();
    origin_unwind_if_ended();
  }
  if (g_previous_interrupt != nullptr) g_previous_interrupt(execute_data);
}

// zend_timeout()'s message: PHP raises it as a plain E_ERROR, with nothing
// else to tell it from others by the time the error callback runs.
bool is_timeout_message(const zend_string* message) {
  constexpr char kPrefix[] = "Maximum execution time of ";
  return ZSTR_LEN(message) >= sizeof(kPrefix) - 1 &&
         std::memcmp(ZSTR_VAL(message), kPrefix, sizeof(kPrefix) - 1) == 0;
}

// A fatal error inside a goroutine says which goroutine: PHP's own message,
// prefixed with "goroutine N: ".
void goos_error_cb(int type, zend_string* file, uint32_t line, zend_string* message) {
  const std::uint64_t id = goos::this_goroutine::id();
  if (id == 0 && type == E_ERROR && !on_worker_thread() && runtime_if_started() != nullptr &&
      is_timeout_message(message)) {
    // The script's time is up: unlike an uncaught exception in the origin
    // (its goroutines still end their work, as after exit()), a timeout ends
    // them too, or a goroutine that never ends would outlive the limit. The
    // origin is unwinding already (PHP bails out after this message).
    g_origin_unwound = true;
    end_script(255);
  }
  if (id != 0 && (type & kFatalErrors) != 0) {
    g_goroutine_failed.store(true, std::memory_order_release);
    zend_string* tagged = zend_strpprintf(0, "goroutine %llu: %s",
                                          static_cast<unsigned long long>(id), ZSTR_VAL(message));
    g_previous_error_cb(type, file, line, tagged);
    zend_string_release(tagged);
    return;
  }
  g_previous_error_cb(type, file, line, message);
}

}  // namespace

goos::Runtime* runtime_if_started() {
  if (g_forked_away) return nullptr;
  return g_runtime_ptr.load(std::memory_order_acquire);
}

bool runtime_refused_after_fork() {
  if (!g_forked_away) return false;
  zend_throw_error(nullptr,
                   "goos: this process was forked (pcntl_fork()) while its goroutines ran; they "
                   "stayed in the parent, and no goroutine can run or be waited for in the child");
  return true;
}

goos::Runtime* runtime_start() {
  if (runtime_refused_after_fork()) return nullptr;
  if (goos::Runtime* rt = runtime_if_started()) return rt;
  // A worker exists only under a runtime: null here means it is stopping.
  if (on_worker_thread()) return nullptr;
  goos::RuntimeOptions options;
  options.max_procs = goos_scheduler_max_procs();
  options.preempt_ms = static_cast<int>(GOOS_G(preempt_ms));
  if (options.preempt_ms > 0 && function_jit_breaks_interrupts()) {
    php_error_docref(nullptr, E_WARNING,
                     "preemption is off: with opcache.jit in function mode PHP loses local "
                     "variables when the VM is interrupted in JIT-compiled code (a php-src bug, "
                     "hit by pcntl's signals too); use opcache.jit=tracing");
    options.preempt_ms = 0;
  }
  if (GOOS_G(stack_size) > 0) options.stack_size = static_cast<std::size_t>(GOOS_G(stack_size));
  options.glue = &g_glue;
  // As Go: report and end the program (with PHP's status for a fatal error).
  // From sysmon: end_script() only stores, interrupts and wakes.
  // The report is the origin's to print: it alone can read its own
  // backtrace, and it asks each M for its goroutines' (dump.h). sysmon only
  // notes what the origin waits for (it is blocked now, so that holds still)
  // and ends the script, which interrupts the origin's wait.
  options.on_deadlock = [](const goos::DeadlockReport&) {
    goos::WaitReason reason = goos::WaitReason::kNone;
    if (goos::ThreadWaiter* origin = g_origin_waiter.load(std::memory_order_acquire)) {
      reason = origin->reason();
    }
    g_deadlock_origin_reason.store(reason, std::memory_order_relaxed);
    g_deadlocked.store(true, std::memory_order_release);
    end_script(255);
  };
  // Before any M thread exists: the wraps are process-wide function pointers.
  load_guard_install();
  g_origin_interrupt = &EG(vm_interrupt);
  note_script_std_streams();
  request_globals_capture();
  g_origin_waiter.store(&goos::ThreadWaiter::this_thread(), std::memory_order_release);
  // The M and sysmon threads inherit a mask that blocks asynchronous
  // signals (each M blocks them again after its request startup).
  sigset_t previous;
  block_async_signals(&previous);
  g_runtime = std::make_unique<goos::Runtime>(std::move(options));
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  g_runtime_ptr.store(g_runtime.get(), std::memory_order_release);
  return g_runtime.get();
}

void runtime_stop() {
  if (!g_runtime) return;
  if (g_forked_away) {
    // The parent's threads are not here to stop, and their memory is the
    // parent's copy: left as it is.
    (void)g_runtime.release();
    orphan_worker_interpreters();
    g_runtime_ptr.store(nullptr, std::memory_order_release);
    g_origin_interrupt = nullptr;
    g_origin_waiter.store(nullptr, std::memory_order_release);
    return;
  }
  // Goroutines still running once the script is over (it ended by a fatal
  // error or exit) are told to unwind; blocked ones are abandoned.
  if (g_end_status.load() < 0) g_runtime->join();
  g_glue.interrupt_all();
  g_runtime_ptr.store(nullptr, std::memory_order_release);
  g_runtime.reset();
  request_globals_reset();
  g_origin_interrupt = nullptr;
  g_origin_waiter.store(nullptr, std::memory_order_release);
  g_origin_unwound = false;
  g_deadlocked.store(false);
  g_goroutine_failed.store(false);
  g_end_status.store(-1);
}

void end_script(int status) {
  int none = -1;
  if (!g_end_status.compare_exchange_strong(none, status)) return;
  g_glue.interrupt_all();
  if (g_origin_interrupt != nullptr) zend_atomic_bool_store(g_origin_interrupt, true);
  if (goos::Runtime* rt = runtime_if_started()) rt->cancel_joins();
  if (goos::ThreadWaiter* origin = g_origin_waiter.load(std::memory_order_acquire)) {
    origin->interrupt();
  }
}

int script_end_status() { return g_end_status.load(std::memory_order_acquire); }

// Go's report, with PHP backtraces: on stderr, as Go writes it.
void report_deadlock() {
  std::string text = "fatal error: all goroutines are asleep - deadlock!\n\n";
  if (goos::Runtime* rt = runtime_if_started()) {
    text += goroutine_dump(rt, g_deadlock_origin_reason.load(std::memory_order_relaxed));
  }
  std::fputs(text.c_str(), stderr);
  std::fflush(stderr);
}

namespace {

// What php_error_cb() does for a fatal error in the script's own code: a 500,
// unless the error was displayed, headers were sent or the script chose
// another status. The goroutine's error was raised in its worker's request,
// which has no response.
void fail_response_if_a_goroutine_failed() {
  if (!g_goroutine_failed.exchange(false, std::memory_order_acq_rel)) return;
  if (PG(display_errors) || SG(headers_sent) || SG(sapi_headers).http_response_code != 200) return;
  sapi_header_line line{};
  line.line = "HTTP/1.0 500 Internal Server Error";
  line.line_len = sizeof("HTTP/1.0 500 Internal Server Error") - 1;
  sapi_header_op(SAPI_HEADER_REPLACE, &line);
}

}  // namespace

bool origin_unwind_if_ended() {
  const int status = script_end_status();
  if (status < 0) return false;
  fail_response_if_a_goroutine_failed();
  // Once: the shutdown functions and destructors that run after the unwind
  // must run to their end, as after exit().
  if (g_origin_unwound || EG(exception) != nullptr) return false;
  // No frame to throw from: PHP also checks for interrupts between shutdown
  // functions (zend_call_function at the top level). The implicit join, a
  // shutdown function, unwinds instead when it sees the end.
  if (EG(current_execute_data) == nullptr) return false;
  g_origin_unwound = true;
  if (g_deadlocked.exchange(false, std::memory_order_acq_rel)) report_deadlock();
  EG(exit_status) = status;
  zend_throw_unwind_exit();
  return true;
}

bool origin_check_interrupt() {
  if (!zend_atomic_bool_load_ex(&EG(vm_interrupt))) return EG(exception) != nullptr;
  if (zend_atomic_bool_load_ex(&EG(timed_out))) return true;  // raise_pending_timeout()
  zend_atomic_bool_store_ex(&EG(vm_interrupt), false);
  if (zend_interrupt_function != nullptr) zend_interrupt_function(EG(current_execute_data));
  // exit() taken while the script waits (a pcntl handler, a tick): the
  // script had stopped to wait for its goroutines and is told to end
  // instead, so it ends them too, as max_execution_time does; waiting for
  // them again in the implicit join would make the signal useless.
  if (EG(exception) != nullptr && zend_is_unwind_exit(EG(exception))) {
    g_origin_unwound = true;
    end_script(EG(exit_status));
  }
  return EG(exception) != nullptr;
}

void raise_pending_timeout() {
  if (EG(exception) != nullptr || !zend_atomic_bool_load_ex(&EG(timed_out))) return;
  zend_atomic_bool_store_ex(&EG(vm_interrupt), false);
  zend_timeout();  // a fatal error: bails out
}

void origin_watch() {
  // g_origin_interrupt is set before the runtime (and sysmon) starts and
  // cleared after it stopped. The flag is level-triggered: a wake that finds
  // the origin not yet waiting is repeated on the next round.
  zend_atomic_bool* flag = g_origin_interrupt;
  if (flag == nullptr) return;
  // What goroutines printed reaches the response through the script's thread
  // (worker_output.cc): its next interrupt check, or its wait, takes it.
  if (worker_output_pending()) zend_atomic_bool_store(flag, true);
  if (!zend_atomic_bool_load(flag)) return;
  if (goos::Runtime* rt = runtime_if_started()) rt->cancel_joins();
  if (goos::ThreadWaiter* origin = g_origin_waiter.load(std::memory_order_acquire)) {
    origin->interrupt();
  }
}

void runtime_minit() {
  // Only the forking thread goes on in the child (pcntl_fork(), or a
  // library's fork() that runs PHP afterwards); exec() makes it moot.
  pthread_atfork(nullptr, nullptr, [] {
    if (g_runtime) g_forked_away = true;
  });
  g_previous_interrupt = zend_interrupt_function;
  zend_interrupt_function = goos_interrupt;
  g_previous_error_cb = zend_error_cb;
  zend_error_cb = goos_error_cb;
}

void runtime_mshutdown() {
  zend_interrupt_function = g_previous_interrupt;
  zend_error_cb = g_previous_error_cb;
}

void runtime_rshutdown() {
  if (on_worker_thread()) return;
  runtime_stop();
  worker_output_reset();
  go_request_end();
  // The next request (php-fpm, or run-tests' --repeat in one CLI process)
  // starts with new workers and must not see this request's code.
  code_reset();
}

}  // namespace goos::php
