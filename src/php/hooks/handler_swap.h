// Replacing the handlers of internal functions at MINIT, and calling the
// originals: the way sleep_hooks.cc explains (every interpreter sees a
// handler set on the startup thread before zend_post_startup()).
#ifndef GOOS_PHP_HANDLER_SWAP_H
#define GOOS_PHP_HANDLER_SWAP_H

#include <cstring>
#include <span>

#include "php.h"

namespace goos::php {

struct SwappedHandler {
  const char* name;
  zif_handler original = nullptr;  // null: not swapped (the function is missing)
};

inline zend_function* internal_function_named(const char* name) {
  auto* fn = static_cast<zend_function*>(
      zend_hash_str_find_ptr(CG(function_table), name, std::strlen(name)));
  return fn != nullptr && fn->type == ZEND_INTERNAL_FUNCTION ? fn : nullptr;
}

// MINIT: gives every function of `table` that exists the handler `with`.
inline void swap_handlers(std::span<SwappedHandler> table, zif_handler with) {
  for (SwappedHandler& h : table) {
    if (zend_function* fn = internal_function_named(h.name)) {
      h.original = fn->internal_function.handler;
      fn->internal_function.handler = with;
    }
  }
}

// MSHUTDOWN: puts the originals back.
inline void restore_handlers(std::span<SwappedHandler> table) {
  for (SwappedHandler& h : table) {
    if (h.original == nullptr) continue;
    if (zend_function* fn = internal_function_named(h.name))
      fn->internal_function.handler = h.original;
    h.original = nullptr;
  }
}

// Inside the shared handler: the original of the function being called.
inline zif_handler original_handler(std::span<const SwappedHandler> table,
                                    zend_execute_data* execute_data) {
  const char* name = ZSTR_VAL(EX(func)->common.function_name);
  for (const SwappedHandler& h : table) {
    if (std::strcmp(h.name, name) == 0) return h.original;
  }
  return nullptr;
}

}  // namespace goos::php

#endif  // GOOS_PHP_HANDLER_SWAP_H
