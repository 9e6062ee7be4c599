// The script's autoloaders, seen from code sharing.
//
// SPL keeps an interpreter's autoloaders in a static thread-local of
// ext/spl/php_spl.c (8.2 and 8.4), out of an extension's reach; the list is
// read through spl_autoload_functions() and changed through
// spl_autoload_register(). Calling spl_autoload_functions() on every go()
// would cost an array per call, so code_minit() wraps the two functions that
// change the list with a per-thread counter: an unchanged counter means an
// unchanged list. The wrap is made at module startup, before any other thread
// exists; the function structs are shared (8.4) or copied into each new
// thread's function table (8.2), so every interpreter gets it.
//
// spl_autoload_functions() lists a closure as the Closure object, a function
// as its declared name, a method as [object or class name, method name]; that
// is what crosses (transfer) and what the worker registers. CallableId names
// one entry without holding a reference.
#include "code/code_internal.h"

#include "zend_exceptions.h"

#include "code/code_load_guard.h"

namespace goos::php::code {
namespace {

thread_local std::uint64_t generation = 0;

zif_handler original_register = nullptr;
zif_handler original_unregister = nullptr;

void counted_register(INTERNAL_FUNCTION_PARAMETERS) {
  ++generation;
  original_register(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

void counted_unregister(INTERNAL_FUNCTION_PARAMETERS) {
  ++generation;
  original_unregister(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

zend_function* find_function(const char* name, std::size_t length) {
  return static_cast<zend_function*>(zend_hash_str_find_ptr(EG(function_table), name, length));
}

void wrap(const char* name, std::size_t length, zif_handler replacement, zif_handler* original) {
  auto* function =
      static_cast<zend_function*>(zend_hash_str_find_ptr(CG(function_table), name, length));
  if (!function || function->type != ZEND_INTERNAL_FUNCTION) return;
  *original = function->internal_function.handler;
  function->internal_function.handler = replacement;
}

void unwrap(const char* name, std::size_t length, zif_handler replacement, zif_handler* original) {
  auto* function =
      static_cast<zend_function*>(zend_hash_str_find_ptr(CG(function_table), name, length));
  if (function && function->type == ZEND_INTERNAL_FUNCTION &&
      function->internal_function.handler == replacement) {
    function->internal_function.handler = *original;
  }
  *original = nullptr;
}

}  // namespace

std::uint64_t autoload_generation() { return generation; }

CallableId callable_id(const zval* callable) {
  CallableId id;
  switch (Z_TYPE_P(callable)) {
    case IS_OBJECT:
      id.object = Z_OBJ_P(callable);
      id.handle = Z_OBJ_P(callable)->handle;
      break;
    case IS_STRING:
      id.name_lc = lower(Z_STR_P(callable));
      break;
    case IS_ARRAY: {
      const zval* target = zend_hash_index_find(Z_ARRVAL_P(callable), 0);
      const zval* method = zend_hash_index_find(Z_ARRVAL_P(callable), 1);
      if (target && Z_TYPE_P(target) == IS_OBJECT) {
        id.object = Z_OBJ_P(target);
        id.handle = Z_OBJ_P(target)->handle;
      } else if (target && Z_TYPE_P(target) == IS_STRING) {
        id.class_lc = lower(Z_STR_P(target));
      }
      if (method && Z_TYPE_P(method) == IS_STRING) id.name_lc = lower(Z_STR_P(method));
      break;
    }
    default:
      break;
  }
  return id;
}

bool autoload_functions(zval* out) {
  ZVAL_UNDEF(out);
  zend_function* function = find_function(ZEND_STRL("spl_autoload_functions"));
  if (!function) return false;
  zend_call_known_function(function, nullptr, nullptr, out, 0, nullptr, nullptr);
  if (EG(exception) || Z_TYPE_P(out) != IS_ARRAY) {
    zval_ptr_dtor(out);
    ZVAL_UNDEF(out);
    return false;
  }
  return true;
}

bool autoload_register(zval* callable) {
  zend_function* function = find_function(ZEND_STRL("spl_autoload_register"));
  if (!function) {
    zend_throw_error(nullptr, "spl_autoload_register() is not available");
    return false;
  }
  zval result;
  ZVAL_UNDEF(&result);
  zend_call_known_function(function, nullptr, nullptr, &result, 1, callable, nullptr);
  zval_ptr_dtor(&result);
  return !EG(exception);
}

}  // namespace goos::php::code

namespace goos::php {

void code_minit(int module_number) {
  using namespace code;
  register_guard_type(module_number);
  wrap(ZEND_STRL("spl_autoload_register"), counted_register, &original_register);
  wrap(ZEND_STRL("spl_autoload_unregister"), counted_unregister, &original_unregister);
}

void code_mshutdown() {
  using namespace code;
  unwrap(ZEND_STRL("spl_autoload_register"), counted_register, &original_register);
  unwrap(ZEND_STRL("spl_autoload_unregister"), counted_unregister, &original_unregister);
  load_guard_uninstall();
  code_reset();
}

}  // namespace goos::php
