// transfer_capture(): a zval of the current interpreter into a Cargo
// (transfer_cargo.h describes the node sequence it writes).
//
// The walk recurses over the value. A failure returns false up the recursion
// with `what` set (the rejected thing); each level on the way up adds its
// piece of the path, so that a capture that succeeds builds no path at all.
#include "php.h"
#include "zend_closures.h"
#include "zend_enum.h"
#include "zend_exceptions.h"
#include "zend_smart_str.h"
// php_var.h declares its functions without BEGIN_EXTERN_C.
extern "C" {
#include "ext/standard/php_var.h"
}
#if PHP_VERSION_ID >= 80400
#include "zend_lazy_objects.h"
#endif
#ifdef ZEND_CHECK_STACK_LIMIT
#include "zend_call_stack.h"
#endif

#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include "code/code.h"
#include "api/native_object.h"
#include "transfer/transfer.h"
#include "transfer/transfer_cargo.h"

namespace goos::php {

void CargoDeleter::operator()(Cargo* cargo) const { delete cargo; }

namespace {

using transfer::Kind;
using transfer::Node;

// The objects met so far in one capture, with their ids. Small captures (the
// common case) stay in the inline array; a bigger one moves to a hash map.
// Every object in here holds a reference, so that one freed by user code that
// runs during the capture (a __serialize() of a nested object, a lazy
// object's initialiser) cannot have its address reused by another object and
// alias it.
class Identity {
 public:
  Identity() = default;
  Identity(const Identity&) = delete;
  Identity& operator=(const Identity&) = delete;
  ~Identity() {
    if (big_ != nullptr) {
      for (auto& [object, id] : *big_) OBJ_RELEASE(object);
      delete big_;
    } else {
      for (std::uint32_t i = 0; i < count_; i++) OBJ_RELEASE(small_[i].object);
    }
  }

  bool find(zend_object* object, std::uint32_t* id) const {
    if (big_ != nullptr) {
      auto it = big_->find(object);
      if (it == big_->end()) return false;
      *id = it->second;
      return true;
    }
    for (std::uint32_t i = 0; i < count_; i++) {
      if (small_[i].object == object) {
        *id = small_[i].id;
        return true;
      }
    }
    return false;
  }

  void add(zend_object* object, std::uint32_t id) {
    GC_ADDREF(object);
    if (big_ == nullptr && count_ < kSmall) {
      small_[count_++] = {object, id};
      return;
    }
    if (big_ == nullptr) {
      big_ = new std::unordered_map<zend_object*, std::uint32_t>();
      for (std::uint32_t i = 0; i < count_; i++) big_->emplace(small_[i].object, small_[i].id);
    }
    big_->emplace(object, id);
  }

 private:
  static constexpr std::uint32_t kSmall = 8;
  struct Entry {
    zend_object* object;
    std::uint32_t id;
  };
  Entry small_[kSmall];
  std::uint32_t count_ = 0;
  std::unordered_map<zend_object*, std::uint32_t>* big_ = nullptr;
};

// Holds a reference to an array while the capture iterates it: user code
// that runs meanwhile (see Identity) then separates the array instead of
// changing or freeing the one being walked.
class ArrayHold {
 public:
  explicit ArrayHold(HashTable* ht) : ht_(ht) { GC_TRY_ADDREF(ht_); }
  ArrayHold(const ArrayHold&) = delete;
  ArrayHold& operator=(const ArrayHold&) = delete;
  ~ArrayHold() { zend_array_release(ht_); }

 private:
  HashTable* ht_;
};

std::string quoted_key(zend_string* key) {
  std::string out = "['";
  out.append(ZSTR_VAL(key), ZSTR_LEN(key));
  out += "']";
  return out;
}

std::string index_key(zend_ulong h) {
  return "[" + std::to_string(static_cast<zend_long>(h)) + "]";
}

// An object's property name for a path: the unmangled name.
std::string property_segment(zend_string* mangled) {
  const char* class_name = nullptr;
  const char* name = nullptr;
  size_t len = 0;
  zend_unmangle_property_name_ex(mangled, &class_name, &name, &len);
  return "->" + std::string(name, len);
}

// Exception and Error (and their subclasses, internal or not) are made by
// create_object only to record where they were made: their state is all in
// declared properties, so they cross as plain objects.
bool exception_like(const zend_class_entry* ce) {
  return ce->create_object == zend_ce_exception->create_object ||
         ce->create_object == zend_ce_error->create_object;
}

// Whether an object of this class, which has internal state, can be rebuilt
// from its serialize() form: it says how (Serializable), or it keeps its
// state in properties and knows to revive from them (__wakeup()).
bool serializable(const zend_class_entry* ce) {
  return ce->serialize != nullptr ||
         zend_hash_str_exists(&ce->function_table, ZEND_STRL("__wakeup"));
}

class Capture {
 public:
  explicit Capture(Cargo* cargo) : cargo_(*cargo) {}

  bool value(zval* zv);

  // After a failure: what was rejected ("" when an exception thrown by PHP
  // code, e.g. a lazy object's initialiser, is the failure), and the path
  // from the root to it, innermost piece first.
  std::string what;
  std::vector<std::string> path;
  // Why, when `what` alone does not say it (code that cannot be found again).
  std::string reason;

 private:
  Node& push(Kind kind) { return cargo_.nodes.push(kind); }
  void push_string(Kind kind, const char* bytes, size_t len) {
    const char* copy = cargo_.bytes.copy(bytes, len);
    Node& node = push(kind);
    node.s = copy;
    node.len = len;
  }
  void push_string(Kind kind, zend_string* str) { push_string(kind, ZSTR_VAL(str), ZSTR_LEN(str)); }
  void push_class(const zend_class_entry* ce) {
    if (ce == nullptr) {
      push(Kind::kNull);
    } else {
      push_string(Kind::kString, ce->name);
    }
  }

  bool fail(std::string rejected) {
    what = std::move(rejected);
    return false;
  }
  bool fail_class(const zend_class_entry* ce) {
    // As a C string: an anonymous class's name ends at its NUL, as in PHP's
    // own messages ("class@anonymous").
    return fail(std::string("object of class ") + ZSTR_VAL(ce->name));
  }

  bool array(HashTable* ht);
  bool object(zend_object* obj);
  bool plain_object(zend_object* obj);
  bool state_object(zend_object* obj);
  bool serialized_object(zend_object* obj);
  bool closure(zend_object* obj);
  bool closure_uses(const zend_function* func, std::uint32_t at);
  bool native(zend_object* obj);

  Cargo& cargo_;
  Identity identity_;
};

bool Capture::value(zval* zv) {
  switch (Z_TYPE_P(zv)) {
    case IS_UNDEF:
      push(Kind::kUndef);
      return true;
    case IS_NULL:
      push(Kind::kNull);
      return true;
    case IS_FALSE:
      push(Kind::kFalse);
      return true;
    case IS_TRUE:
      push(Kind::kTrue);
      return true;
    case IS_LONG:
      push(Kind::kLong).l = Z_LVAL_P(zv);
      return true;
    case IS_DOUBLE:
      push(Kind::kDouble).d = Z_DVAL_P(zv);
      return true;
    case IS_STRING:
      push_string(Kind::kString, Z_STR_P(zv));
      return true;
    case IS_ARRAY:
      return array(Z_ARRVAL_P(zv));
    case IS_OBJECT:
      return object(Z_OBJ_P(zv));
    case IS_REFERENCE:
      // Even with refcount 1: whoever wrote & meant sharing, and sharing
      // between interpreters cannot be had.
      return fail("a reference");
    case IS_RESOURCE: {
      const char* type = zend_rsrc_list_get_rsrc_type(Z_RES_P(zv));
      return fail(std::string("a resource of type ") + (type != nullptr ? type : "Unknown"));
    }
    case IS_INDIRECT:
      // Only in symbol and property tables; followed like PHP follows it.
      return value(Z_INDIRECT_P(zv));
    default:
      return fail("a value of type " + std::to_string(Z_TYPE_P(zv)));
  }
}

bool Capture::array(HashTable* ht) {
  const std::uint32_t count = zend_hash_num_elements(ht);
  const std::uint32_t at = cargo_.nodes.size();
  {
    Node& node = push(Kind::kArray);
    node.n = count;
    node.len = static_cast<std::uint64_t>(ht->nNextFreeElement);
  }
  if (count == 0) return true;
  if (stack_exhausted()) return false;

  ArrayHold hold(ht);
  zend_ulong h;
  zend_string* key;
  zval* element;
  if (HT_IS_PACKED(ht) && HT_IS_WITHOUT_HOLES(ht)) {
    cargo_.nodes[at].flags = transfer::kPackedList;
    zend_ulong index = 0;
    ZEND_HASH_PACKED_FOREACH_VAL(ht, element) {
      if (!value(element)) {
        path.push_back(index_key(index));
        return false;
      }
      index++;
    }
    ZEND_HASH_FOREACH_END();
    return true;
  }
  ZEND_HASH_FOREACH_KEY_VAL(ht, h, key, element) {
    if (Z_TYPE_P(element) == IS_INDIRECT && Z_ISUNDEF_P(Z_INDIRECT_P(element))) {
      // A symbol table's slot of an unset variable: nothing is there.
      cargo_.nodes[at].n--;
      continue;
    }
    if (key != nullptr) {
      push_string(Kind::kKeyString, key);
    } else {
      push(Kind::kKeyLong).l = static_cast<zend_long>(h);
    }
    if (!value(element)) {
      path.push_back(key != nullptr ? quoted_key(key) : index_key(h));
      return false;
    }
  }
  ZEND_HASH_FOREACH_END();
  return true;
}

bool Capture::object(zend_object* obj) {
  zend_class_entry* ce = obj->ce;
  if (ce->ce_flags & ZEND_ACC_ENUM) {
    // A case is a singleton of its enum in every interpreter: it crosses as
    // its name and needs no identity of its own.
    push_string(Kind::kEnum, ce->name);
    push_string(Kind::kString, Z_STR_P(zend_enum_fetch_case_name(obj)));
    return true;
  }
  std::uint32_t id;
  if (identity_.find(obj, &id)) {
    push(Kind::kObjectRef).x = id;
    return true;
  }
  if (ce == zend_ce_closure) return closure(obj);
  if (native_class_is(ce)) return native(obj);
  // Anonymous classes are not serialisable, having no name to find them by
  // in unserialize(); here they are looked up by their generated name.
  if ((ce->ce_flags & ZEND_ACC_NOT_SERIALIZABLE) && !(ce->ce_flags & ZEND_ACC_ANON_CLASS)) {
    return fail_class(ce);
  }
  // A class whose objects are made by create_object (inherited from an
  // internal ancestor) keeps state outside its properties: only its own
  // serialisation can carry that.
  if (ce->create_object == nullptr || exception_like(ce)) return plain_object(obj);
  // Its state as __serialize() gives it, transferred by these rules (so a
  // reference or a resource inside is rejected, and an object inside keeps
  // its identity), and __unserialize() on arrival: unserialize()'s way.
  if (ce->__serialize != nullptr && ce->__unserialize != nullptr) return state_object(obj);
  if (serializable(ce)) return serialized_object(obj);
  return fail_class(ce);
}

bool Capture::plain_object(zend_object* obj) {
#if PHP_VERSION_ID >= 80400
  if (zend_object_is_lazy(obj)) {
    // As serialize() does: the object is realised first. A proxy crosses as
    // its real instance, which its two paths then share.
    zend_object* real = zend_lazy_object_init(obj);
    if (real == nullptr) return false;  // the initialiser threw
    if (real != obj) {
      if (!object(real)) return false;
      std::uint32_t id;
      if (identity_.find(real, &id)) identity_.add(obj, id);
      return true;
    }
  }
#endif
  if (stack_exhausted()) return false;
  zend_class_entry* ce = obj->ce;
  const std::uint32_t id = cargo_.objects++;
  identity_.add(obj, id);
  {
    const char* name = cargo_.bytes.copy(ZSTR_VAL(ce->name), ZSTR_LEN(ce->name));
    Node& node = push(Kind::kObject);
    node.s = name;
    node.len = ZSTR_LEN(ce->name);
    node.n = static_cast<std::uint32_t>(ce->default_properties_count);
    node.x = id;
  }

  // Declared properties, by slot: the parents' private ones included, each
  // slot written back raw in the receiver (no visibility, readonly or type
  // check to pass: the value held here already passed them).
  for (int i = 0; i < ce->default_properties_count; i++) {
    const zend_property_info* info = ce->properties_info_table[i];
    if (info == nullptr) {
      push(Kind::kSlot);  // a dead slot, left behind by inheritance
    } else {
      push_string(Kind::kSlot, info->name);
    }
    zval* slot = OBJ_PROP_NUM(obj, i);
    if (Z_ISUNDEF_P(slot) || info == nullptr) {
      // Uninitialised (typed, never set) or unset(): IS_PROP_UNINIT tells
      // which, and decides whether __get() runs on a read.
      push(Kind::kUndef).flags = static_cast<std::uint8_t>(Z_PROP_FLAG_P(slot) & IS_PROP_UNINIT);
      continue;
    }
    if (!value(slot)) {
      path.push_back(property_segment(info->name));
      return false;
    }
  }

  // Dynamic properties: obj->properties holds them next to IS_INDIRECT
  // entries that point into the slots (already taken above).
  const std::uint32_t at = cargo_.nodes.size();
  push(Kind::kProps);
  HashTable* properties = obj->properties;
  if (properties == nullptr) return true;
  ArrayHold hold(properties);
  std::uint32_t count = 0;
  zend_ulong h;
  zend_string* key;
  zval* property;
  ZEND_HASH_FOREACH_KEY_VAL(properties, h, key, property) {
    if (Z_TYPE_P(property) == IS_INDIRECT) continue;
    count++;
    if (key != nullptr) {
      push_string(Kind::kKeyString, key);
    } else {
      push(Kind::kKeyLong).l = static_cast<zend_long>(h);
    }
    if (!value(property)) {
      path.push_back(key != nullptr ? "->" + std::string(ZSTR_VAL(key), ZSTR_LEN(key))
                                    : "->" + std::to_string(static_cast<zend_long>(h)));
      return false;
    }
  }
  ZEND_HASH_FOREACH_END();
  cargo_.nodes[at].n = count;
  return true;
}

bool Capture::state_object(zend_object* obj) {
  zend_class_entry* ce = obj->ce;
  const std::uint32_t id = cargo_.objects++;
  identity_.add(obj, id);
  zval state;
  zend_call_known_instance_method_with_0_params(ce->__serialize, obj, &state);
  if (EG(exception) != nullptr) {
    zval_ptr_dtor(&state);
    return fail_class(ce);
  }
  if (Z_TYPE(state) != IS_ARRAY) {
    zval_ptr_dtor(&state);
    zend_type_error("%s::__serialize() must return an array", ZSTR_VAL(ce->name));
    return fail_class(ce);
  }
  {
    const char* name = cargo_.bytes.copy(ZSTR_VAL(ce->name), ZSTR_LEN(ce->name));
    Node& node = push(Kind::kState);
    node.s = name;
    node.len = ZSTR_LEN(ce->name);
    node.x = id;
  }
  // Objects met inside stay referenced by identity_ after `state` goes, so
  // their addresses cannot be reused during this capture.
  const bool ok = array(Z_ARRVAL(state));
  zval_ptr_dtor(&state);
  if (!ok) {
    // The pieces of path inside the state name the class's private layout,
    // not anything the user wrote: the path stops at the object.
    path.clear();
  }
  return ok;
}

bool Capture::serialized_object(zend_object* obj) {
  const std::uint32_t id = cargo_.objects++;
  identity_.add(obj, id);
  zval zv;
  ZVAL_OBJ(&zv, obj);
  smart_str buf = {};
  php_serialize_data_t vars;
  PHP_VAR_SERIALIZE_INIT(vars);
  php_var_serialize(&buf, &zv, &vars);
  PHP_VAR_SERIALIZE_DESTROY(vars);
  if (EG(exception) != nullptr || buf.s == nullptr) {
    // Something inside could not be serialised ("Serialization of 'PDO' is
    // not allowed"): that exception becomes the TransferError's previous.
    smart_str_free(&buf);
    return fail_class(obj->ce);
  }
  {
    const char* bytes = cargo_.bytes.copy(ZSTR_VAL(buf.s), ZSTR_LEN(buf.s));
    Node& node = push(Kind::kSerialized);
    node.s = bytes;
    node.len = ZSTR_LEN(buf.s);
    node.x = id;
  }
  smart_str_free(&buf);
  push_string(Kind::kString, obj->ce->name);
  return true;
}

// The same native object, shared: no PHP state of the sender goes along.
bool Capture::native(zend_object* obj) {
  const std::uint32_t id = cargo_.objects++;
  identity_.add(obj, id);
  cargo_.natives.emplace_back(obj->ce, native_object(obj)->native);
  Node& node = push(Kind::kNative);
  node.x = id;
  node.u = cargo_.natives.size() - 1;
  return true;
}

bool Capture::closure(zend_object* obj) {
  zend_class_entry* called_scope = nullptr;
  zend_function* func = nullptr;
  zend_object* this_obj = nullptr;
  if (obj->handlers->get_closure(obj, &called_scope, &func, &this_obj, true) != SUCCESS) {
    return fail_class(obj->ce);
  }
  const std::uint32_t id = cargo_.objects++;
  identity_.add(obj, id);
  const std::uint32_t at = cargo_.nodes.size();
  push(Kind::kClosure).x = id;

  std::uint8_t flags = 0;
  if (func->common.fn_flags & ZEND_ACC_FAKE_CLOSURE) flags |= transfer::kFake;
  zend_class_entry* scope = func->common.scope;
  HashTable* functions = scope != nullptr ? &scope->function_table : EG(function_table);
  if (func->type == ZEND_INTERNAL_FUNCTION) {
    // Internal code crosses by name. A closure's copy of an internal
    // function shares the original's arg_info; a __call()/__callStatic()
    // trampoline's (`$obj->undefined(...)`) does not, and its name may even
    // be an inaccessible real method's, which must not be called instead.
    flags |= transfer::kInternal;
    auto* original = static_cast<zend_function*>(transfer::find_ptr_lc(
        functions, ZSTR_VAL(func->common.function_name), ZSTR_LEN(func->common.function_name)));
    if (original == nullptr || original->type != ZEND_INTERNAL_FUNCTION ||
        original->common.arg_info != func->common.arg_info) {
      return fail("a closure of a magic method call");
    }
  } else {
    // User code crosses as its FunctionKey. For a first-class callable the
    // closure holds a copy of the named function: the key is the function's.
    const zend_function* code = func;
    if (flags & transfer::kFake) {
      auto* original = static_cast<zend_function*>(transfer::find_ptr_lc(
          functions, ZSTR_VAL(func->common.function_name), ZSTR_LEN(func->common.function_name)));
      if (original != nullptr && original->type == ZEND_USER_FUNCTION &&
          original->op_array.opcodes == func->op_array.opcodes) {
        code = original;
      }
    }
    std::uint32_t index;
    FunctionKey& key = cargo_.add_key(&index);
    std::string why;
    if (!code_function_key(code, &key, &why)) {
      // "$fn: a closure cannot cross to another thread (it was declared in
      // eval()'d code)"
      reason = std::move(why);
      if (!(flags & transfer::kFake)) return fail("a closure");
      if (scope == nullptr)
        return fail(std::string("function ") + ZSTR_VAL(func->common.function_name) + "()");
      return fail(std::string("method ") + ZSTR_VAL(scope->name) +
                  "::" + ZSTR_VAL(func->common.function_name) + "()");
    }
    cargo_.nodes[at].u = index;
  }
  cargo_.nodes[at].flags = flags;

  push_class(scope);
  push_class(called_scope);
  if (flags & transfer::kInternal) push_string(Kind::kString, func->common.function_name);
  if (this_obj != nullptr) {
    cargo_.nodes[at].flags |= transfer::kHasThis;
    if (!object(this_obj)) {
      path.push_back(" ($this)");
      return false;
    }
  }
  // A first-class callable's static variables are its function's; a real
  // closure's hold its `use` variables.
  if (func->type == ZEND_USER_FUNCTION && !(flags & transfer::kFake)) {
    return closure_uses(func, at);
  }
  return true;
}

// The `use` variables of a closure, found as ReflectionFunction::
// getClosureUsedVariables() finds them: the closure's prologue (after its
// RECV opcodes) binds each one from its static variables with a
// ZEND_BIND_STATIC flagged ZEND_BIND_EXPLICIT (`use`) or ZEND_BIND_IMPLICIT
// (an arrow function's capture), whose extended_value holds the byte offset
// of the variable's bucket and ZEND_BIND_REF for a by-reference `use`. The
// optimizer keeps these opcodes (dce.c treats them as the prologue). The
// closure's other static variables (`static $n`) are not transferred: static
// variables are per interpreter, and the goroutine's closure starts with them
// as declared.
bool Capture::closure_uses(const zend_function* func, std::uint32_t at) {
  const zend_op_array& ops = func->op_array;
  if (ops.static_variables == nullptr) return true;
  auto* statics = static_cast<HashTable*>(ZEND_MAP_PTR_GET(ops.static_variables_ptr));
  if (statics == nullptr) return true;
  const zend_op* op = ops.opcodes + ops.num_args + ((ops.fn_flags & ZEND_ACC_VARIADIC) ? 1 : 0);
  std::uint32_t count = 0;
  for (; op->opcode == ZEND_BIND_STATIC; op++) {
    if (!(op->extended_value & (ZEND_BIND_IMPLICIT | ZEND_BIND_EXPLICIT))) continue;
    const std::uint32_t offset =
        op->extended_value & ~(ZEND_BIND_REF | ZEND_BIND_IMPLICIT | ZEND_BIND_EXPLICIT);
    Bucket* bucket = reinterpret_cast<Bucket*>(reinterpret_cast<char*>(statics->arData) + offset);
    push_string(Kind::kUse, bucket->key);
    cargo_.nodes[cargo_.nodes.size() - 1].n = offset / sizeof(Bucket);
    count++;
    zval* variable = &bucket->val;
    bool ok;
    if ((op->extended_value & ZEND_BIND_REF) || Z_ISREF_P(variable)) {
      ok = fail("a reference");
    } else {
      // IS_UNDEF too: an arrow function's capture of a variable that was
      // not set.
      ok = value(variable);
    }
    if (!ok) {
      path.push_back(" (use $" + std::string(ZSTR_VAL(bucket->key), ZSTR_LEN(bucket->key)) + ")");
      return false;
    }
  }
  cargo_.nodes[at].n = count;
  return true;
}

}  // namespace

namespace {

// `call`: `value` is the array [callable, arguments] of transfer_capture_call,
// whose two elements are named $fn and $args in messages, not [0] and [1].
CargoPtr capture_root(zval* value, const std::string& path, bool call) {
  std::string what;
  std::string reason;
  std::vector<std::string> pieces;
  try {
    CargoPtr cargo(new Cargo);
    {
      Capture capture(cargo.get());
      if (capture.value(value)) return cargo;
      what = std::move(capture.what);
      reason = std::move(capture.reason);
      pieces = std::move(capture.path);
      // The capture's references to objects go here, before anything is
      // thrown: releasing one may run a destructor.
    }
  } catch (const std::bad_alloc&) {
    zend_throw_error(nullptr, "Out of memory while copying %s to another thread", path.c_str());
    return nullptr;
  }
  if (what.empty()) return nullptr;  // PHP code threw; that exception stands
  zend_object* pending = EG(exception);
  if (pending != nullptr && (zend_is_unwind_exit(pending) || zend_is_graceful_exit(pending))) {
    return nullptr;  // exit() in PHP code the capture ran: let it unwind
  }
  std::string message = path;
  auto it = pieces.rbegin();
  if (call && it != pieces.rend()) {
    message = *it == "[0]" ? "$fn" : "$args";
    ++it;
  }
  for (; it != pieces.rend(); ++it) message += *it;
  message += ": ";
  message += what;
  message += " cannot cross to another thread";
  if (!reason.empty()) message += " (" + reason + ")";
  // A pending exception (from a serialisation) becomes the previous one.
  zend_throw_exception(transfer_error_ce, message.c_str(), 0);
  return nullptr;
}

}  // namespace

CargoPtr transfer_capture(zval* value, const std::string& path) {
  return capture_root(value, path, false);
}

CargoPtr transfer_capture_call(zval* fn, zval* args) {
  zval pair;
  array_init_size(&pair, 2);
  Z_TRY_ADDREF_P(fn);
  zend_hash_next_index_insert(Z_ARRVAL(pair), fn);
  Z_TRY_ADDREF_P(args);
  zend_hash_next_index_insert(Z_ARRVAL(pair), args);
  CargoPtr cargo = capture_root(&pair, "", true);
  zval_ptr_dtor(&pair);
  return cargo;
}

}  // namespace goos::php
