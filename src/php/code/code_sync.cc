// code_sync(): brings a worker interpreter up to an epoch of the registry.
//
// In order, for the events it has not synced yet:
//  1. Files: compile each one not included here yet (code_local.cc), which
//     declares what PHP declares at compile time, and mark it included.
//  2. Declarations the publisher made at run time and compiling did not make
//     here: bind them from the compiled code, as the DECLARE_FUNCTION and
//     DECLARE_CLASS(_DELAYED) handlers would (do_bind_function,
//     do_bind_class; ZEND_API in 8.2 and 8.4). A class is bound only once
//     its parent, interfaces and traits are declared, in passes until no
//     more can be: parents before children, without autoloading.
//  3. Constants, with their values transferred (values may be objects of the
//     classes just declared).
//  4. Autoloaders, registered in the publishers' order.
//  5. The classes still unbound, now allowing the autoloaders to load what
//     they need; a class that still cannot be bound is left out (using it
//     fails as "Class not found", as it would have in the publisher without
//     that declaration).
// The publisher's order of events is kept within each step.
#include "code/code_internal.h"

#include "zend_compile.h"
#include "zend_constants.h"
#include "zend_exceptions.h"

#include "code/code_load_guard.h"

namespace goos::php::code {
namespace {

bool class_declared(const std::string& lcname) {
  return zend_hash_str_exists(EG(class_table), lcname.data(), lcname.size());
}

bool class_declared(const zend_string* lcname) {
  return zend_hash_exists(EG(class_table), const_cast<zend_string*>(lcname));
}

// Whether everything linking `ce` needs is declared, so that binding it can
// neither autoload nor fail for want of a class.
bool dependencies_declared(const zend_class_entry* ce, const zend_string* lc_parent) {
  if (ce->ce_flags & ZEND_ACC_LINKED) return true;
  if (ce->parent_name && lc_parent && ZSTR_LEN(lc_parent) && !class_declared(lc_parent))
    return false;
  if (!(ce->ce_flags & ZEND_ACC_RESOLVED_INTERFACES)) {
    for (std::uint32_t i = 0; i < ce->num_interfaces; ++i) {
      if (!class_declared(ce->interface_names[i].lc_name)) return false;
    }
  }
  for (std::uint32_t i = 0; i < ce->num_traits; ++i) {
    if (!class_declared(ce->trait_names[i].lc_name)) return false;
  }
  return true;
}

// The compiled file of a run-time declaration, when this interpreter compiled
// it for a sync (a shadow compile declares nothing that could be bound).
FileCode* declaring_file(const Event& event) {
  Local& l = local();
  auto it = l.files.find(event.file);
  if (it == l.files.end() || it->second->shadow() || !it->second->main) return nullptr;
  index_declarations(it->second.get());
  return it->second.get();
}

enum class Outcome { kDone, kLater, kNever };

Outcome bind_function(const Event& event) {
  if (zend_hash_str_exists(EG(function_table), event.name.data(), event.name.size()))
    return Outcome::kDone;
  FileCode* file = declaring_file(event);
  if (!file) return Outcome::kNever;
  auto [begin, end] = file->function_decls.equal_range(event.name);
  for (auto it = begin; it != end; ++it) {
    if (it->second.function->op_array.line_start != event.line) continue;
    do_bind_function(it->second.function, it->second.lcname);
    return Outcome::kDone;
  }
  return Outcome::kNever;
}

Outcome bind_class(const Event& event, bool allow_autoload) {
  if (class_declared(event.name)) return Outcome::kDone;
  FileCode* file = declaring_file(event);
  if (!file) return Outcome::kNever;
  auto [begin, end] = file->class_decls.equal_range(event.name);
  for (auto it = begin; it != end; ++it) {
    zval* lcname = it->second.lcname;
    // The class waits under its runtime-definition key until bound; the key
    // is gone once bound (or early-bound by opcache's delayed binding).
    auto* ce =
        static_cast<zend_class_entry*>(zend_hash_find_ptr(EG(class_table), Z_STR(lcname[1])));
    if (!ce || ce->info.user.line_start != event.line) continue;
    if (!allow_autoload && !dependencies_declared(ce, it->second.lc_parent)) return Outcome::kLater;
    // Linking may autoload, and this goroutine be switched out with the
    // class half-linked under its name: it is hidden meanwhile
    // (code_load_guard.h).
    if (allow_autoload) load_guard_binding(Z_STR(lcname[0]));
    const zend_result bound = do_bind_class(lcname, it->second.lc_parent);
    if (allow_autoload) load_guard_binding(nullptr);
    if (bound == FAILURE) {
      // Linking threw (a class it needs could not be loaded): leave it out.
      if (EG(exception)) zend_clear_exception();
      return Outcome::kNever;
    }
    return Outcome::kDone;
  }
  return Outcome::kNever;
}

Outcome bind_alias(const Event& event) {
  if (class_declared(event.name)) return Outcome::kDone;
  auto* ce = static_cast<zend_class_entry*>(
      zend_hash_str_find_ptr(EG(class_table), event.file.data(), event.file.size()));
  if (!ce) return Outcome::kLater;
  zend_register_class_alias_ex(event.name.data(), event.name.size(), ce, false);
  return Outcome::kDone;
}

// One pass over the pending declarations; true when one was bound.
bool bind_pass(std::vector<Event*>* pending, bool allow_autoload) {
  bool progress = false;
  std::vector<Event*> later;
  for (Event* event : *pending) {
    Outcome outcome = Outcome::kNever;
    switch (event->kind) {
      case EventKind::kFunction:
        outcome = bind_function(*event);
        break;
      case EventKind::kClass:
        outcome = bind_class(*event, allow_autoload);
        break;
      case EventKind::kAlias:
        outcome = bind_alias(*event);
        break;
      default:
        break;
    }
    if (outcome == Outcome::kLater) {
      later.push_back(event);
    } else if (outcome == Outcome::kDone) {
      progress = true;
    }
  }
  *pending = std::move(later);
  return progress;
}

bool define_constant(Event* event) {
  if (zend_hash_str_exists(EG(zend_constants), event->name.data(), event->name.size())) return true;
  zend_constant constant;
  {
    std::lock_guard guard(event->materialize_lock);
    if (!transfer_materialize(*event->value, &constant.value)) return false;
  }
  ZEND_CONSTANT_SET_FLAGS(&constant, 0, PHP_USER_CONSTANT);
  constant.name = zend_string_init(event->file.data(), event->file.size(), 0);
  zend_register_constant(&constant);
  return true;
}

bool install_autoloader(Event* event) {
  zval callable;
  {
    std::lock_guard guard(event->materialize_lock);
    if (!transfer_materialize(*event->value, &callable)) return false;
  }
  const bool ok = autoload_register(&callable);
  if (ok) local().known_autoloaders.push_back(callable_id(&callable));
  zval_ptr_dtor(&callable);
  return ok;
}

}  // namespace

}  // namespace goos::php::code

namespace goos::php {

bool code_sync(std::uint64_t epoch) {
  using namespace code;
  Local& l = local();
  if (epoch <= l.synced) return true;

  std::vector<Event*> events;
  registry().events(l.synced, epoch, &events);
  std::vector<Event*> pending;
  for (Event* event : events) {
    if (event->kind == EventKind::kFile) compile_for_sync(event->name);
  }
  for (Event* event : events) {
    if (event->kind == EventKind::kFunction || event->kind == EventKind::kClass ||
        event->kind == EventKind::kAlias) {
      pending.push_back(event);
    }
  }
  while (!pending.empty() && bind_pass(&pending, false)) {
  }
  for (Event* event : events) {
    if (event->kind == EventKind::kConstant && !define_constant(event)) return false;
  }
  // Counted apart from `synced`: a sync that failed part-way and is tried
  // again must not register an autoloader twice.
  std::uint64_t number = l.synced;
  for (Event* event : events) {
    ++number;
    if (event->kind != EventKind::kAutoloader || number <= l.autoloaders_synced) continue;
    if (!install_autoloader(event)) return false;
    l.autoloaders_synced = number;
  }
  while (!pending.empty() && bind_pass(&pending, true)) {
  }
  l.synced = epoch;
  return true;
}

}  // namespace goos::php
