// goos's own PHP objects (Chan, Mutex, WaitGroup, ...): a PHP object over a
// native object that every interpreter holding it shares.
//
// Goroutines on other threads share nothing of PHP, so these objects are the
// one thing that crosses as itself (DESIGN.md, "Transfer"): a transfer
// carries a reference to the native object, and the receiving interpreter
// wraps it in a PHP object of its own. The native object is plain C++,
// reference-counted across threads, and dies with its last holder, whichever
// thread that is.
//
// Invariant: a NativeObject's `native` is set from its construction on (the
// classes are final, cannot be cloned, and their constructor or factory sets
// it); methods may rely on it.
#ifndef GOOS_PHP_NATIVE_OBJECT_H
#define GOOS_PHP_NATIVE_OBJECT_H

#include "php.h"

#include <memory>

namespace goos::php {

struct NativeObject {
  std::shared_ptr<void> native;
  zend_object std;  // last: PHP allocates the properties table after it
};

inline NativeObject* native_object(zend_object* obj) {
  return reinterpret_cast<NativeObject*>(reinterpret_cast<char*>(obj) -
                                         XtOffsetOf(NativeObject, std));
}

// The native object of `obj`, as the type its class holds.
template <typename T>
T& native_of(zend_object* obj) {
  return *static_cast<T*>(native_object(obj)->native.get());
}
template <typename T>
std::shared_ptr<T> native_shared(zend_object* obj) {
  return std::static_pointer_cast<T>(native_object(obj)->native);
}

// Makes `ce` a class of native objects: they are created empty (the
// constructor fills `native`), cannot be cloned, and cross threads as
// themselves.
void native_class_init(zend_class_entry* ce);

// Whether objects of `ce` are native objects.
bool native_class_is(const zend_class_entry* ce);

// A new PHP object of class `ce` (a native class) over `native`, into `out`.
void native_wrap(zval* out, zend_class_entry* ce, std::shared_ptr<void> native);

}  // namespace goos::php

#endif  // GOOS_PHP_NATIVE_OBJECT_H
