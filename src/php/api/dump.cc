#include "api/dump.h"

#include <sstream>

#include "zend_builtin_functions.h"
#include "zend_exceptions.h"

#include "goos/waiter.h"
#include "api/php_runtime.h"

namespace goos::php {
namespace {

// Each line of `text` indented by two spaces, as Go indents a stack under
// its goroutine's header.
void indented(std::ostringstream& out, const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) out << "  " << line << "\n";
}

}  // namespace

std::string current_backtrace(bool include_main) {
  if (EG(current_execute_data) == nullptr) return {};
  zval trace;
  zend_fetch_debug_backtrace(&trace, 0, 0, 0);
  zend_string* text = zend_trace_to_string(Z_ARRVAL(trace), include_main);
  std::string out(ZSTR_VAL(text), ZSTR_LEN(text));
  zend_string_release(text);
  zval_ptr_dtor(&trace);
  return out;
}

std::string goroutine_dump(goos::Runtime* rt, goos::WaitReason origin_reason) {
  const bool in_origin = !on_worker_thread() && !goos::this_goroutine::is_goroutine();
  // First: while the Ms describe their goroutines, the caller parks.
  std::vector<goos::GoroutineSnapshot> all;
  if (rt != nullptr) all = rt->snapshot_described();
  std::ostringstream out;
  out << "goroutine 0 [script";
  if (origin_reason != goos::WaitReason::kNone) out << ", " << goos::to_string(origin_reason);
  out << "]:\n";
  if (in_origin) {
    indented(out, current_backtrace(true));
  } else {
    out << "  (running in the script's thread)\n";
  }
  for (const goos::GoroutineSnapshot& g : all) {
    out << "\ngoroutine " << g.id << " [" << g.status;
    if (g.reason != goos::WaitReason::kNone) out << ", " << goos::to_string(g.reason);
    out << "]";
    if (g.p >= 0) out << " on P" << g.p;
    out << ":\n";
    if (g.description.empty()) {
      out << (g.p < 0 ? "  (not started)\n" : "  (no PHP frame)\n");
    } else {
      indented(out, g.description);
    }
  }
  return out.str();
}

}  // namespace goos::php
