// go(), in the calling interpreter: the callable and its arguments are
// captured into a task (transfer.h) tagged with the code epoch (code.h); any
// P may run it. In the goroutine, on the M that runs it first: the worker's
// code is brought up to the epoch, the values are rebuilt in the worker's
// heap, and the callable is called. How it ends:
//
//   returns                         the goroutine ends (its value is dropped)
//   uncaught exception              PHP's "Uncaught ..." fatal error, tagged
//                                   with the goroutine id; the script ends, 255
//   fatal error (bailout)           PHP reported it (tagged); the script ends, 255
//   exit($n)                        the script ends with status $n
#include "api/php_go.h"

#include <memory>

// basic_functions.h declares its PHPAPI functions without extern "C".
extern "C" {
#include "ext/standard/basic_functions.h"
}
#include "zend_exceptions.h"

#include "code/code.h"
#include "api/php_runtime.h"
#include "transfer/transfer.h"

namespace goos::php {
namespace {

// Calls fn with the arguments of `args` (a PHP array). Leaves an exception in
// EG(exception) if the call threw one.
void call(zval* fn, zval* args) {
  zend_fcall_info fci;
  zend_fcall_info_cache fcc;
  char* error = nullptr;
  if (zend_fcall_info_init(fn, 0, &fci, &fcc, nullptr, &error) != SUCCESS) {
    zend_throw_error(nullptr, "go(): the callable cannot be called in the goroutine: %s",
                     error != nullptr ? error : "unknown reason");
    if (error != nullptr) efree(error);
    return;
  }
  if (error != nullptr) efree(error);  // a deprecation note: callable all the same
  HashTable* all = Z_ARRVAL_P(args);
  const uint32_t n = zend_hash_num_elements(all);
  zval* positional = n > 0 ? static_cast<zval*>(safe_emalloc(n, sizeof(zval), 0)) : nullptr;
  uint32_t count = 0;
  HashTable* named = nullptr;
  zend_string* key;
  zval* value;
  ZEND_HASH_FOREACH_STR_KEY_VAL(all, key, value) {
    if (key == nullptr) {
      ZVAL_COPY_VALUE(&positional[count++], value);
    } else {
      if (named == nullptr) named = zend_new_array(0);
      Z_TRY_ADDREF_P(value);
      zend_hash_update(named, key, value);
    }
  }
  ZEND_HASH_FOREACH_END();
  zval retval;
  ZVAL_UNDEF(&retval);
  fci.retval = &retval;
  fci.params = positional;
  fci.param_count = count;
  fci.named_params = named;
  zend_call_function(&fci, &fcc);
  zval_ptr_dtor(&retval);
  if (named != nullptr) zend_array_release(named);
  if (positional != nullptr) efree(positional);
}

// After the callable returned with an exception: exit() or uncaught.
void finish_with_exception() {
  zend_object* ex = EG(exception);
  if (zend_is_unwind_exit(ex)) {
    // exit($n) here, or the unwinding that end_script() asked for.
    const int status = EG(exit_status);
    zend_clear_exception();
    end_script(status);
    return;
  }
  if (zend_is_graceful_exit(ex)) {
    zend_clear_exception();
    return;
  }
  // PHP's own report of an uncaught exception (E_ERROR, no bailout).
  EG(exception) = nullptr;
  zend_exception_error(ex, E_ERROR);
  end_script(255);
}

// `cargo`: the array [callable, arguments] (transfer_capture_call).
void run(std::uint64_t epoch, const Cargo& cargo) {
  zend_try {
    zval pair;
    ZVAL_UNDEF(&pair);
    if (code_sync(epoch) && transfer_materialize(cargo, &pair)) {
      call(zend_hash_index_find(Z_ARRVAL(pair), 0), zend_hash_index_find(Z_ARRVAL(pair), 1));
    }
    zval_ptr_dtor(&pair);
    if (EG(exception) != nullptr) finish_with_exception();
  }
  zend_catch {
    // A fatal error (reported already, tagged with the goroutine id; PHP set
    // EG(exit_status) to 255), or an exit: the goroutine's function is called
    // with no PHP frame below it, so an exception that leaves it, exit()'s
    // unwinding too, ends in zend_throw_exception_internal()'s bailout. Then
    // EG(exit_status) is exit()'s own, 0 included.
    end_script(EG(exit_status));
  }
  zend_end_try();
}

// The script's end waits for its goroutines: at the first go() of a request,
// Goos\Scheduler::join() becomes a shutdown function, so it runs right after
// the script (before later-registered shutdown functions and before
// destructors). RSHUTDOWN joins again, for a script that never reaches them.
// Set by the first go() of a request in the origin, cleared at its end.
thread_local bool implicit_join_registered = false;

void register_implicit_join() {
  if (implicit_join_registered) return;
  php_shutdown_function_entry entry{};
  zval callable;
  ZVAL_STRING(&callable, "Goos\\Scheduler::join");
  if (zend_fcall_info_init(&callable, 0, &entry.fci, &entry.fci_cache, nullptr, nullptr) !=
      SUCCESS) {
    zval_ptr_dtor(&callable);
    return;
  }
  // The entry owns the callable now (the shutdown table's destructor frees it).
  constexpr char kKey[] = "goos\\implicit_join";
  register_user_shutdown_function(kKey, sizeof(kKey) - 1, &entry);
  implicit_join_registered = true;
}

}  // namespace

void go_request_end() { implicit_join_registered = false; }

zend_long go(zval* fn, zval* args, uint32_t argc, HashTable* named) {
  goos::Runtime* rt = runtime_start();
  if (rt == nullptr && EG(exception) != nullptr) return 0;  // a forked child (runtime_start)
  if (rt == nullptr) {
    // A goroutine still unwinding while the runtime stops (the script ended).
    zend_throw_error(nullptr, "go(): the script is ending; no goroutine can start now");
    return 0;
  }
  if (!on_worker_thread()) register_implicit_join();
  const std::uint64_t epoch = code_publish();
  if (EG(exception) != nullptr) return 0;
  zval all;
  array_init_size(&all, argc + (named != nullptr ? zend_hash_num_elements(named) : 0));
  for (uint32_t i = 0; i < argc; ++i) {
    Z_TRY_ADDREF(args[i]);
    zend_hash_next_index_insert(Z_ARRVAL(all), &args[i]);
  }
  if (named != nullptr) {
    zend_string* key;
    zval* value;
    ZEND_HASH_FOREACH_STR_KEY_VAL(named, key, value) {
      Z_TRY_ADDREF_P(value);
      zend_hash_update(Z_ARRVAL(all), key, value);
    }
    ZEND_HASH_FOREACH_END();
  }
  CargoPtr cargo = transfer_capture_call(fn, &all);
  zval_ptr_dtor(&all);
  if (!cargo) return 0;
  // 16 bytes: the task fits a Task's inline storage, so go() makes no
  // allocation beyond the Cargo.
  return static_cast<zend_long>(
      rt->go([epoch, cargo = std::move(cargo)]() mutable { run(epoch, *cargo); }));
}

}  // namespace goos::php
