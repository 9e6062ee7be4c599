#include "api/native_identity.h"

#include <unordered_map>

#include "php_goos.h"

namespace goos::php {
namespace {

// Plain C++ memory, outside the Zend heap: it belongs to the interpreter, not
// to any one object, and holds no reference (the PHP objects own themselves).
using IdentityMap = std::unordered_map<const void*, zend_object*>;

// This interpreter's map (a module global: one per TSRM context), or null
// when its request has made no goos object yet.
IdentityMap* map() { return static_cast<IdentityMap*>(GOOS_G(identity)); }

}  // namespace

zend_object* identity_find(const void* native) {
  IdentityMap* m = map();
  if (m == nullptr) return nullptr;
  auto it = m->find(native);
  return it == m->end() ? nullptr : it->second;
}

void identity_add(const void* native, zend_object* obj) {
  IdentityMap* m = map();
  if (m == nullptr) {
    m = new IdentityMap();
    GOOS_G(identity) = m;
  }
  [[maybe_unused]] const bool added = m->emplace(native, obj).second;
#if ZEND_DEBUG
  ZEND_ASSERT(added);
#endif
}

void identity_forget(const void* native, zend_object* obj) {
  IdentityMap* m = map();
  if (m == nullptr) return;
  auto it = m->find(native);
  if (it != m->end() && it->second == obj) m->erase(it);
}

void identity_request_end() {
  IdentityMap* m = map();
  if (m == nullptr) return;
#if ZEND_DEBUG
  // Zend freed every object of the request before this (shutdown_executor
  // calls free_obj on each one left), and each left the map. (Only in debug
  // builds: elsewhere ZEND_ASSERT is an assumption, which a check must not be.)
  ZEND_ASSERT(m->empty());
#endif
  delete m;
  GOOS_G(identity) = nullptr;
}

}  // namespace goos::php
