// A goroutine's interpreter is another thread's, with a request of its own
// that no web server sent: left to itself it would find the query, the body
// and the cookies empty, and under php-fpm it would crash fetching $_SERVER
// from a FastCGI request that is not there (fcgi_loadenv(NULL)). So the
// script's superglobals are captured once, when its runtime starts, and every
// worker's request starts with copies of them: a goroutine sees the request
// it serves, as a Go handler's goroutines share the *http.Request. Later
// changes the script makes to its own superglobals are not seen (copies).
#include "engine/request_globals.h"

#include <cstring>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "php.h"
#include "php_globals.h"
#include "php_variables.h"
#include "zend_compile.h"
#include "zend_exceptions.h"

#include "transfer/transfer.h"

namespace goos::php {
namespace {

struct Superglobal {
  const char* name;
  int track;  // its PG(http_globals) slot, or -1 ($_REQUEST has none)
};

constexpr Superglobal kSuperglobals[] = {{"_GET", TRACK_VARS_GET},
                                         {"_POST", TRACK_VARS_POST},
                                         {"_COOKIE", TRACK_VARS_COOKIE},
                                         {"_FILES", TRACK_VARS_FILES},
                                         {"_SERVER", TRACK_VARS_SERVER},
                                         {"_ENV", TRACK_VARS_ENV},
                                         {"_REQUEST", -1}};

// Written by the script's thread before the Ms start and after they stop;
// read by the Ms meanwhile. A Cargo is materialised by one thread at a time.
std::mutex captured_lock;
std::vector<std::pair<const Superglobal*, CargoPtr>> captured;  // guarded by captured_lock

}  // namespace

void request_globals_capture() {
  std::lock_guard guard(captured_lock);
  captured.clear();
  for (const Superglobal& sg : kSuperglobals) {
    // Creates the just-in-time ones ($_SERVER, $_ENV, $_REQUEST) if the
    // script has not used them yet.
    zend_is_auto_global_str(sg.name, std::strlen(sg.name));
    zval* value = zend_hash_str_find_deref(&EG(symbol_table), sg.name, std::strlen(sg.name));
    if (value == nullptr || Z_TYPE_P(value) != IS_ARRAY) continue;
    CargoPtr cargo = transfer_capture(value, std::string("$") + sg.name);
    if (!cargo) {
      zend_clear_exception();
      continue;
    }
    captured.emplace_back(&sg, std::move(cargo));
  }
}

void request_globals_import() {
  std::lock_guard guard(captured_lock);
  for (const Superglobal& sg : kSuperglobals) {
    // Whether captured or not, the SAPI is never asked from here.
    if (auto* ag = static_cast<zend_auto_global*>(
            zend_hash_str_find_ptr(CG(auto_globals), sg.name, std::strlen(sg.name)))) {
      ag->armed = false;
    }
  }
  for (const auto& [sg, cargo] : captured) {
    zval value;
    if (!transfer_materialize(*cargo, &value)) {
      zend_clear_exception();
      continue;
    }
    if (sg->track >= 0) {
      zval_ptr_dtor(&PG(http_globals)[sg->track]);
      ZVAL_COPY(&PG(http_globals)[sg->track], &value);
    }
    zend_hash_str_update(&EG(symbol_table), sg->name, std::strlen(sg->name), &value);
  }
}

void request_globals_reset() {
  std::lock_guard guard(captured_lock);
  captured.clear();
}

}  // namespace goos::php
