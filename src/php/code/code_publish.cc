// code_publish(): what the calling interpreter loaded, into the registry.
//
// The interpreter's tables only grow during a request, and a Zend hash table
// appends: entries added since the last publish are those at positions
// [snapshot, nNumUsed). So the common case -- nothing loaded since the last
// go() -- is a handful of integer compares, and otherwise only the new
// entries are looked at. (A table compacted by a rehash after deletions would
// have nNumUsed below the snapshot; then it is scanned again from the start.
// PHP deletes from these tables only on failure paths.)
//
// What is recorded:
//  - every file in EG(included_files), in order. The CLI adds the main script
//    there (php_execute_script, before compiling it); `php -r` code and
//    standard input are no file and are not there;
//  - every user function and class that was declared from a file in
//    EG(included_files) (not eval()'d code, not `php -r` code), with its
//    declaring file and line: the worker binds, from its own compile of that
//    file, those that compiling did not declare. Class aliases too;
//  - every user constant (define(), top-level const), with its value;
//  - every autoloader not published before.
// Anonymous classes are not recorded: their names embed a per-interpreter
// counter, so no other interpreter can name them.
#include "code/code_internal.h"

#include <algorithm>

#include "zend_constants.h"
#include "zend_exceptions.h"

namespace goos::php::code {
namespace {

bool has_nul(const zend_string* s) {
  return std::memchr(ZSTR_VAL(s), '\0', ZSTR_LEN(s)) != nullptr;
}

bool is_rtd_key(const zend_string* key) { return ZSTR_LEN(key) > 0 && ZSTR_VAL(key)[0] == '\0'; }

// Whether the class_table slots that held a runtime-definition key still do.
bool unbound_unchanged(const PublishSnapshot& s) {
  HashTable* ct = EG(class_table);
  for (std::uint32_t slot : s.unbound_classes) {
    if (slot >= ct->nNumUsed) return false;
    Bucket* p = ct->arData + slot;
    if (Z_TYPE(p->val) == IS_UNDEF || !p->key || !is_rtd_key(p->key)) return false;
  }
  return true;
}

bool unchanged(const PublishSnapshot& s) {
  return EG(included_files).nNumUsed == s.files && EG(function_table)->nNumUsed == s.functions &&
         EG(class_table)->nNumUsed == s.classes && EG(zend_constants)->nNumUsed == s.constants &&
         autoload_generation() == s.autoload_generation && unbound_unchanged(s);
}

std::unique_ptr<Event> make_event(EventKind kind, std::string name, std::string file = {},
                                  std::uint32_t line = 0) {
  auto event = std::make_unique<Event>();
  event->kind = kind;
  event->name = std::move(name);
  event->file = std::move(file);
  event->line = line;
  return event;
}

// The first position to scan in a table whose last scan ended at `from`.
std::uint32_t scan_start(const HashTable* ht, std::uint32_t from) {
  return ht->nNumUsed < from ? 0 : from;
}

bool from_included_file(const zend_string* filename) {
  return filename && zend_hash_exists(&EG(included_files), const_cast<zend_string*>(filename));
}

void record_class(const zend_string* key, zend_class_entry* ce,
                  std::vector<std::unique_ptr<Event>>* batch) {
  if (has_nul(key)) return;  // runtime-definition key or anonymous class
  if (!zend_string_equals_ci(key, ce->name)) {
    batch->push_back(make_event(EventKind::kAlias, to_string(key), lower(ce->name)));
    return;
  }
  if (ce->type != ZEND_USER_CLASS || !from_included_file(ce->info.user.filename)) return;
  batch->push_back(make_event(EventKind::kClass, to_string(key), to_string(ce->info.user.filename),
                              ce->info.user.line_start));
}

void scan_classes(PublishSnapshot* next, std::vector<std::unique_ptr<Event>>* batch) {
  HashTable* ct = EG(class_table);
  std::vector<std::uint32_t> still_unbound;
  for (std::uint32_t slot : next->unbound_classes) {
    if (slot >= ct->nNumUsed) continue;
    Bucket* p = ct->arData + slot;
    if (Z_TYPE(p->val) == IS_UNDEF || !p->key) continue;
    if (is_rtd_key(p->key)) {
      still_unbound.push_back(slot);
    } else {
      record_class(p->key, static_cast<zend_class_entry*>(Z_PTR(p->val)), batch);
    }
  }
  for (std::uint32_t i = scan_start(ct, next->classes); i < ct->nNumUsed; ++i) {
    Bucket* p = ct->arData + i;
    if (Z_TYPE(p->val) == IS_UNDEF || !p->key) continue;
    auto* ce = static_cast<zend_class_entry*>(Z_PTR(p->val));
    if (is_rtd_key(p->key)) {
      if (ce->type == ZEND_USER_CLASS) still_unbound.push_back(i);
      continue;
    }
    record_class(p->key, ce, batch);
  }
  next->classes = ct->nNumUsed;
  next->unbound_classes = std::move(still_unbound);
}

void scan_functions(PublishSnapshot* next, std::vector<std::unique_ptr<Event>>* batch) {
  HashTable* ft = EG(function_table);
  for (std::uint32_t i = scan_start(ft, next->functions); i < ft->nNumUsed; ++i) {
    Bucket* p = ft->arData + i;
    if (Z_TYPE(p->val) == IS_UNDEF || !p->key || has_nul(p->key)) continue;
    auto* function = static_cast<zend_function*>(Z_PTR(p->val));
    if (function->type != ZEND_USER_FUNCTION || !from_included_file(function->op_array.filename))
      continue;
    batch->push_back(make_event(EventKind::kFunction, to_string(p->key),
                                to_string(function->op_array.filename),
                                function->op_array.line_start));
  }
  next->functions = ft->nNumUsed;
}

// False with Goos\TransferError thrown when a value cannot cross.
bool scan_constants(PublishSnapshot* next, std::vector<std::unique_ptr<Event>>* batch) {
  HashTable* constants = EG(zend_constants);
  for (std::uint32_t i = scan_start(constants, next->constants); i < constants->nNumUsed; ++i) {
    Bucket* p = constants->arData + i;
    if (Z_TYPE(p->val) == IS_UNDEF || !p->key) continue;
    auto* constant = static_cast<zend_constant*>(Z_PTR(p->val));
    if (ZEND_CONSTANT_MODULE_NUMBER(constant) != PHP_USER_CONSTANT) continue;
    std::string key = to_string(p->key);
    // A worker's constants mostly came from the registry: don't copy them again.
    if (registry().contains(EventKind::kConstant, key)) continue;
    CargoPtr value = transfer_capture(&constant->value, "constant " + to_string(constant->name));
    if (!value) return false;
    auto event = make_event(EventKind::kConstant, std::move(key), to_string(constant->name));
    event->value = std::move(value);
    batch->push_back(std::move(event));
  }
  next->constants = constants->nNumUsed;
  return true;
}

// An autoloader named by a string or an array crosses as that name, which
// must name code the worker can have: fail here, at go(), rather than in the
// worker when registering it. (A Closure is checked by transfer.)
bool autoloader_reachable(zval* callable, const std::string& path) {
  if (Z_TYPE_P(callable) == IS_OBJECT) return true;
  zend_fcall_info_cache fcc;
  if (!zend_is_callable_ex(callable, nullptr, 0, nullptr, &fcc, nullptr) || !fcc.function_handler)
    return true;
  FunctionKey key;
  std::string why;
  if (code_function_key(fcc.function_handler, &key, &why)) return true;
  zend_throw_exception_ex(transfer_error_ce, 0, "%s: %s", path.c_str(), why.c_str());
  return false;
}

// False with an exception thrown when an autoloader cannot cross.
bool scan_autoloaders(PublishSnapshot* next, std::vector<CallableId>* known,
                      std::vector<std::unique_ptr<Event>>* batch) {
  const std::uint64_t generation = autoload_generation();
  if (generation == next->autoload_generation) return true;
  zval list;
  if (!autoload_functions(&list)) return !EG(exception);
  bool ok = true;
  std::vector<CallableId> added;
  zend_ulong index = 0;
  zval* callable;
  ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), callable) {
    ++index;
    CallableId id = callable_id(callable);
    if (std::find(known->begin(), known->end(), id) != known->end()) continue;
    const std::string path = "autoloader #" + std::to_string(index);
    CargoPtr value =
        autoloader_reachable(callable, path) ? transfer_capture(callable, path) : nullptr;
    if (!value) {
      ok = false;
      break;
    }
    auto event = make_event(EventKind::kAutoloader, {});
    event->value = std::move(value);
    batch->push_back(std::move(event));
    added.push_back(std::move(id));
  }
  ZEND_HASH_FOREACH_END();
  zval_ptr_dtor(&list);
  if (!ok) return false;
  known->insert(known->end(), added.begin(), added.end());
  next->autoload_generation = generation;
  return true;
}

}  // namespace

}  // namespace goos::php::code

namespace goos::php {

std::uint64_t code_publish() {
  using namespace code;
  Local& l = local();
  if (unchanged(l.published)) return l.published.epoch;

  PublishSnapshot next = l.published;
  std::vector<std::unique_ptr<Event>> batch;
  HashTable* files = &EG(included_files);
  for (std::uint32_t i = scan_start(files, next.files); i < files->nNumUsed; ++i) {
    Bucket* p = files->arData + i;
    if (Z_TYPE(p->val) == IS_UNDEF || !p->key) continue;
    batch.push_back(make_event(EventKind::kFile, to_string(p->key)));
  }
  next.files = files->nNumUsed;
  scan_functions(&next, &batch);
  scan_classes(&next, &batch);
  std::vector<CallableId> known = l.known_autoloaders;
  if (!scan_constants(&next, &batch) || !scan_autoloaders(&next, &known, &batch)) return 0;

  // Even with nothing new (all deduplicated), the epoch to return is the
  // registry's now: another interpreter may have published what this one
  // loaded, and the task must see it.
  next.epoch = registry().append(std::move(batch));
  if (next.epoch < l.synced) next.epoch = l.synced;
  l.published = std::move(next);
  l.known_autoloaders = std::move(known);
  return l.published.epoch;
}

}  // namespace goos::php
