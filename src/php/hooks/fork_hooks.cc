// fork() copies only the calling thread. From a goroutine that is an M's
// thread in the middle of a fiber, with no scheduler, no sysmon and no other
// goroutine in the child: its first wait would never end. So pcntl_fork()
// (and pcntl_rfork() where PHP has it) throw in a goroutine; the script's
// own thread may fork, and its child then refuses goroutines with a clear
// error (runtime_refused_after_fork()).
//
// The handlers are replaced at MINIT, as sleep_hooks.cc explains; pcntl,
// built in or loaded before goos, has registered them by then.
#include "hooks/fork_hooks.h"

#include <cstring>

#include "php.h"

#include "goos/runtime.h"

namespace goos::php {
namespace {

struct Hooked {
  const char* name;
  zif_handler original;
};

Hooked hooked[] = {{"pcntl_fork", nullptr}, {"pcntl_rfork", nullptr}};

zend_function* find(const char* name) {
  return static_cast<zend_function*>(
      zend_hash_str_find_ptr(CG(function_table), name, std::strlen(name)));
}

ZEND_NAMED_FUNCTION(fork_outside_goroutines) {
  const char* name = ZSTR_VAL(EX(func)->common.function_name);
  if (goos::this_goroutine::is_goroutine()) {
    zend_throw_error(nullptr,
                     "%s() cannot be called from a goroutine: the child would be one thread "
                     "of the scheduler, stopped in the middle of a goroutine; fork from the "
                     "script's own code",
                     name);
    RETURN_THROWS();
  }
  for (const Hooked& h : hooked) {
    if (std::strcmp(h.name, name) == 0) {
      h.original(INTERNAL_FUNCTION_PARAM_PASSTHRU);
      return;
    }
  }
}

}  // namespace

void fork_hooks_minit() {
  for (Hooked& h : hooked) {
    zend_function* fn = find(h.name);
    if (fn == nullptr || fn->type != ZEND_INTERNAL_FUNCTION) continue;
    h.original = fn->internal_function.handler;
    fn->internal_function.handler = fork_outside_goroutines;
  }
}

void fork_hooks_mshutdown() {
  for (Hooked& h : hooked) {
    if (h.original == nullptr) continue;
    if (zend_function* fn = find(h.name)) fn->internal_function.handler = h.original;
    h.original = nullptr;
  }
}

}  // namespace goos::php
