// include_once/require_once among the goroutines of one M.
//
// zend_include_or_eval() adds a file to EG(included_files) before it compiles
// and runs it, and a later *_once of the file returns at once. On PHP's one
// thread "later" means "after the run": the file's functions, classes and
// constants, declared as its code runs, are there. A goroutine of the same M
// may ask while another goroutine is still running the file (preempted in
// it, or parked in it), and must wait for the end of that run.
//
// The only hookable step of *_once is the path resolution (zend_resolve_path,
// called first; opcache's own answers from its cache, so the wrap goes around
// opcache's). Here, in a goroutine, for an INCLUDE_OR_EVAL of the *_once
// kind:
//  - a path not yet included: this goroutine runs it now; it is noted as a
//    run (path, goroutine);
//  - a path included, with a run of another goroutine noted: wait until that
//    run is over.
// When a run is over is seen from the glue: at each switch-out of the
// goroutine (load_guard_switched_out, end_runs()), its frames are looked at;
// once none is the file's top-level code, the run is dropped and the waiters
// are woken. A waiter runs only while the owner is switched out, so a run still
// noted then is a run still going on.
//
// Not covered: a file run by a plain include/require (no *_once to note it)
// that another goroutine then include_once's; a file whose top-level code
// runs inside a PHP Fiber, whose frames do not chain to the goroutine's (the
// run is dropped at the first switch-out: the waiters go on, as without the
// guard).
#include "code/code_load_internal.h"

#include <cstring>

#include "php.h"
#include "zend_compile.h"

#include "goos/runtime.h"

namespace goos::php::load {
namespace {

zend_string* (*original_resolve_path)(zend_string*) = nullptr;

// opcache's test for the same thing (persistent_zend_resolve_path).
bool in_once_include() {
  const zend_execute_data* ex = EG(current_execute_data);
  if (ex == nullptr || ex->func == nullptr || !ZEND_USER_CODE(ex->func->type) ||
      ex->opline == nullptr || ex->opline->opcode != ZEND_INCLUDE_OR_EVAL) {
    return false;
  }
  return ex->opline->extended_value == ZEND_INCLUDE_ONCE ||
         ex->opline->extended_value == ZEND_REQUIRE_ONCE;
}

bool same_path(const zend_string* a, const std::string& b) {
  return ZSTR_LEN(a) == b.size() && std::memcmp(ZSTR_VAL(a), b.data(), b.size()) == 0;
}

const ThreadLoads::Run* run_of(const ThreadLoads& t, const zend_string* path) {
  for (const ThreadLoads::Run& run : t.runs) {
    if (same_path(path, run.path)) return &run;
  }
  return nullptr;
}

// Whether the frames hold the top-level code of `path` (an op_array with no
// function name from that file: eval()'d code has a name of its own).
bool running(const zend_execute_data* frames, const std::string& path) {
  for (const zend_execute_data* ex = frames; ex != nullptr; ex = ex->prev_execute_data) {
    const zend_function* f = ex->func;
    if (f != nullptr && f->type == ZEND_USER_FUNCTION && f->op_array.function_name == nullptr &&
        f->op_array.filename != nullptr && same_path(f->op_array.filename, path)) {
      return true;
    }
  }
  return false;
}

zend_string* guarded_resolve_path(zend_string* filename) {
  zend_string* resolved = original_resolve_path(filename);
  if (resolved == nullptr || !goos::this_goroutine::is_goroutine() || !in_once_include()) {
    return resolved;
  }
  ThreadLoads& t = thread_loads();
  const std::uint64_t me = goos::this_goroutine::id();
  if (!zend_hash_exists(&EG(included_files), resolved)) {
    // zend_include_or_eval() marks it included next, then compiles and runs
    // it, with no switch before its code runs.
    t.runs.push_back({std::string(ZSTR_VAL(resolved), ZSTR_LEN(resolved)), me});
    return resolved;
  }
  for (;;) {
    const ThreadLoads::Run* run = run_of(t, resolved);
    if (run == nullptr || run->owner == me) break;
    // A run that waits for us: unless another wait of the cycle gives way
    // (a goroutine waiting for the autoload lock), this include_once gives
    // way, as on one thread, where it would be nested in that run and find
    // the file included.
    if (resolve(cycle_through(t, run->owner, me), WaitKind::kOnce) == Resolve::kGiveWay) break;
    wait_for(t, me, run->owner, WaitKind::kOnce);
  }
  return resolved;
}

}  // namespace

bool end_runs(ThreadLoads& t, std::uint64_t goroutine, const zend_execute_data* frames, bool all) {
  bool ended = false;
  for (auto run = t.runs.begin(); run != t.runs.end();) {
    if (run->owner == goroutine && (all || !running(frames, run->path))) {
      run = t.runs.erase(run);
      ended = true;
    } else {
      ++run;
    }
  }
  return ended;
}

void install_once_guard() {
  if (zend_resolve_path == nullptr || zend_resolve_path == guarded_resolve_path) return;
  original_resolve_path = zend_resolve_path;
  zend_resolve_path = guarded_resolve_path;
}

void uninstall_once_guard() {
  if (zend_resolve_path == guarded_resolve_path) zend_resolve_path = original_resolve_path;
}

}  // namespace goos::php::load
