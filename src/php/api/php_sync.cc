// package sync for PHP.
//
// The locks and the wait group are goos's own (the same native object in
// every thread that holds it); a goroutine blocks on them by parking.
//
// The origin locking a held lock is the one hard case. Its wait must be
// interruptible (a signal, max_execution_time, the end of the script, a
// deadlock: php_wait.h), but Go's lock algorithms cannot take back a wait
// half done. So the origin does not wait in the lock itself: a helper
// goroutine does, and hands the lock over when it gets it (these locks are
// not owned by a party, as in Go: whoever locked may be another than who
// unlocks). The origin waits for the hand-over, interruptibly. If it gives
// up meanwhile (an exception), the helper, once it gets the lock, finds
// nobody to hand it to and unlocks it again: the attempt leaves no trace.
#include "api/php_sync.h"

#include <atomic>
#include <memory>
#include <utility>

#include "zend_exceptions.h"

#include "goos/mutex.h"
#include "goos/runtime.h"
#include "goos/rwmutex.h"
#include "goos/sema.h"
#include "goos/waitgroup.h"
#include "api/native_object.h"
#include "php_goos.h"
#include "api/php_runtime.h"
#include "api/php_wait.h"

zend_class_entry* goos_mutex_ce = nullptr;
zend_class_entry* goos_rwmutex_ce = nullptr;
zend_class_entry* goos_waitgroup_ce = nullptr;
zend_class_entry* goos_once_ce = nullptr;

namespace goos::php {
namespace {

// Go's sync.Once: a mutex and a flag. Its waiters wait in the mutex, so the
// origin waits for a Once as for a Mutex (see above).
struct OnceCore {
  goos::Mutex lock{goos::WaitReason::kOnce};
  std::atomic<bool> done{false};
};

// The hand-over between the origin and its helper goroutine.
struct LockAttempt {
  enum : int { kPending, kHandedOver, kAbandoned };
  std::atomic<int> state{kPending};
  goos::Semaphore handed{0};
};

// Locks through `lock` (and, for an attempt given up, releases through
// `unlock`), keeping `keep` (the native object) alive in the helper. In a
// goroutine: simply locks. False with an exception thrown when the origin
// gave up.
template <typename Lock, typename Unlock>
bool lock_for_php(std::shared_ptr<void> keep, Lock lock, Unlock unlock, goos::WaitReason reason) {
  if (goos::this_goroutine::is_goroutine()) {
    lock();
    return true;
  }
  goos::Runtime* rt = runtime_start();
  if (rt == nullptr) return false;
  auto attempt = std::make_shared<LockAttempt>();
  rt->go([attempt, keep = std::move(keep), lock, unlock] {
    lock();
    int pending = LockAttempt::kPending;
    if (attempt->state.compare_exchange_strong(pending, LockAttempt::kHandedOver)) {
      attempt->handed.release();
    } else {
      unlock();  // the origin gave up: as if this attempt never was
    }
  });
  const WaitOutcome outcome = php_wait(goos::kNoDeadline, [&](goos::Deadline d) {
    goos::SemaWait how;
    how.deadline = d;
    how.reason = reason;
    return attempt->handed.acquire(how);
  });
  if (outcome == WaitOutcome::kDone) return true;
  int pending = LockAttempt::kPending;
  if (!attempt->state.compare_exchange_strong(pending, LockAttempt::kAbandoned)) {
    unlock();  // handed over as the origin gave up: it is ours to release
  }
  return false;
}

std::shared_ptr<void> native_ref(zval* this_ptr) {
  return native_object(Z_OBJ_P(this_ptr))->native;
}

template <typename T>
T& self(zval* this_ptr) {
  return native_of<T>(Z_OBJ_P(this_ptr));
}

// The constructor of every class here: a fresh native object, once.
template <typename T>
bool construct(zval* this_ptr, const char* cls) {
  NativeObject* obj = native_object(Z_OBJ_P(this_ptr));
  if (obj->native) {
    zend_throw_error(nullptr, "%s::__construct(): the object exists already", cls);
    return false;
  }
  native_set(&obj->std, std::make_shared<T>());
  return true;
}

}  // namespace

void sync_minit() {
  native_class_init(goos_mutex_ce);
  native_class_init(goos_rwmutex_ce);
  native_class_init(goos_waitgroup_ce);
  native_class_init(goos_once_ce);
}

}  // namespace goos::php

using goos::php::self;

// ---- Goos\Mutex ---------------------------------------------------------------

ZEND_METHOD(Goos_Mutex, __construct) {
  ZEND_PARSE_PARAMETERS_NONE();
  if (!goos::php::construct<goos::Mutex>(ZEND_THIS, "Goos\\Mutex")) RETURN_THROWS();
}

ZEND_METHOD(Goos_Mutex, lock) {
  ZEND_PARSE_PARAMETERS_NONE();
  goos::Mutex* m = &self<goos::Mutex>(ZEND_THIS);
  if (m->try_lock()) return;
  if (!goos::php::lock_for_php(
          goos::php::native_ref(ZEND_THIS), [m] { m->lock(); }, [m] { m->unlock(); },
          goos::WaitReason::kMutex)) {
    GOOS_RETURN_WAIT_FAILED();
  }
}

ZEND_METHOD(Goos_Mutex, tryLock) {
  ZEND_PARSE_PARAMETERS_NONE();
  RETURN_BOOL(self<goos::Mutex>(ZEND_THIS).try_lock());
}

ZEND_METHOD(Goos_Mutex, unlock) {
  ZEND_PARSE_PARAMETERS_NONE();
  if (!self<goos::Mutex>(ZEND_THIS).unlock()) {
    zend_throw_error(nullptr, "Goos\\Mutex::unlock(): the mutex is not locked");
    RETURN_THROWS();
  }
}

// ---- Goos\RWMutex -------------------------------------------------------------

ZEND_METHOD(Goos_RWMutex, __construct) {
  ZEND_PARSE_PARAMETERS_NONE();
  if (!goos::php::construct<goos::RWMutex>(ZEND_THIS, "Goos\\RWMutex")) RETURN_THROWS();
}

ZEND_METHOD(Goos_RWMutex, lock) {
  ZEND_PARSE_PARAMETERS_NONE();
  goos::RWMutex* m = &self<goos::RWMutex>(ZEND_THIS);
  if (m->try_lock()) return;
  if (!goos::php::lock_for_php(
          goos::php::native_ref(ZEND_THIS), [m] { m->lock(); }, [m] { m->unlock(); },
          goos::WaitReason::kRWMutexWrite)) {
    GOOS_RETURN_WAIT_FAILED();
  }
}

ZEND_METHOD(Goos_RWMutex, tryLock) {
  ZEND_PARSE_PARAMETERS_NONE();
  RETURN_BOOL(self<goos::RWMutex>(ZEND_THIS).try_lock());
}

ZEND_METHOD(Goos_RWMutex, unlock) {
  ZEND_PARSE_PARAMETERS_NONE();
  if (!self<goos::RWMutex>(ZEND_THIS).unlock()) {
    zend_throw_error(nullptr, "Goos\\RWMutex::unlock(): the lock is not write-locked");
    RETURN_THROWS();
  }
}

ZEND_METHOD(Goos_RWMutex, rLock) {
  ZEND_PARSE_PARAMETERS_NONE();
  goos::RWMutex* m = &self<goos::RWMutex>(ZEND_THIS);
  if (m->try_rlock()) return;
  if (!goos::php::lock_for_php(
          goos::php::native_ref(ZEND_THIS), [m] { m->rlock(); }, [m] { m->runlock(); },
          goos::WaitReason::kRWMutexRead)) {
    GOOS_RETURN_WAIT_FAILED();
  }
}

ZEND_METHOD(Goos_RWMutex, tryRLock) {
  ZEND_PARSE_PARAMETERS_NONE();
  RETURN_BOOL(self<goos::RWMutex>(ZEND_THIS).try_rlock());
}

ZEND_METHOD(Goos_RWMutex, rUnlock) {
  ZEND_PARSE_PARAMETERS_NONE();
  if (!self<goos::RWMutex>(ZEND_THIS).runlock()) {
    zend_throw_error(nullptr, "Goos\\RWMutex::rUnlock(): no reader holds the lock");
    RETURN_THROWS();
  }
}

// ---- Goos\WaitGroup -----------------------------------------------------------

ZEND_METHOD(Goos_WaitGroup, __construct) {
  ZEND_PARSE_PARAMETERS_NONE();
  if (!goos::php::construct<goos::WaitGroup>(ZEND_THIS, "Goos\\WaitGroup")) RETURN_THROWS();
}

ZEND_METHOD(Goos_WaitGroup, add) {
  zend_long delta = 1;
  ZEND_PARSE_PARAMETERS_START(0, 1)
  Z_PARAM_OPTIONAL
  Z_PARAM_LONG(delta)
  ZEND_PARSE_PARAMETERS_END();
  goos::WaitGroup& wg = self<goos::WaitGroup>(ZEND_THIS);
  if (!wg.add(delta)) {
    zend_throw_error(nullptr,
                     "Goos\\WaitGroup::add(): the counter (%lld) would go below zero or overflow",
                     static_cast<long long>(wg.count()));
    RETURN_THROWS();
  }
}

ZEND_METHOD(Goos_WaitGroup, done) {
  ZEND_PARSE_PARAMETERS_NONE();
  if (!self<goos::WaitGroup>(ZEND_THIS).done()) {
    zend_throw_error(nullptr,
                     "Goos\\WaitGroup::done(): the counter would go below zero (more done() "
                     "than add())");
    RETURN_THROWS();
  }
}

ZEND_METHOD(Goos_WaitGroup, wait) {
  double timeout = 0;
  bool no_timeout = true;
  ZEND_PARSE_PARAMETERS_START(0, 1)
  Z_PARAM_OPTIONAL
  Z_PARAM_DOUBLE_OR_NULL(timeout, no_timeout)
  ZEND_PARSE_PARAMETERS_END();
  goos::Deadline deadline;
  if (!goos::php::deadline_arg(timeout, no_timeout, 1, &deadline)) RETURN_THROWS();
  goos::WaitGroup& wg = self<goos::WaitGroup>(ZEND_THIS);
  if (wg.count() == 0) RETURN_TRUE;
  if (deadline <= goos::Clock::now()) RETURN_FALSE;
  const goos::php::WaitOutcome outcome =
      goos::php::php_wait(deadline, [&](goos::Deadline d) { return wg.wait(d); });
  if (outcome == goos::php::WaitOutcome::kThrown) GOOS_RETURN_WAIT_FAILED();
  RETURN_BOOL(outcome == goos::php::WaitOutcome::kDone);
}

ZEND_METHOD(Goos_WaitGroup, count) {
  ZEND_PARSE_PARAMETERS_NONE();
  RETURN_LONG(static_cast<zend_long>(self<goos::WaitGroup>(ZEND_THIS).count()));
}

// ---- Goos\Once ----------------------------------------------------------------

ZEND_METHOD(Goos_Once, __construct) {
  ZEND_PARSE_PARAMETERS_NONE();
  if (!goos::php::construct<goos::php::OnceCore>(ZEND_THIS, "Goos\\Once")) RETURN_THROWS();
}

// Go's Once.Do: the fast path is one load; the first caller runs $fn under
// the lock, and the flag is set even when $fn throws, so that waiters go on
// and nobody runs it again.
ZEND_METHOD(Goos_Once, do) {
  zend_fcall_info fci;
  zend_fcall_info_cache fcc;
  zval* args = nullptr;
  uint32_t argc = 0;
  HashTable* named = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, -1)
  Z_PARAM_FUNC(fci, fcc)
  Z_PARAM_VARIADIC_WITH_NAMED(args, argc, named)
  ZEND_PARSE_PARAMETERS_END();
  goos::php::OnceCore* once = &self<goos::php::OnceCore>(ZEND_THIS);
  if (once->done.load(std::memory_order_acquire)) return;
  if (!once->lock.try_lock() && !goos::php::lock_for_php(
                                    goos::php::native_ref(ZEND_THIS), [once] { once->lock.lock(); },
                                    [once] { once->lock.unlock(); }, goos::WaitReason::kOnce)) {
    GOOS_RETURN_WAIT_FAILED();
  }
  if (!once->done.load(std::memory_order_relaxed)) {
    zval retval;
    ZVAL_UNDEF(&retval);
    fci.params = args;
    fci.param_count = argc;
    fci.named_params = named;
    fci.retval = &retval;
    zend_call_function(&fci, &fcc);
    zval_ptr_dtor(&retval);
    once->done.store(true, std::memory_order_release);
  }
  once->lock.unlock();
}

ZEND_METHOD(Goos_Once, isDone) {
  ZEND_PARSE_PARAMETERS_NONE();
  RETURN_BOOL(self<goos::php::OnceCore>(ZEND_THIS).done.load(std::memory_order_acquire));
}
