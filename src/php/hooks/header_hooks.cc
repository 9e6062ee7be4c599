// The response's status, headers and cookies belong to the request's own code.
//
// A goroutine runs in another thread's interpreter, whose request never sends
// headers (interp_start() marks them sent, as the CLI does), so PHP would
// ignore its header() without a word: the page would lack a header its code
// plainly set. Forwarding them to the script's thread was weighed and left:
// whether they arrive in time depends on when the script's thread next
// looks, which a goroutine cannot know, and http_response_code()'s answer
// (the previous code) would be a guess. So under a web SAPI these functions
// warn in a goroutine and do nothing; the script sets its headers before
// go() or after join(), from what its goroutines send back. The CLI sends no
// headers at all, in the script or in goroutines, and stays silent as PHP is.
//
// The handlers are replaced at MINIT, as sleep_hooks.cc explains.
#include "hooks/header_hooks.h"

#include <cstring>

#include "SAPI.h"
#include "php.h"

#include "api/php_runtime.h"
#include "hooks/handler_swap.h"

namespace goos::php {
namespace {

SwappedHandler hooked[] = {
    {"header"}, {"header_remove"}, {"http_response_code"}, {"setcookie"}, {"setrawcookie"}};

ZEND_NAMED_FUNCTION(header_in_goroutine) {
  const char* name = ZSTR_VAL(EX(func)->common.function_name);
  if (!on_worker_thread()) {
    original_handler(hooked, execute_data)(INTERNAL_FUNCTION_PARAM_PASSTHRU);
    return;
  }
  php_error_docref(nullptr, E_WARNING,
                   "A goroutine cannot set the response's status, headers or cookies: they "
                   "belong to the request's own code (call %s() before go() or after join())",
                   name);
  // What each returns when headers are already sent.
  if (std::strcmp(name, "setcookie") == 0 || std::strcmp(name, "setrawcookie") == 0 ||
      std::strcmp(name, "http_response_code") == 0) {
    RETURN_FALSE;
  }
}

}  // namespace

void header_hooks_minit() {
  if (std::strcmp(sapi_module.name, "cli") == 0) return;
  swap_handlers(hooked, header_in_goroutine);
}

void header_hooks_mshutdown() { restore_handlers(hooked); }

}  // namespace goos::php
