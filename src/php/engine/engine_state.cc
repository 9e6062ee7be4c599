#include "engine/engine_state.h"

#include "ext/standard/basic_functions.h"
#include "ext/standard/file.h"
#include "zend_exceptions.h"

namespace goos::php {

namespace {

// ext/sockets' module globals start with `int last_error` (php_sockets.h, 8.2
// to 8.4); reached through its module entry, since goos does not link it.
// Null when ext/sockets is not loaded.
int* sockets_last_error_slot() {
  static const ts_rsrc_id* id = []() -> const ts_rsrc_id* {
    auto* module = static_cast<zend_module_entry*>(
        zend_hash_str_find_ptr(&module_registry, "sockets", sizeof("sockets") - 1));
    if (module == nullptr || module->globals_size < sizeof(int)) return nullptr;
    return module->globals_id_ptr;
  }();
  if (id == nullptr || *id == 0) return nullptr;
  return TSRMG_BULK_STATIC(*id, int*);
}

}  // namespace
namespace {

// A goroutine's first VM stack page: as a PHP Fiber's (16 KiB, 1024 zvals).
// Zend chains bigger pages on when a deep call needs them.
constexpr size_t kVmStackPage = ZEND_FIBER_VM_STACK_SIZE;

void zval_stack_dtor(void* element) { zval_ptr_dtor(static_cast<zval*>(element)); }

}  // namespace

void EngineState::capture() {
  vm_stack = EG(vm_stack);
  vm_stack_top = EG(vm_stack_top);
  vm_stack_end = EG(vm_stack_end);
  vm_stack_page_size = EG(vm_stack_page_size);
  current_execute_data = EG(current_execute_data);
  exception = EG(exception);
  prev_exception = EG(prev_exception);
  opline_before_exception = EG(opline_before_exception);
  error_handling = EG(error_handling);
  exception_class = EG(exception_class);
  error_reporting = EG(error_reporting);
  jit_trace_num = EG(jit_trace_num);
  bailout = EG(bailout);
  active_fiber = EG(active_fiber);
  current_fiber_context = EG(current_fiber_context);
#ifdef ZEND_CHECK_STACK_LIMIT
  stack_base = EG(stack_base);
  stack_limit = EG(stack_limit);
#endif
  output_handlers = OG(handlers);
  output_active = OG(active);
  output_running = OG(running);
  serialize_lock = BG(serialize_lock);
  serialize_data = BG(serialize).data;
  serialize_level = BG(serialize).level;
  unserialize_data = BG(unserialize).data;
  unserialize_level = BG(unserialize).level;
  in_autoload = EG(in_autoload);
  linking_class = CG(current_linking_class);
  fake_scope = EG(fake_scope);
  filename_override = EG(filename_override);
  lineno_override = EG(lineno_override);
  record_errors = EG(record_errors);
  num_errors = EG(num_errors);
  errors = EG(errors);
  ZVAL_COPY_VALUE(&user_error_handler, &EG(user_error_handler));
  user_error_handler_error_reporting = EG(user_error_handler_error_reporting);
  ZVAL_COPY_VALUE(&user_exception_handler, &EG(user_exception_handler));
  user_error_handlers_error_reporting = EG(user_error_handlers_error_reporting);
  user_error_handlers = EG(user_error_handlers);
  user_exception_handlers = EG(user_exception_handlers);
  user_compare_fci = BG(user_compare_fci);
  user_compare_fci_cache = BG(user_compare_fci_cache);
#if PHP_VERSION_ID >= 80300
  current_observed_frame = EG(current_observed_frame);
#endif
#if PHP_VERSION_ID >= 80400
  ZVAL_COPY_VALUE(&last_http_headers, &BG(last_http_headers));
#endif
  if (const int* slot = sockets_last_error_slot()) sockets_last_error = *slot;
  tmp_host_info = FG(tmp_host_info);
  tmp_host_buf = FG(tmp_host_buf);
  tmp_host_buf_len = FG(tmp_host_buf_len);
}

void EngineState::restore() const {
  EG(vm_stack) = vm_stack;
  EG(vm_stack_top) = vm_stack_top;
  EG(vm_stack_end) = vm_stack_end;
  EG(vm_stack_page_size) = vm_stack_page_size;
  EG(current_execute_data) = current_execute_data;
  EG(exception) = exception;
  EG(prev_exception) = prev_exception;
  EG(opline_before_exception) = opline_before_exception;
  EG(error_handling) = error_handling;
  EG(exception_class) = exception_class;
  EG(error_reporting) = error_reporting;
  EG(jit_trace_num) = jit_trace_num;
  EG(bailout) = bailout;
  EG(active_fiber) = active_fiber;
  EG(current_fiber_context) = current_fiber_context;
#ifdef ZEND_CHECK_STACK_LIMIT
  EG(stack_base) = stack_base;
  EG(stack_limit) = stack_limit;
#endif
  OG(handlers) = output_handlers;
  OG(active) = output_active;
  OG(running) = output_running;
  BG(serialize_lock) = serialize_lock;
  BG(serialize).data = static_cast<decltype(BG(serialize).data)>(serialize_data);
  BG(serialize).level = serialize_level;
  BG(unserialize).data = static_cast<decltype(BG(unserialize).data)>(unserialize_data);
  BG(unserialize).level = unserialize_level;
  EG(in_autoload) = in_autoload;
  CG(current_linking_class) = linking_class;
  EG(fake_scope) = fake_scope;
  EG(filename_override) = filename_override;
  EG(lineno_override) = lineno_override;
  EG(record_errors) = record_errors;
  EG(num_errors) = num_errors;
  EG(errors) = errors;
  ZVAL_COPY_VALUE(&EG(user_error_handler), &user_error_handler);
  EG(user_error_handler_error_reporting) = user_error_handler_error_reporting;
  ZVAL_COPY_VALUE(&EG(user_exception_handler), &user_exception_handler);
  EG(user_error_handlers_error_reporting) = user_error_handlers_error_reporting;
  EG(user_error_handlers) = user_error_handlers;
  EG(user_exception_handlers) = user_exception_handlers;
  BG(user_compare_fci) = user_compare_fci;
  BG(user_compare_fci_cache) = user_compare_fci_cache;
#if PHP_VERSION_ID >= 80400
  ZVAL_COPY_VALUE(&BG(last_http_headers), &last_http_headers);
#endif
  if (int* slot = sockets_last_error_slot()) *slot = sockets_last_error;
  FG(tmp_host_info) = tmp_host_info;
  FG(tmp_host_buf) = tmp_host_buf;
  FG(tmp_host_buf_len) = tmp_host_buf_len;
#if PHP_VERSION_ID >= 80300
  EG(current_observed_frame) = current_observed_frame;
#endif
}

void engine_start(GoroutineEngine& g, char* stack_base, char* stack_top) {
  EngineState& s = g.state;
  s = EngineState{};
  zend_vm_stack page = zend_vm_stack_new_page(kVmStackPage, nullptr);
  s.vm_stack = page;
  s.vm_stack_top = page->top;
  s.vm_stack_end = page->end;
  s.vm_stack_page_size = kVmStackPage;
  s.error_reporting = EG(error_reporting);
  s.error_handling = EH_NORMAL;
  // The goroutine is the "main fiber" of the PHP Fibers it starts: a Fiber
  // suspends back into the context that resumed it, so each goroutine needs a
  // context of its own (the M's EG(main_fiber_context) is shared by all).
  g.main_fiber = zend_fiber_context{};
  g.main_fiber.status = ZEND_FIBER_STATUS_RUNNING;
  s.current_fiber_context = &g.main_fiber;
#ifdef ZEND_CHECK_STACK_LIMIT
  // PHP's own "Maximum call stack size" check, against the goroutine's stack,
  // keeping PHP's reserve for the error path (as zend_fiber_stack_limit()).
  s.stack_base = stack_top;
  s.stack_limit = stack_base + EG(reserved_stack_size);
#else
  (void)stack_base;
  (void)stack_top;
#endif
  zend_stack_init(&s.output_handlers, sizeof(php_output_handler*));
  // No handler, as at the start of a request (init_executor()): a goroutine
  // sets its own, and they are not the script's.
  ZVAL_UNDEF(&s.user_error_handler);
  ZVAL_UNDEF(&s.user_exception_handler);
#if PHP_VERSION_ID >= 80400
  ZVAL_UNDEF(&s.last_http_headers);
#endif
  zend_stack_init(&s.user_error_handlers_error_reporting, sizeof(int));
  zend_stack_init(&s.user_error_handlers, sizeof(zval));
  zend_stack_init(&s.user_exception_handlers, sizeof(zval));
  g.started = true;
}

void engine_finish(GoroutineEngine& g) {
  // Output buffers the goroutine left open are flushed, as at the end of a
  // request.
  if (OG(active) != nullptr) php_output_end_all();
  zend_stack_destroy(&OG(handlers));
  // As shutdown_executor() frees the request's handlers.
  if (Z_TYPE(EG(user_error_handler)) != IS_UNDEF) {
    zval_ptr_dtor(&EG(user_error_handler));
    ZVAL_UNDEF(&EG(user_error_handler));
  }
  if (Z_TYPE(EG(user_exception_handler)) != IS_UNDEF) {
    zval_ptr_dtor(&EG(user_exception_handler));
    ZVAL_UNDEF(&EG(user_exception_handler));
  }
  zend_stack_clean(&EG(user_error_handlers_error_reporting), nullptr, true);
  zend_stack_clean(&EG(user_error_handlers), zval_stack_dtor, true);
  zend_stack_clean(&EG(user_exception_handlers), zval_stack_dtor, true);
  if (EG(in_autoload) != nullptr) {
    zend_hash_destroy(EG(in_autoload));
    FREE_HASHTABLE(EG(in_autoload));
    EG(in_autoload) = nullptr;
  }
  free(FG(tmp_host_buf));  // malloc'd by PHP's gethostname_re()
  FG(tmp_host_buf) = nullptr;
  FG(tmp_host_buf_len) = 0;
#if PHP_VERSION_ID >= 80400
  zval_ptr_dtor(&BG(last_http_headers));
  ZVAL_UNDEF(&BG(last_http_headers));
#endif
  if (EG(num_errors) != 0) zend_free_recorded_errors();
  EG(record_errors) = false;
  zend_vm_stack_destroy();
  EG(vm_stack) = nullptr;
  EG(vm_stack_top) = nullptr;
  EG(vm_stack_end) = nullptr;
  g.started = false;
}

}  // namespace goos::php
