// The autoload lock: one goroutine of an M inside an autoload at a time.
//
// Zend calls zend_autoload (SPL's spl_perform_autoload, which calls the
// registered autoloaders in turn) when a class it looks up is not declared,
// after adding the name to EG(in_autoload), its guard against a class whose
// loading needs itself. goos switches EG(in_autoload) with the goroutine, so
// that guard stays what it is in PHP: one call chain's. This wrapper adds what
// a shared interpreter needs besides.
//
// Why one lock per M and not one per class: an autoload is not only "load
// class X". It runs the autoloader's code and the loaded file's top-level
// code, which may declare other classes (a file with several), include files
// (plain require, which must not run twice), link classes (autoloading their
// parents, interfaces and traits, and, for variance checks, the classes their
// signatures name) and touch the autoloader's own state. All of that was
// written for PHP, where a load runs to its end before anything else happens
// in the interpreter. Holding one lock across the outermost autoload of a
// goroutine keeps that true among loads: a second goroutine's load starts
// after the first is over and finds what it declared. Loads are a start-up
// cost, and parallelism is across Ms (each has its own interpreter, and its
// own lock), so serialising them within an M costs nothing that matters.
//
// The cost is a possible deadlock that PHP cannot have: a goroutine that,
// inside an autoload (in the autoloader or the file it loads), waits on a
// channel or lock for a goroutine of its M that first needs to autoload. It
// is reported as any deadlock is (both show "code load" or the channel wait
// in the dump). A wait *cycle* through this lock and the include_once guard
// is not a deadlock: the goroutine that would close it goes on inside the
// holder's load, as the same code would nest on PHP's one thread.
//
// Invariants (per thread):
//  - holder != 0 iff depth > 0; only the holder changes depth.
//  - Every way out of an autoload the holder entered (a return, an exception,
//    a bailout) decrements depth; the last one wakes the waiters.
#include "code/code_load_internal.h"

#include "php.h"
#include "zend_execute.h"

#include "goos/runtime.h"

namespace goos::php::load {
namespace {

zend_class_entry* (*original_autoload)(zend_string*, zend_string*) = nullptr;

// The class, once a load declared and linked it. `found` tells a class in
// the table but not linked: another goroutine was switched out in the middle
// of linking it outside any autoload (a user error handler run by the
// linking), which the linking guard cannot see; Zend's own answer to such a
// lookup is "not found".
zend_class_entry* declared(zend_string* lc_name, bool* found) {
  auto* ce = static_cast<zend_class_entry*>(zend_hash_find_ptr(EG(class_table), lc_name));
  *found = ce != nullptr;
  return ce != nullptr && (ce->ce_flags & ZEND_ACC_LINKED) ? ce : nullptr;
}

// Marks `lc_name` as being loaded by `me`; false when it was already.
bool begin_loading(ThreadLoads& t, zend_string* lc_name, std::uint64_t me) {
  return t.loading.emplace(std::string(ZSTR_VAL(lc_name), ZSTR_LEN(lc_name)), me).second;
}

// Whether another goroutine is autoloading `lc_name`.
bool loaded_by_another(const ThreadLoads& t, zend_string* lc_name, std::uint64_t me) {
  auto by = t.loading.find(std::string(ZSTR_VAL(lc_name), ZSTR_LEN(lc_name)));
  return by != t.loading.end() && by->second != me;
}

// Undoes begin_loading() (when it returned true) and, for the holder, one
// level of the lock.
void end_loading(ThreadLoads& t, zend_string* lc_name, bool marked, bool holding) {
  if (marked) t.loading.erase(std::string(ZSTR_VAL(lc_name), ZSTR_LEN(lc_name)));
  if (holding && --t.depth == 0) {
    t.holder = 0;
    wake_waiters(t);
  }
}

// Kept free of C++ objects with destructors: a fatal error in an autoloader
// is a longjmp through this frame (zend_try catches it to release the lock,
// then goes on unwinding).
zend_class_entry* autoload_as(ThreadLoads& t, zend_string* name, zend_string* lc_name,
                              std::uint64_t me, bool holding) {
  if (holding) {
    t.holder = me;
    ++t.depth;
  }
  const bool marked = begin_loading(t, lc_name, me);
  zend_class_entry* ce = nullptr;
  zend_try { ce = original_autoload(name, lc_name); }
  zend_catch {
    end_loading(t, lc_name, marked, holding);
    zend_bailout();
  }
  zend_end_try();
  end_loading(t, lc_name, marked, holding);
  return ce;
}

zend_class_entry* wait_or_load(ThreadLoads& t, zend_string* name, zend_string* lc_name,
                               std::uint64_t me) {
  for (;;) {
    // Being linked by a goroutine switched out in the middle of it
    // (code_load_linking.cc): wait for the end of its linking.
    if (const std::uint64_t linker = hidden_owner(t, lc_name); linker != 0 && linker != me) {
      // When the linker waits for us, another wait of the cycle gives way;
      // when none can, this lookup is part of that linking, as on one thread,
      // where it finds the class unlinked: "not found".
      const Resolve how = resolve(cycle_through(t, linker, me), WaitKind::kLinking);
      if (how == Resolve::kStuck) return nullptr;
      wait_for(t, me, linker, WaitKind::kLinking);
      continue;
    }
    // Declared by a load we waited for (its file declares several classes,
    // or the class was what it was loading).
    bool found = false;
    if (zend_class_entry* ce = declared(lc_name, &found); found) return ce;
    if (t.holder == 0 || t.holder == me) break;
    if (resolve(cycle_through(t, t.holder, me), WaitKind::kLock) == Resolve::kGiveWay) {
      // The holder waits for us: go on inside its load, as PHP would have
      // nested this load in it. A class further up that load is what
      // EG(in_autoload) would refuse on one thread.
      if (loaded_by_another(t, lc_name, me)) return nullptr;
      return autoload_as(t, name, lc_name, me, false);
    }
    wait_for(t, me, t.holder, WaitKind::kLock);
  }
  return autoload_as(t, name, lc_name, me, true);
}

zend_class_entry* guarded_autoload(zend_string* name, zend_string* lc_name) {
  if (!goos::this_goroutine::is_goroutine()) return original_autoload(name, lc_name);
  ThreadLoads& t = thread_loads();
  const std::uint64_t me = goos::this_goroutine::id();
  zend_class_entry* ce = wait_or_load(t, name, lc_name, me);
  // A class this goroutine is linking lost its name while it was switched
  // out (code_load_linking.cc): PHP's redeclaration error, from here.
  raise_link_conflict(t, me);
  return ce;
}

}  // namespace

void install_autoload_lock() {
  if (zend_autoload == nullptr || zend_autoload == guarded_autoload) return;
  original_autoload = zend_autoload;
  zend_autoload = guarded_autoload;
}

void uninstall_autoload_lock() {
  if (zend_autoload == guarded_autoload) zend_autoload = original_autoload;
}

}  // namespace goos::php::load
