// Goos\select(), with its cases Goos\recv() and Goos\send() (Goos\SelectCase)
// and its result (Goos\Selected), over the runtime core's goos::select.
//
// A send case's value is captured when select() runs, for every send case
// (Go evaluates them all on entry too); only the chosen one is moved into its
// channel, the others are dropped. A receive case gets storage of its own,
// filled only if it is chosen.
#include "api/php_select.h"

#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include "zend_exceptions.h"

#include "goos/runtime.h"
#include "goos/select.h"
#include "api/php_chan.h"
#include "php_goos.h"
#include "api/php_wait.h"

zend_class_entry* goos_select_case_ce = nullptr;
zend_class_entry* goos_selected_ce = nullptr;

namespace goos::php {
namespace {

struct SelectCaseObject {
  goos::SelectCase::Kind kind;
  zval chan;   // a Goos\Chan
  zval value;  // a send case's value
  zend_object std;
};

zend_object_handlers case_handlers;

SelectCaseObject* case_of(zend_object* obj) {
  return reinterpret_cast<SelectCaseObject*>(reinterpret_cast<char*>(obj) -
                                             XtOffsetOf(SelectCaseObject, std));
}

zend_object* case_create(zend_class_entry* ce) {
  auto* c = static_cast<SelectCaseObject*>(zend_object_alloc(sizeof(SelectCaseObject), ce));
  c->kind = goos::SelectCase::kRecv;
  ZVAL_UNDEF(&c->chan);
  ZVAL_UNDEF(&c->value);
  zend_object_std_init(&c->std, ce);
  object_properties_init(&c->std, ce);
  c->std.handlers = &case_handlers;
  return &c->std;
}

void case_free(zend_object* obj) {
  SelectCaseObject* c = case_of(obj);
  zval_ptr_dtor(&c->chan);
  zval_ptr_dtor(&c->value);
  zend_object_std_dtor(obj);
}

HashTable* case_gc(zend_object* obj, zval** table, int* n) {
  SelectCaseObject* c = case_of(obj);
  *table = &c->chan;  // chan and value are adjacent
  *n = 2;
  return zend_std_get_properties(obj);
}

void make_case(zval* out, goos::SelectCase::Kind kind, zval* chan, zval* value) {
  object_init_ex(out, goos_select_case_ce);
  SelectCaseObject* c = case_of(Z_OBJ_P(out));
  c->kind = kind;
  ZVAL_COPY(&c->chan, chan);
  if (value != nullptr) ZVAL_COPY(&c->value, value);
}

// Goos\Selected's readonly properties, written as their declarations order
// them (key, value, ok): internal code initialises them once, as the engine
// does for an enum case's name.
void make_selected(zval* out, zval* key, zval* value, bool ok) {
  object_init_ex(out, goos_selected_ce);
  zend_object* obj = Z_OBJ_P(out);
  ZVAL_COPY_VALUE(OBJ_PROP_NUM(obj, 0), key);
  ZVAL_COPY_VALUE(OBJ_PROP_NUM(obj, 1), value);
  ZVAL_BOOL(OBJ_PROP_NUM(obj, 2), ok);
}

// One case as select() sees it.
struct Entry {
  zval key = {};                   // its key in $cases
  ChanValue send;                  // a send case's value, captured
  goos::RecvSlot<ChanValue> slot;  // a receive case's storage
};

}  // namespace

void select_minit() {
  std::memcpy(&case_handlers, &std_object_handlers, sizeof case_handlers);
  case_handlers.offset = XtOffsetOf(SelectCaseObject, std);
  case_handlers.free_obj = case_free;
  case_handlers.get_gc = case_gc;
  case_handlers.clone_obj = nullptr;
  goos_select_case_ce->create_object = case_create;
}

}  // namespace goos::php

ZEND_FUNCTION(Goos_recv) {
  zval* chan;
  ZEND_PARSE_PARAMETERS_START(1, 1)
  Z_PARAM_OBJECT_OF_CLASS(chan, goos_chan_ce)
  ZEND_PARSE_PARAMETERS_END();
  goos::php::make_case(return_value, goos::SelectCase::kRecv, chan, nullptr);
}

ZEND_FUNCTION(Goos_send) {
  zval* chan;
  zval* value;
  ZEND_PARSE_PARAMETERS_START(2, 2)
  Z_PARAM_OBJECT_OF_CLASS(chan, goos_chan_ce)
  Z_PARAM_ZVAL(value)
  ZEND_PARSE_PARAMETERS_END();
  goos::php::make_case(return_value, goos::SelectCase::kSend, chan, value);
}

namespace goos::php {
namespace {

// select() proper. False when the wait failed (GOOS_RETURN_WAIT_FAILED) or
// an exception was thrown; its C++ state is gone by the time the caller
// may raise PHP's timeout error.
bool select_impl(HashTable* cases, goos::Deadline deadline, bool block, zval* return_value) {
  const uint32_t n = zend_hash_num_elements(cases);
  std::unique_ptr<Entry[]> entries(new Entry[n]);
  std::vector<goos::SelectCase> core(n);
  uint32_t i = 0;
  zend_ulong index;
  zend_string* name;
  zval* value;
  ZEND_HASH_FOREACH_KEY_VAL(cases, index, name, value) {
    Entry& e = entries[i];
    if (name != nullptr) {
      ZVAL_STR(&e.key, name);
    } else {
      ZVAL_LONG(&e.key, static_cast<zend_long>(index));
    }
    ZVAL_DEREF(value);
    if (Z_TYPE_P(value) == IS_NULL) {
      core[i] = {goos::SelectCase::kRecv, nullptr, nullptr};  // never ready
    } else if (Z_TYPE_P(value) == IS_OBJECT && Z_OBJCE_P(value) == goos_select_case_ce) {
      SelectCaseObject* c = case_of(Z_OBJ_P(value));
      PhpChan& chan = chan_of(Z_OBJ(c->chan));
      if (c->kind == goos::SelectCase::kSend) {
        if (!ChanValue::capture(&c->value, "$value", &e.send)) return false;
        core[i] = {goos::SelectCase::kSend, &chan.raw(), &e.send};
      } else {
        core[i] = {goos::SelectCase::kRecv, &chan.raw(), e.slot.storage()};
      }
    } else {
      zend_argument_type_error(1, "must contain only Goos\\SelectCase or null, %s given",
                               zend_zval_type_name(value));
      return false;
    }
    ++i;
  }
  ZEND_HASH_FOREACH_END();

  // Ready now? (The origin needs no runtime for that.) Then wait, if asked.
  goos::SelectResult result = goos::select(core, goos::kNoDeadline, false);
  if (result.index < 0 && block && deadline > goos::Clock::now()) {
    const WaitOutcome outcome = php_wait(deadline, [&](goos::Deadline d) {
      result = goos::select(core, d, true);
      return result.index >= 0;
    });
    if (outcome == WaitOutcome::kThrown) return false;
  }

  // Zeroed whole: make_selected() copies the value word as well as the type.
  zval key = {};
  zval got = {};
  ZVAL_NULL(&key);
  ZVAL_NULL(&got);
  if (result.index < 0) {
    make_selected(return_value, &key, &got, false);
    return true;
  }
  Entry& chosen = entries[static_cast<std::size_t>(result.index)];
  if (result.send_on_closed) {
    throw_send_on_closed();
    return false;
  }
  if (core[static_cast<std::size_t>(result.index)].kind == goos::SelectCase::kRecv && result.ok) {
    const ChanValue v = chosen.slot.take();
    if (!v.materialize(&got)) return false;
  }
  ZVAL_COPY(&key, &chosen.key);
  make_selected(return_value, &key, &got, result.ok);
  return true;
}

}  // namespace
}  // namespace goos::php

ZEND_FUNCTION(Goos_select) {
  HashTable* cases;
  double timeout = 0;
  bool no_timeout = true;
  bool block = true;
  ZEND_PARSE_PARAMETERS_START(1, 3)
  Z_PARAM_ARRAY_HT(cases)
  Z_PARAM_OPTIONAL
  Z_PARAM_DOUBLE_OR_NULL(timeout, no_timeout)
  Z_PARAM_BOOL(block)
  ZEND_PARSE_PARAMETERS_END();
  goos::Deadline deadline;
  if (!goos::php::deadline_arg(timeout, no_timeout, 2, &deadline)) RETURN_THROWS();
  if (!goos::php::select_impl(cases, deadline, block, return_value)) GOOS_RETURN_WAIT_FAILED();
}

// Never called: the constructors are private; recv(), send() and select()
// make these objects.
ZEND_METHOD(Goos_SelectCase, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }
ZEND_METHOD(Goos_Selected, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }
