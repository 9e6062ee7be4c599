// goos's own PHP objects (Chan, Mutex, WaitGroup, ...): a PHP object over a
// native object that every interpreter holding it shares.
//
// Goroutines on other threads share nothing of PHP, so these objects are the
// one thing that crosses as itself (DESIGN.md, "Transfer"): a transfer
// carries a reference to the native object, and the receiving interpreter
// wraps it in its PHP object for that native object, made if it has none
// (native_identity.h). The native object is plain C++, reference-counted
// across threads, and dies with its last holder, whichever thread that is.
//
// Identity is the native object's, as in Go: within one interpreter there is
// one PHP object per native object while that object lives (so `===`,
// spl_object_id() and SplObjectStorage agree with Go's `==`), and `==` is
// true exactly for the same native object. Ordering (`<`, `>`, `<=>`) is
// meaningless, as for Go's channels: two goos objects, or a goos object and
// any other value, compare as PHP's "uncomparable" (every ordering false,
// `==` false, `<=>` 1), and the same object as equal. The classes are final
// and not cloneable: a clone would be a second PHP object over the same
// native object (or a new channel, which is not what assigning one in Go
// does); `$d = $c` is Go's copy.
//
// Invariant: a NativeObject's `native` is set from its construction on (the
// classes are final, cannot be cloned, and their constructor or factory sets
// it through native_set() or native_wrap()); methods may rely on it.
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
// constructor fills `native` with native_set()), compare by native object,
// cannot be cloned, and cross threads as themselves.
void native_class_init(zend_class_entry* ce);

// Whether objects of `ce` are native objects.
bool native_class_is(const zend_class_entry* ce);

// Sets the native object of `obj` (an object of a native class, just
// constructed, whose native is not set yet) to the new `native`, and makes
// `obj` this interpreter's PHP object for it.
void native_set(zend_object* obj, std::shared_ptr<void> native);

// This interpreter's PHP object of class `ce` (a native class) over `native`,
// into `out` (a new reference): the one that exists, else a new one.
void native_wrap(zval* out, zend_class_entry* ce, std::shared_ptr<void> native);

}  // namespace goos::php

#endif  // GOOS_PHP_NATIVE_OBJECT_H
