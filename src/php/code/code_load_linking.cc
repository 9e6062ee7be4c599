// Classes half-linked by a switched-out goroutine, hidden from the others.
//
// Declaring a class at run time (ZEND_DECLARE_CLASS, and opcache's
// ZEND_DECLARE_CLASS_DELAYED) first renames its class_table slot from the
// runtime-definition key to the class's name (zend_bind_class_in_slot), then
// links it (zend_do_link_class), which autoloads its parent, interfaces and
// traits: PHP code, which may be preempted or park. Until linking ends the
// class is in the table under its name but not ZEND_ACC_LINKED, and a lookup
// of that name gives "not found" without asking any autoloader
// (zend_lookup_class_ex()). On PHP's one thread only the class's own loading
// can ask then, and "not found" is its answer to a class that needs itself.
// Another goroutine of the M asking meanwhile must instead wait for the end of
// the linking, and for that its lookup must reach the autoload lock.
//
// So while a goroutine is switched out inside an autoload (EG(in_autoload)
// not empty: the only way a switch can happen in the middle of linking, an
// error handler run by the linking aside), the classes it is linking are
// renamed to a key of goos's own ("\0goos linking " + name, never a class
// name, skipped like Zend's own "\0" keys by get_declared_classes() and by
// code_publish()), and renamed back when it is switched in, before it runs
// again: the goroutine itself always sees its table as it left it. Another
// goroutine's lookup misses, reaches the autoload wrapper, finds the name
// hidden, and waits for the owner; each switch-out of the owner after a
// switch-in that restored classes wakes the waiters to look again.
//
// Which classes a goroutine is linking is read from its frames: a frame whose
// current opline is a DECLARE_CLASS(_DELAYED) is inside that declaration,
// whose first operand is the class's lower-case name. code_sync(), which
// binds classes outside any PHP frame, says so itself (load_guard_binding).
//
// Not covered: anonymous classes (ZEND_DECLARE_ANON_CLASS finds its class
// by slot and links it if unlinked, with no lookup to intercept; hiding it
// would crash the other goroutine), see docs/HACKING.md.
#include "code/code_load_internal.h"

#include "php.h"
#include "zend_compile.h"

#include "goos/runtime.h"

#include "code/code_load_guard.h"

namespace goos::php::load {
namespace {

constexpr char kHiddenPrefix[] = "\0goos linking ";
constexpr std::size_t kHiddenPrefixLen = sizeof(kHiddenPrefix) - 1;

// The class_table slot of a class in the middle of being linked, else null.
Bucket* linking_slot(zend_string* lcname) {
  zval* zv = zend_hash_find(EG(class_table), lcname);
  if (zv == nullptr) return nullptr;
  const auto* ce = static_cast<const zend_class_entry*>(Z_PTR_P(zv));
  if (ce->type != ZEND_USER_CLASS || (ce->ce_flags & ZEND_ACC_LINKED)) return nullptr;
  return reinterpret_cast<Bucket*>(zv);  // a Bucket starts with its zval, as Zend relies on
}

void hide(ThreadLoads& t, std::uint64_t owner, zend_string* lcname) {
  Bucket* slot = linking_slot(lcname);
  if (slot == nullptr) return;
  zend_string* key =
      zend_string_concat2(kHiddenPrefix, kHiddenPrefixLen, ZSTR_VAL(lcname), ZSTR_LEN(lcname));
  zend_string* name = zend_string_copy(slot->key);  // the slot's reference goes with the rename
  if (zend_hash_set_bucket_key(EG(class_table), slot, key) == nullptr) {
    zend_string_release(name);
    zend_string_release(key);
    return;
  }
  t.hidden.push_back({owner, name, key, false});
}

void release(ThreadLoads::Hidden& h) {
  zend_string_release(h.name);
  zend_string_release(h.key);
}

}  // namespace

std::uint64_t hidden_owner(const ThreadLoads& t, const zend_string* lcname) {
  for (const ThreadLoads::Hidden& h : t.hidden) {
    if (zend_string_equals(h.name, lcname)) return h.owner;
  }
  return 0;
}

void hide_linking(ThreadLoads& t, std::uint64_t goroutine, const zend_execute_data* frames) {
  for (const zend_execute_data* ex = frames; ex != nullptr; ex = ex->prev_execute_data) {
    if (ex->func == nullptr || !ZEND_USER_CODE(ex->func->type) || ex->opline == nullptr) continue;
    const zend_op* op = ex->opline;
    if (op->opcode != ZEND_DECLARE_CLASS && op->opcode != ZEND_DECLARE_CLASS_DELAYED) continue;
    hide(t, goroutine, Z_STR_P(RT_CONSTANT(op, op->op1)));
  }
  auto binding = t.sync_binding.find(goroutine);
  if (binding != t.sync_binding.end()) hide(t, goroutine, binding->second);
}

bool restore_linking(ThreadLoads& t, std::uint64_t goroutine) {
  bool any = false;
  for (ThreadLoads::Hidden& h : t.hidden) {
    if (h.owner != goroutine || h.conflict) continue;
    any = true;
    zval* zv = zend_hash_find(EG(class_table), h.key);
    if (zv != nullptr && zend_hash_set_bucket_key(EG(class_table), reinterpret_cast<Bucket*>(zv),
                                                  h.name) == nullptr) {
      // The name was declared meanwhile (the same class's file run again by
      // a plain require): PHP's redeclaration error, raised by the owner
      // once it is back in PHP's hands (raise_link_conflict()). The slot
      // stays hidden, so the table stays consistent.
      h.conflict = true;
      continue;
    }
    release(h);
    h.owner = 0;  // erased below
  }
  std::erase_if(t.hidden, [](const ThreadLoads::Hidden& h) { return h.owner == 0; });
  return any;
}

void raise_link_conflict(ThreadLoads& t, std::uint64_t goroutine) {
  for (auto h = t.hidden.begin(); h != t.hidden.end(); ++h) {
    if (h->owner != goroutine || !h->conflict) continue;
    zval* zv = zend_hash_find(EG(class_table), h->key);
    const zend_string* name =
        zv != nullptr ? static_cast<const zend_class_entry*>(Z_PTR_P(zv))->name : h->name;
    t.hidden.erase(h);
    // A fatal error: the script ends (the two strings go with its heap).
    zend_error_noreturn(E_COMPILE_ERROR,
                        "Cannot declare class %s, because the name is already in use",
                        ZSTR_VAL(name));
  }
}

void forget_hidden(ThreadLoads& t, std::uint64_t goroutine) {
  for (ThreadLoads::Hidden& h : t.hidden) {
    if (goroutine != 0 && h.owner != goroutine) continue;
    release(h);
    h.owner = 0;
  }
  std::erase_if(t.hidden, [](const ThreadLoads::Hidden& h) { return h.owner == 0; });
}

}  // namespace goos::php::load

namespace goos::php {

void load_guard_binding(const zend_string* lcname) {
  load::ThreadLoads& t = load::thread_loads();
  const std::uint64_t me = goos::this_goroutine::id();
  if (lcname == nullptr) {
    t.sync_binding.erase(me);
  } else {
    t.sync_binding[me] = const_cast<zend_string*>(lcname);
  }
}

}  // namespace goos::php
