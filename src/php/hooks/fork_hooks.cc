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
#include "hooks/handler_swap.h"

namespace goos::php {
namespace {

SwappedHandler hooked[] = {{"pcntl_fork"}, {"pcntl_rfork"}};

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
  original_handler(hooked, execute_data)(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

}  // namespace

void fork_hooks_minit() { swap_handlers(hooked, fork_outside_goroutines); }

void fork_hooks_mshutdown() { restore_handlers(hooked); }

}  // namespace goos::php
