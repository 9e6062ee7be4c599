// The per-goroutine part of a Zend interpreter's state.
//
// Goroutines pinned to one M share that M's interpreter: its heap, its
// function and class tables, its globals. What must be a goroutine's own is
// the state of an executing call chain, which Zend keeps in executor globals:
// the VM stack, the current frame, the pending exception, the bailout jump
// buffer, the error_reporting level, the running PHP Fiber, the C stack bounds
// PHP checks recursion against (8.3+), the output-handler stack and the
// serializer's nesting state. EngineState holds one such set; switching a
// goroutine in swaps the M's set for the goroutine's, switching out swaps back.
//
// Invariant: while a goroutine runs, EG() holds its set and `m_base` (saved by
// switch_in) holds the M's own; while none runs, EG() holds the M's own.
#ifndef GOOS_PHP_ENGINE_STATE_H
#define GOOS_PHP_ENGINE_STATE_H

#include "php.h"
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
// exception, its own main fiber context and output stack, the given C stack
// bounds. Called with the M's own set in EG().
void engine_start(GoroutineEngine& g, char* stack_base, char* stack_top);

// Frees what engine_start made (the VM stack pages, the output stack) for a
// goroutine that ended; called with the goroutine's set in EG(), which it
// leaves empty.
void engine_finish(GoroutineEngine& g);

}  // namespace goos::php

#endif  // GOOS_PHP_ENGINE_STATE_H
