// transfer_materialize(): a Cargo into a zval of the current interpreter
// (transfer_cargo.h describes the node sequence it reads).
//
// The build reads the nodes in order with one cursor. Every builder leaves
// its `out` a valid zval even when it fails, so that a failure anywhere only
// has to destroy the root.
#include "php.h"
#include "zend_closures.h"
#include "zend_enum.h"
#include "zend_exceptions.h"
// php_var.h declares its functions without BEGIN_EXTERN_C.
extern "C" {
#include "ext/standard/php_var.h"
}
#ifdef ZEND_CHECK_STACK_LIMIT
#include "zend_call_stack.h"
#endif

#include <cstring>
#include <new>
#include <vector>

#include "code/code.h"
#include "api/native_object.h"
#include "transfer/transfer.h"
#include "transfer/transfer_cargo.h"

namespace goos::php {

namespace {

using transfer::Kind;
using transfer::Node;

// The class named `name` here. The loaded-and-linked case is a hash lookup
// with no allocation; otherwise zend_lookup_class(), which may autoload.
zend_class_entry* find_class(const char* name, size_t len) {
  auto* ce = static_cast<zend_class_entry*>(transfer::find_ptr_lc(EG(class_table), name, len));
  if (ce != nullptr && (ce->ce_flags & ZEND_ACC_LINKED)) return ce;
  zend_string* str = zend_string_init(name, len, 0);
  ce = zend_lookup_class(str);
  zend_string_release(str);
  if (ce == nullptr && EG(exception) == nullptr) {
    zend_throw_error(nullptr, "Class \"%s\" not found", name);
  }
  return ce;
}

bool differs(const char* name) {
  zend_throw_exception_ex(transfer_error_ce, 0,
                          "Class \"%s\" is declared differently in this thread than where the "
                          "object comes from",
                          name);
  return false;
}

class Build {
 public:
  explicit Build(const Cargo& cargo) : cargo_(cargo), nodes_(cargo.nodes) {
    if (cargo.objects > kSmall) {
      big_.assign(cargo.objects, nullptr);
      table_ = big_.data();
    } else {
      for (auto& entry : small_) entry = nullptr;
    }
  }

  bool value(zval* out);

  // After a failure: the objects this build made without a constructor are
  // about to be freed half-filled; they must not see __destruct() either.
  void abandon() {
    for (std::uint32_t i = 0; i < nodes_.size(); i++) {
      const Node& node = nodes_[i];
      if ((node.kind == Kind::kObject || node.kind == Kind::kState) && table_[node.x] != nullptr) {
        GC_ADD_FLAGS(table_[node.x], IS_OBJ_DESTRUCTOR_CALLED);
      }
    }
  }

 private:
  static constexpr std::uint32_t kSmall = 8;

  const Node& next() { return nodes_[at_++]; }
  // A class from a kString node, or none from a kNull one.
  bool optional_class(zend_class_entry** ce) {
    const Node& node = next();
    *ce = nullptr;
    if (node.kind == Kind::kNull) return true;
    *ce = find_class(node.s, node.len);
    return *ce != nullptr;
  }

  static void string(zval* out, const Node& node) {
    if (node.len == 0) {
      ZVAL_EMPTY_STRING(out);
    } else if (node.len == 1) {
      ZVAL_CHAR(out, static_cast<unsigned char>(node.s[0]));
    } else {
      ZVAL_STR(out, zend_string_init(node.s, node.len, 0));
    }
  }

  bool array(zval* out, const Node& node);
  bool object_begin(zval* out, const Node& node);
  bool object_fill(zend_object* obj, const Node& node);
  bool properties(zend_object* obj);
  bool enum_case(zval* out, const Node& node);
  bool state(zval* out, const Node& node);
  bool serialized(zval* out, const Node& node);
  bool closure(zval* out, const Node& node);
  bool closure_uses(zval* closure, const Node& node);

  const Cargo& cargo_;
  const transfer::NodeVec& nodes_;
  std::uint32_t at_ = 0;
  zend_object* small_[kSmall];
  zend_object** table_ = small_;
  std::vector<zend_object*> big_;
};

bool Build::value(zval* out) {
  const Node& node = next();
  switch (node.kind) {
    case Kind::kUndef:
      ZVAL_UNDEF(out);
      return true;
    case Kind::kNull:
      ZVAL_NULL(out);
      return true;
    case Kind::kFalse:
      ZVAL_FALSE(out);
      return true;
    case Kind::kTrue:
      ZVAL_TRUE(out);
      return true;
    case Kind::kLong:
      ZVAL_LONG(out, node.l);
      return true;
    case Kind::kDouble:
      ZVAL_DOUBLE(out, node.d);
      return true;
    case Kind::kString:
      string(out, node);
      return true;
    case Kind::kArray:
      return array(out, node);
    case Kind::kObject:
      return object_begin(out, node) && object_fill(Z_OBJ_P(out), node);
    case Kind::kObjectRef: {
      zend_object* obj = table_[node.x];
      if (obj == nullptr) {
        // Only a cycle that runs through a closure's $this back to the
        // closure before it exists can get here.
        ZVAL_NULL(out);
        zend_throw_exception(transfer_error_ce,
                             "A closure bound to an object that holds it through its "
                             "own $this cannot be rebuilt in this thread",
                             0);
        return false;
      }
      ZVAL_OBJ_COPY(out, obj);
      return true;
    }
    case Kind::kEnum:
      return enum_case(out, node);
    case Kind::kState:
      return state(out, node);
    case Kind::kSerialized:
      return serialized(out, node);
    case Kind::kClosure:
      return closure(out, node);
    case Kind::kNative: {
      const auto& [ce, native] = cargo_.natives[node.u];
      native_wrap(out, ce, native);
      table_[node.x] = Z_OBJ_P(out);
      return true;
    }
    default:
      ZVAL_NULL(out);
      zend_throw_error(nullptr, "goos: corrupt transfer cargo");
      return false;
  }
}

bool Build::array(zval* out, const Node& node) {
  const auto next_free = static_cast<zend_long>(node.len);
  if (node.n == 0) {
    if (next_free == ZEND_LONG_MIN) {
      ZVAL_EMPTY_ARRAY(out);
    } else {
      array_init(out);
      Z_ARRVAL_P(out)->nNextFreeElement = next_free;
    }
    return true;
  }
  array_init_size(out, node.n);
  if (stack_exhausted()) return false;
  HashTable* ht = Z_ARRVAL_P(out);
  bool ok = true;
  if (node.flags & transfer::kPackedList) {
    zend_hash_real_init_packed(ht);
    // array_init_size() made room for n: the fill never grows the table.
    ZEND_HASH_FILL_PACKED(ht) {
      for (std::uint32_t i = 0; i < node.n; i++) {
        ok = value(__fill_val);
        ZEND_HASH_FILL_NEXT();
        if (!ok) break;
      }
    }
    ZEND_HASH_FILL_END();
  } else {
    zend_hash_real_init_mixed(ht);
    for (std::uint32_t i = 0; i < node.n && ok; i++) {
      const Node& key = next();
      zval element;
      ok = value(&element);
      if (key.kind == Kind::kKeyString) {
        zend_hash_str_add_new(ht, key.s, key.len, &element);
      } else {
        zend_hash_index_add_new(ht, static_cast<zend_ulong>(key.l), &element);
      }
    }
  }
  ht->nNextFreeElement = next_free;
  return ok;
}

bool Build::object_begin(zval* out, const Node& node) {
  zend_class_entry* ce = find_class(node.s, node.len);
  if (ce == nullptr) {
    ZVAL_NULL(out);
    return false;
  }
  // The same class: no create_object (or Exception's, which only records
  // where it was made: the slots written below replace that) and the same
  // number of slots; each slot's name is checked as it is filled.
  const bool plain = ce->create_object == nullptr ||
                     ce->create_object == zend_ce_exception->create_object ||
                     ce->create_object == zend_ce_error->create_object;
  if (!plain || ce->default_properties_count != static_cast<int>(node.n) ||
      (ce->ce_flags & (ZEND_ACC_INTERFACE | ZEND_ACC_TRAIT | ZEND_ACC_ENUM |
                       ZEND_ACC_IMPLICIT_ABSTRACT_CLASS | ZEND_ACC_EXPLICIT_ABSTRACT_CLASS))) {
    ZVAL_NULL(out);
    return differs(node.s);
  }
  // No constructor: the object is a copy of one that was constructed.
  if (object_init_ex(out, ce) != SUCCESS) {
    ZVAL_NULL(out);
    return false;
  }
  table_[node.x] = Z_OBJ_P(out);
  return true;
}

bool Build::object_fill(zend_object* obj, const Node& node) {
  zend_class_entry* ce = obj->ce;
  if (node.n != 0 && stack_exhausted()) return false;
  for (std::uint32_t i = 0; i < node.n; i++) {
    const Node& name = next();
    const zend_property_info* info = ce->properties_info_table[i];
    const bool same = info == nullptr
                          ? name.len == 0
                          : ZSTR_LEN(info->name) == name.len &&
                                std::memcmp(ZSTR_VAL(info->name), name.s, name.len) == 0;
    if (!same) return differs(ZSTR_VAL(ce->name));
    zval* slot = OBJ_PROP_NUM(obj, i);
    zval property;
    const bool ok = value(&property);
    // Raw, as unserialize() writes slots: the value passed this property's
    // visibility, readonly and type rules where it was set.
    zval_ptr_dtor(slot);
    ZVAL_COPY_VALUE(slot, &property);
    Z_PROP_FLAG_P(slot) = Z_ISUNDEF_P(slot) ? nodes_[at_ - 1].flags : 0;
    if (!ok) return false;
  }
  return properties(obj);
}

bool Build::properties(zend_object* obj) {
  const Node& node = next();
  if (node.n == 0) return true;
  HashTable* table = zend_std_get_properties(obj);
  for (std::uint32_t i = 0; i < node.n; i++) {
    const Node& key = next();
    zval property;
    const bool ok = value(&property);
    if (key.kind == Kind::kKeyString) {
      zend_hash_str_update(table, key.s, key.len, &property);
    } else {
      zend_hash_index_update(table, static_cast<zend_ulong>(key.l), &property);
    }
    if (!ok) return false;
  }
  return true;
}

bool Build::enum_case(zval* out, const Node& node) {
  const Node& name = next();
  ZVAL_NULL(out);
  zend_class_entry* ce = find_class(node.s, node.len);
  if (ce == nullptr) return false;
  if (!(ce->ce_flags & ZEND_ACC_ENUM)) return differs(node.s);
  auto* constant = static_cast<zend_class_constant*>(
      zend_hash_str_find_ptr(CE_CONSTANTS_TABLE(ce), name.s, name.len));
  if (constant == nullptr || !(ZEND_CLASS_CONST_FLAGS(constant) & ZEND_CLASS_CONST_IS_CASE)) {
    zend_throw_exception_ex(transfer_error_ce, 0, "Enum case %s::%s is not declared in this thread",
                            node.s, name.s);
    return false;
  }
  // The arena keeps names NUL-terminated, as the _cstr lookup wants.
  ZVAL_OBJ_COPY(out, zend_enum_get_case_cstr(ce, name.s));
  return true;
}

bool Build::state(zval* out, const Node& node) {
  zend_class_entry* ce = find_class(node.s, node.len);
  if (ce == nullptr) {
    ZVAL_NULL(out);
    return false;
  }
  if (ce->__unserialize == nullptr) {
    ZVAL_NULL(out);
    return differs(node.s);
  }
  // As unserialize() does: the object made without a constructor, then
  // given its state. It is registered first, so the state may hold it.
  if (object_init_ex(out, ce) != SUCCESS) {
    ZVAL_NULL(out);
    return false;
  }
  zend_object* obj = Z_OBJ_P(out);
  table_[node.x] = obj;
  zval data;
  const bool ok = value(&data);
  if (ok) zend_call_known_instance_method_with_1_params(ce->__unserialize, obj, nullptr, &data);
  zval_ptr_dtor(&data);
  return ok && EG(exception) == nullptr;
}

bool Build::serialized(zval* out, const Node& node) {
  const Node& class_name = next();
  ZVAL_NULL(out);
  // Looked up first so that a missing class fails here rather than turning
  // into a __PHP_Incomplete_Class.
  if (find_class(class_name.s, class_name.len) == nullptr) return false;
  php_unserialize_data_t vars;
  PHP_VAR_UNSERIALIZE_INIT(vars);
  // The result lives in `vars` until it is destroyed, which runs the
  // delayed __unserialize()/__wakeup() calls: as unserialize() does.
  zval* result = var_tmp_var(&vars);
  const auto* p = reinterpret_cast<const unsigned char*>(node.s);
  const bool ok = php_var_unserialize(result, &p, p + node.len, &vars);
  if (ok) ZVAL_COPY(out, result);
  PHP_VAR_UNSERIALIZE_DESTROY(vars);
  if (ok && EG(exception) == nullptr && Z_TYPE_P(out) == IS_OBJECT) {
    table_[node.x] = Z_OBJ_P(out);
    return true;
  }
  zval_ptr_dtor(out);
  ZVAL_NULL(out);
  if (EG(exception) == nullptr) {
    zend_throw_exception_ex(transfer_error_ce, 0,
                            "An object of class %s could not be rebuilt from its serialization",
                            class_name.s);
  }
  return false;
}

bool Build::closure(zval* out, const Node& node) {
  ZVAL_NULL(out);
  zend_class_entry* scope;
  zend_class_entry* called_scope;
  if (!optional_class(&scope) || !optional_class(&called_scope)) return false;

  zend_function* func;
  if (node.flags & transfer::kInternal) {
    const Node& name = next();
    HashTable* functions = scope != nullptr ? &scope->function_table : EG(function_table);
    func = static_cast<zend_function*>(transfer::find_ptr_lc(functions, name.s, name.len));
    if (func == nullptr || func->type != ZEND_INTERNAL_FUNCTION) {
      zend_throw_exception_ex(transfer_error_ce, 0, "%s%s%s() is not defined in this thread",
                              scope != nullptr ? ZSTR_VAL(scope->name) : "",
                              scope != nullptr ? "::" : "", name.s);
      return false;
    }
  } else {
    const FunctionKey& key = cargo_.key(node.u);
    func = code_find_function(key);
    if (func == nullptr) {
      if (EG(exception) == nullptr) {
        if (key.closure) {
          zend_throw_exception_ex(transfer_error_ce, 0,
                                  "The closure defined in %s on line %u is not known in this "
                                  "thread",
                                  key.file.c_str(), key.line_start);
        } else {
          zend_throw_exception_ex(transfer_error_ce, 0, "%s%s%s() is not defined in this thread",
                                  key.scope.c_str(),
                                  key.scope.empty() ? "" : "::", key.name.c_str());
        }
      }
      return false;
    }
  }

  // $this before the closure; but an object $this is only made here, and
  // filled once the closure exists and is registered, so that $this's
  // properties may hold the closure itself ($this->handler = fn() => ...).
  zval this_zv;
  ZVAL_UNDEF(&this_zv);
  const Node* this_node = nullptr;
  if (node.flags & transfer::kHasThis) {
    const Node& first = nodes_[at_];
    if (first.kind == Kind::kObject) {
      at_++;
      this_node = &first;
      if (!object_begin(&this_zv, first)) return false;
    } else if (!value(&this_zv)) {
      zval_ptr_dtor(&this_zv);
      return false;
    }
  }
  zval* this_ptr = Z_ISUNDEF(this_zv) ? nullptr : &this_zv;
  if (node.flags & transfer::kFake) {
    zend_create_fake_closure(out, func, scope, called_scope, this_ptr);
  } else {
    zend_create_closure(out, func, scope, called_scope, this_ptr);
  }
  table_[node.x] = Z_OBJ_P(out);
  bool ok = true;
  if (this_node != nullptr) ok = object_fill(Z_OBJ(this_zv), *this_node);
  zval_ptr_dtor(&this_zv);
  return ok && closure_uses(out, node);
}

// The `use` variables go into the new closure's own static variables (a copy
// zend_create_closure() made of its code's), at the bucket the sender found
// each in, as ZEND_BIND_LEXICAL would put them (zend_closure_bind_var_ex(),
// which PHP does not export). The bucket's name is checked, and looked up
// by name when the tables differ.
bool Build::closure_uses(zval* closure, const Node& node) {
  if (node.n == 0) return true;
  zend_class_entry* called_scope;
  zend_function* func;
  zend_object* this_obj;
  zend_object* obj = Z_OBJ_P(closure);
  obj->handlers->get_closure(obj, &called_scope, &func, &this_obj, true);
  HashTable* statics =
      func->type == ZEND_USER_FUNCTION && func->op_array.static_variables != nullptr
          ? static_cast<HashTable*>(ZEND_MAP_PTR_GET(func->op_array.static_variables_ptr))
          : nullptr;
  for (std::uint32_t i = 0; i < node.n; i++) {
    const Node& use = next();
    zval variable;
    const bool ok = value(&variable);
    zval* slot = nullptr;
    if (statics != nullptr) {
      if (use.n < statics->nNumUsed) {
        Bucket* bucket = statics->arData + use.n;
        if (bucket->key != nullptr && ZSTR_LEN(bucket->key) == use.len &&
            std::memcmp(ZSTR_VAL(bucket->key), use.s, use.len) == 0) {
          slot = &bucket->val;
        }
      }
      if (slot == nullptr) slot = zend_hash_str_find(statics, use.s, use.len);
    }
    if (slot == nullptr) {
      zval_ptr_dtor(&variable);
      if (!ok) return false;
      zend_throw_exception_ex(transfer_error_ce, 0,
                              "The closure's variable $%s is not declared in this thread", use.s);
      return false;
    }
    zval_ptr_dtor(slot);
    ZVAL_COPY_VALUE(slot, &variable);
    if (!ok) return false;
  }
  return true;
}

}  // namespace

namespace {

// A worker materialises a task before any PHP frame exists. Without a frame,
// PHP treats an exception thrown there (by __unserialize(), an autoloader,
// or this file) as uncaught at once: it reports it and bails out, longjmp-ing
// over the half-built value. A frame of an internal function for the
// duration keeps the exception pending, as the contract says. With no
// previous frame and no ZEND_CALL_TOP_FUNCTION flag, backtraces leave it out.
class FrameForExceptions {
 public:
  FrameForExceptions() {
    if (EG(current_execute_data) == nullptr) {
      std::memset(static_cast<void*>(&frame_), 0, sizeof frame_);
      frame_.func = reinterpret_cast<zend_function*>(&transfer_frame_function);
      EG(current_execute_data) = &frame_;
      installed_ = true;
    }
  }
  FrameForExceptions(const FrameForExceptions&) = delete;
  FrameForExceptions& operator=(const FrameForExceptions&) = delete;
  ~FrameForExceptions() {
    if (installed_) EG(current_execute_data) = nullptr;
  }

 private:
  zend_execute_data frame_;
  bool installed_ = false;
};

}  // namespace

// Internal from the start (a zeroed type would count as user code); named
// by transfer_minit().
zend_internal_function transfer_frame_function = [] {
  zend_internal_function function;
  std::memset(static_cast<void*>(&function), 0, sizeof function);
  function.type = ZEND_INTERNAL_FUNCTION;
  return function;
}();

bool transfer_materialize(const Cargo& cargo, zval* out) {
  FrameForExceptions frame;
  try {
    Build build(cargo);
    if (build.value(out)) return true;
    build.abandon();
  } catch (const std::bad_alloc&) {
    ZVAL_NULL(out);
    zend_throw_error(nullptr, "Out of memory while copying a value from another thread");
    return false;
  }
  zval_ptr_dtor(out);
  ZVAL_NULL(out);
  return false;
}

}  // namespace goos::php
