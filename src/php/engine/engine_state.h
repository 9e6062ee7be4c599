// The per-goroutine part of a Zend interpreter's state.
//
// Goroutines pinned to one M share that M's interpreter: its heap, its
// function and class tables, its globals. What must be a goroutine's own is
// the state of an executing call chain, which Zend keeps in globals: the VM
// stack, the current frame, the pending exception, the bailout jump buffer,
// the error_reporting level, the running PHP Fiber, the C stack bounds PHP
// checks recursion against (8.3+), the output-handler stack, the
// serializer's nesting state, the classes the chain is autoloading (Zend's
// recursion guard) and linking, the scope and file/line overrides internal
// code sets around calls into PHP, the diagnostics opcache records while it
// compiles or links, the user error and exception handlers, usort()'s
// comparator, the observer API's current frame (8.3+) and the http:// wrapper's
// last response headers (8.4+). EngineState holds
// one such set; switching a goroutine in swaps the M's set for the
// goroutine's, switching out swaps back. docs/HACKING.md ("Per-interpreter
// state and goroutines") lists what is switched, what is guarded and what is
// shared, and why.
//
// Invariant: while a goroutine runs, EG() holds its set and `m_base` (saved by
// switch_in) holds the M's own; while none runs, EG() holds the M's own.
#ifndef GOOS_PHP_ENGINE_STATE_H
#define GOOS_PHP_ENGINE_STATE_H

#include "php.h"

#include <netdb.h>
#include "zend_fibers.h"
#include "main/php_output.h"

#include <cstdint>

namespace goos::php {

struct EngineState {
  zend_vm_stack vm_stack = nullptr;
  zval* vm_stack_top = nullptr;
  zval* vm_stack_end = nullptr;
  size_t vm_stack_page_size = 0;
  zend_execute_data* current_execute_data = nullptr;
  zend_object* exception = nullptr;
  zend_object* prev_exception = nullptr;
  const zend_op* opline_before_exception = nullptr;
  zend_error_handling_t error_handling = EH_NORMAL;
  zend_class_entry* exception_class = nullptr;
  int error_reporting = 0;
  uint32_t jit_trace_num = 0;
  JMP_BUF* bailout = nullptr;
  zend_fiber* active_fiber = nullptr;
  zend_fiber_context* current_fiber_context = nullptr;
#ifdef ZEND_CHECK_STACK_LIMIT
  void* stack_base = nullptr;
  void* stack_limit = nullptr;
#endif
  // Output layer: the handler stack and the running handler.
  zend_stack output_handlers{};
  php_output_handler* output_active = nullptr;
  php_output_handler* output_running = nullptr;
  // ext/standard's serializer nesting state.
  unsigned serialize_lock = 0;
  void* serialize_data = nullptr;
  unsigned serialize_level = 0;
  void* unserialize_data = nullptr;
  unsigned unserialize_level = 0;
  // Class loading: EG(in_autoload), the names this chain is autoloading
  // (allocated by Zend on first need), and CG(current_linking_class), the
  // class whose inheritance-cache dependencies linking records.
  HashTable* in_autoload = nullptr;
  zend_class_entry* linking_class = nullptr;
  // Set by internal code around calls back into PHP (a property write that
  // runs __set, a constant expression that runs `new`).
  zend_class_entry* fake_scope = nullptr;
  zend_string* filename_override = nullptr;
  zend_long lineno_override = -1;
  // Diagnostics opcache records while it compiles a file or links a class.
  bool record_errors = false;
  uint32_t num_errors = 0;
  zend_error_info** errors = nullptr;
  // set_error_handler() / set_exception_handler() and their stacks.
  zval user_error_handler{};  // IS_UNDEF: none
  int user_error_handler_error_reporting = 0;
  zval user_exception_handler{};
  zend_stack user_error_handlers_error_reporting{};
  zend_stack user_error_handlers{};
  zend_stack user_exception_handlers{};
  // usort() and friends keep their comparator in ext/standard's globals
  // while the sort runs (and calls back into PHP).
  zend_fcall_info user_compare_fci{};
  zend_fcall_info_cache user_compare_fci_cache{};
#if PHP_VERSION_ID >= 80300
  zend_execute_data* current_observed_frame = nullptr;
#endif
#if PHP_VERSION_ID >= 80400
  // The http:// wrapper's last response headers (http_get_last_response_headers()):
  // a goroutine that parks inside a request must find its own on return, or
  // another's request overwrites (and leaks) them.
  zval last_http_headers{};  // IS_UNDEF: none
#endif

  // gethostbyname()'s result and buffer (FG(tmp_host_*), ZTS): the lookup
  // parks (I/O hooks) while its buffer is being filled, and the next lookup
  // frees it, so each goroutine has its own.
  hostent tmp_host_info{};
  char* tmp_host_buf = nullptr;
  size_t tmp_host_buf_len = 0;
  // ext/sockets' last error (socket_last_error() without a socket), which its
  // calls set from errno: the goroutine's, as errno is.
  int sockets_last_error = 0;

  void capture();        // EG() and friends -> this
  void restore() const;  // this -> EG() and friends
};

// A PHP goroutine's own engine state, created at its first switch-in on its
// M and destroyed on that M when it ends. Lives in that M's Zend heap.
struct GoroutineEngine {
  EngineState state;                // the goroutine's set while it is switched out
  EngineState m_base;               // the M's set while the goroutine runs
  zend_fiber_context main_fiber{};  // what PHP Fibers return to: this goroutine
  std::uint64_t id = 0;
  bool started = false;
};

// A new goroutine's initial set: a fresh small VM stack, no frame, no
// exception, its own main fiber context and output stack, no error or
// exception handler, nothing being autoloaded, the given C stack bounds.
// Called with the M's own set in EG().
void engine_start(GoroutineEngine& g, char* stack_base, char* stack_top);

// Frees what engine_start made (the VM stack pages, the output stack) and
// what the goroutine added (its error and exception handlers, Zend's
// autoload table, recorded diagnostics) for a goroutine that ended; called
// with the goroutine's set in EG(), which it leaves empty.
void engine_finish(GoroutineEngine& g);

}  // namespace goos::php

#endif  // GOOS_PHP_ENGINE_STATE_H
