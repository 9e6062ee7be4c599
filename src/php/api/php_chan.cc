// Goos\Chan: send, recv, their non-blocking and timed forms, close, and
// foreach (through Goos\ChanIterator).
//
// Ownership follows goos::Chan: a value is captured (transfer.h) before the
// send, and a send that does not happen (timeout, closed channel, an
// exception while the origin waited) leaves it with the sender, who drops
// it: nothing is half sent and nothing is lost. A received value is built in
// the receiver's interpreter.
#include "api/php_chan.h"

#include <cstring>
#include <new>
#include <optional>
#include <stdexcept>

#include "zend_exceptions.h"
#include "zend_interfaces.h"

#include "goos/runtime.h"
#include "api/native_object.h"
#include "php_goos.h"
#include "api/php_wait.h"

zend_class_entry* goos_chan_ce = nullptr;
zend_class_entry* goos_chan_iterator_ce = nullptr;
zend_class_entry* goos_chan_closed_error_ce = nullptr;

namespace goos::php {
namespace {

using goos::ChanStatus;

PhpChan& this_chan(zval* this_ptr) { return chan_of(Z_OBJ_P(this_ptr)); }

// Sends `value` on `chan`, waiting until `deadline`: kOk, kTimeout or kClosed,
// or nullopt with an exception thrown (the value could not cross, or the
// origin's wait was cut by a signal or the end of the script).
std::optional<ChanStatus> send(PhpChan& chan, zval* value, goos::Deadline deadline) {
  ChanValue v;
  if (!ChanValue::capture(value, "$value", &v)) return std::nullopt;
  // The origin tries first: a send that needs no wait needs no runtime.
  if (!goos::this_goroutine::is_goroutine()) {
    const ChanStatus now = chan.try_send(std::move(v));
    if (now != ChanStatus::kWouldBlock) return now;
    if (deadline <= goos::Clock::now()) return ChanStatus::kTimeout;
  }
  ChanStatus status = ChanStatus::kTimeout;
  const WaitOutcome outcome = php_wait(deadline, [&](goos::Deadline d) {
    status = chan.send(std::move(v), d);
    return status != ChanStatus::kTimeout;
  });
  if (outcome == WaitOutcome::kThrown) return std::nullopt;
  return outcome == WaitOutcome::kTimeout ? ChanStatus::kTimeout : status;
}

// Receives from `chan` into `out` (a value, or null), waiting until
// `deadline`; block false: only what is there now (kWouldBlock otherwise).
// nullopt with an exception thrown when the origin's wait was cut or the
// value could not be built here.
std::optional<ChanStatus> recv(PhpChan& chan, zval* out, goos::Deadline deadline, bool block) {
  ZVAL_NULL(out);
  std::optional<ChanValue> v;
  // A goroutine blocks in one call (it tries first inside it); the origin
  // tries on its own first, since a receive that needs no wait needs no
  // runtime.
  ChanStatus status =
      block && goos::this_goroutine::is_goroutine() ? chan.recv(v, deadline) : chan.try_recv(v);
  if (status == ChanStatus::kWouldBlock && block) {
    if (deadline <= goos::Clock::now()) return ChanStatus::kTimeout;
    const WaitOutcome outcome = php_wait(deadline, [&](goos::Deadline d) {
      status = chan.recv(v, d);
      return status != ChanStatus::kTimeout;
    });
    if (outcome == WaitOutcome::kThrown) return std::nullopt;
    if (outcome == WaitOutcome::kTimeout) return ChanStatus::kTimeout;
  }
  if (status == ChanStatus::kOk && !v->materialize(out)) return std::nullopt;
  return status;
}

// $ok: true (a value), false (closed and drained), null (nothing yet).
void set_ok(zval* ok, ChanStatus status) {
  if (ok == nullptr) return;
  switch (status) {
    case ChanStatus::kOk:
      ZEND_TRY_ASSIGN_REF_TRUE(ok);
      break;
    case ChanStatus::kClosed:
      ZEND_TRY_ASSIGN_REF_FALSE(ok);
      break;
    default:
      ZEND_TRY_ASSIGN_REF_NULL(ok);
      break;
  }
}

// ---- Goos\ChanIterator --------------------------------------------------------

struct ChanIteratorObject {
  zval chan;     // the Goos\Chan
  zval current;  // the value received last
  zend_long key = -1;
  bool started = false;
  bool valid = false;
  zend_object std;
};

zend_object_handlers iterator_handlers;

ChanIteratorObject* iterator_of(zend_object* obj) {
  return reinterpret_cast<ChanIteratorObject*>(reinterpret_cast<char*>(obj) -
                                               XtOffsetOf(ChanIteratorObject, std));
}

zend_object* iterator_create(zend_class_entry* ce) {
  auto* it = static_cast<ChanIteratorObject*>(zend_object_alloc(sizeof(ChanIteratorObject), ce));
  ZVAL_UNDEF(&it->chan);
  ZVAL_NULL(&it->current);
  it->key = -1;
  it->started = false;
  it->valid = false;
  zend_object_std_init(&it->std, ce);
  object_properties_init(&it->std, ce);
  it->std.handlers = &iterator_handlers;
  return &it->std;
}

void iterator_free(zend_object* obj) {
  ChanIteratorObject* it = iterator_of(obj);
  zval_ptr_dtor(&it->chan);
  zval_ptr_dtor(&it->current);
  zend_object_std_dtor(obj);
}

HashTable* iterator_gc(zend_object* obj, zval** table, int* n) {
  ChanIteratorObject* it = iterator_of(obj);
  *table = &it->chan;  // chan and current are adjacent
  *n = 2;
  return zend_std_get_properties(obj);
}

// One step: the next value, or the end once the channel is closed and drained.
void iterator_fetch(ChanIteratorObject* it) {
  zval_ptr_dtor(&it->current);
  ZVAL_NULL(&it->current);
  it->valid = false;
  if (Z_TYPE(it->chan) != IS_OBJECT) return;
  std::optional<ChanStatus> status =
      recv(chan_of(Z_OBJ(it->chan)), &it->current, goos::kNoDeadline, true);
  if (status == ChanStatus::kOk) {
    it->valid = true;
    it->key++;
  }
}

}  // namespace

PhpChan& chan_of(zend_object* obj) { return native_of<PhpChan>(obj); }

void chan_wrap(zval* out, std::shared_ptr<PhpChan> chan) {
  native_wrap(out, goos_chan_ce, std::move(chan));
}

void throw_send_on_closed() {
  zend_throw_exception(goos_chan_closed_error_ce, "send on closed channel", 0);
}

void chan_minit() {
  std::memcpy(&iterator_handlers, &std_object_handlers, sizeof iterator_handlers);
  iterator_handlers.offset = XtOffsetOf(ChanIteratorObject, std);
  iterator_handlers.free_obj = iterator_free;
  iterator_handlers.get_gc = iterator_gc;
  iterator_handlers.clone_obj = nullptr;
  native_class_init(goos_chan_ce);
  goos_chan_iterator_ce->create_object = iterator_create;
}

}  // namespace goos::php

using goos::ChanStatus;
using goos::php::PhpChan;

ZEND_METHOD(Goos_Chan, __construct) {
  zend_long capacity = 0;
  ZEND_PARSE_PARAMETERS_START(0, 1)
  Z_PARAM_OPTIONAL
  Z_PARAM_LONG(capacity)
  ZEND_PARSE_PARAMETERS_END();
  goos::php::NativeObject* obj = goos::php::native_object(Z_OBJ_P(ZEND_THIS));
  if (obj->native) {
    zend_throw_error(nullptr, "Goos\\Chan::__construct(): the channel exists already");
    RETURN_THROWS();
  }
  if (capacity < 0) {
    zend_argument_value_error(1, "must be 0 or more");
    RETURN_THROWS();
  }
  std::shared_ptr<PhpChan> chan;
  try {
    chan = std::make_shared<PhpChan>(static_cast<std::size_t>(capacity));
  } catch (const std::length_error&) {
    zend_argument_value_error(1, "is too large");
    RETURN_THROWS();
  } catch (const std::bad_alloc&) {
    zend_argument_value_error(1, "is too large: out of memory for the buffer");
    RETURN_THROWS();
  }
  goos::php::native_set(&obj->std, std::move(chan));
}

ZEND_METHOD(Goos_Chan, send) {
  zval* value;
  double timeout = 0;
  bool no_timeout = true;
  ZEND_PARSE_PARAMETERS_START(1, 2)
  Z_PARAM_ZVAL(value)
  Z_PARAM_OPTIONAL
  Z_PARAM_DOUBLE_OR_NULL(timeout, no_timeout)
  ZEND_PARSE_PARAMETERS_END();
  goos::Deadline deadline;
  if (!goos::php::deadline_arg(timeout, no_timeout, 2, &deadline)) RETURN_THROWS();
  std::optional<ChanStatus> status =
      goos::php::send(goos::php::this_chan(ZEND_THIS), value, deadline);
  if (!status) GOOS_RETURN_WAIT_FAILED();
  if (*status == ChanStatus::kClosed) {
    goos::php::throw_send_on_closed();
    RETURN_THROWS();
  }
  RETURN_BOOL(*status == ChanStatus::kOk);
}

ZEND_METHOD(Goos_Chan, recv) {
  double timeout = 0;
  bool no_timeout = true;
  zval* ok = nullptr;
  ZEND_PARSE_PARAMETERS_START(0, 2)
  Z_PARAM_OPTIONAL
  Z_PARAM_DOUBLE_OR_NULL(timeout, no_timeout)
  Z_PARAM_ZVAL(ok)
  ZEND_PARSE_PARAMETERS_END();
  goos::Deadline deadline;
  if (!goos::php::deadline_arg(timeout, no_timeout, 1, &deadline)) RETURN_THROWS();
  std::optional<ChanStatus> status =
      goos::php::recv(goos::php::this_chan(ZEND_THIS), return_value, deadline, true);
  if (!status) GOOS_RETURN_WAIT_FAILED();
  goos::php::set_ok(ok, *status);
}

ZEND_METHOD(Goos_Chan, trySend) {
  zval* value;
  ZEND_PARSE_PARAMETERS_START(1, 1)
  Z_PARAM_ZVAL(value)
  ZEND_PARSE_PARAMETERS_END();
  goos::php::ChanValue v;
  if (!goos::php::ChanValue::capture(value, "$value", &v)) RETURN_THROWS();
  const ChanStatus status = goos::php::this_chan(ZEND_THIS).try_send(std::move(v));
  if (status == ChanStatus::kClosed) {
    goos::php::throw_send_on_closed();
    RETURN_THROWS();
  }
  RETURN_BOOL(status == ChanStatus::kOk);
}

ZEND_METHOD(Goos_Chan, tryRecv) {
  zval* ok = nullptr;
  ZEND_PARSE_PARAMETERS_START(0, 1)
  Z_PARAM_OPTIONAL
  Z_PARAM_ZVAL(ok)
  ZEND_PARSE_PARAMETERS_END();
  std::optional<ChanStatus> status =
      goos::php::recv(goos::php::this_chan(ZEND_THIS), return_value, goos::kNoDeadline, false);
  if (!status) RETURN_THROWS();
  goos::php::set_ok(ok, *status);
}

ZEND_METHOD(Goos_Chan, close) {
  ZEND_PARSE_PARAMETERS_NONE();
  if (!goos::php::this_chan(ZEND_THIS).close()) {
    zend_throw_exception(goos_chan_closed_error_ce, "close of closed channel", 0);
    RETURN_THROWS();
  }
}

ZEND_METHOD(Goos_Chan, isClosed) {
  ZEND_PARSE_PARAMETERS_NONE();
  RETURN_BOOL(goos::php::this_chan(ZEND_THIS).is_closed());
}

ZEND_METHOD(Goos_Chan, capacity) {
  ZEND_PARSE_PARAMETERS_NONE();
  RETURN_LONG(static_cast<zend_long>(goos::php::this_chan(ZEND_THIS).capacity()));
}

ZEND_METHOD(Goos_Chan, count) {
  ZEND_PARSE_PARAMETERS_NONE();
  RETURN_LONG(static_cast<zend_long>(goos::php::this_chan(ZEND_THIS).len()));
}

ZEND_METHOD(Goos_Chan, getIterator) {
  ZEND_PARSE_PARAMETERS_NONE();
  object_init_ex(return_value, goos_chan_iterator_ce);
  goos::php::ChanIteratorObject* it = goos::php::iterator_of(Z_OBJ_P(return_value));
  ZVAL_COPY(&it->chan, ZEND_THIS);
}

// Never called: the constructor is private; getIterator() makes these.
ZEND_METHOD(Goos_ChanIterator, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Goos_ChanIterator, current) {
  ZEND_PARSE_PARAMETERS_NONE();
  RETURN_COPY(&goos::php::iterator_of(Z_OBJ_P(ZEND_THIS))->current);
}

ZEND_METHOD(Goos_ChanIterator, key) {
  ZEND_PARSE_PARAMETERS_NONE();
  goos::php::ChanIteratorObject* it = goos::php::iterator_of(Z_OBJ_P(ZEND_THIS));
  if (!it->valid) RETURN_NULL();
  RETURN_LONG(it->key);
}

// A channel cannot be rewound: the first rewind (foreach's start) receives
// the first value, later ones do nothing.
ZEND_METHOD(Goos_ChanIterator, rewind) {
  ZEND_PARSE_PARAMETERS_NONE();
  goos::php::ChanIteratorObject* it = goos::php::iterator_of(Z_OBJ_P(ZEND_THIS));
  if (it->started) return;
  it->started = true;
  goos::php::iterator_fetch(it);
  goos::php::raise_pending_timeout();
}

ZEND_METHOD(Goos_ChanIterator, next) {
  ZEND_PARSE_PARAMETERS_NONE();
  goos::php::ChanIteratorObject* it = goos::php::iterator_of(Z_OBJ_P(ZEND_THIS));
  if (!it->started) it->started = true;
  goos::php::iterator_fetch(it);
  goos::php::raise_pending_timeout();
}

ZEND_METHOD(Goos_ChanIterator, valid) {
  ZEND_PARSE_PARAMETERS_NONE();
  RETURN_BOOL(goos::php::iterator_of(Z_OBJ_P(ZEND_THIS))->valid);
}
