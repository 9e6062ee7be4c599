// One PHP object per native object in each interpreter.
//
// Go's `c == d` holds for one channel only, and a channel that comes back
// through a channel is that channel. In PHP that takes one PHP object per
// goos object (native_object.h) in each interpreter: then `===`,
// spl_object_id(), SplObjectStorage and WeakMap see what Go would. So each
// interpreter keeps a map from native object to the PHP object over it, and
// native_wrap() hands out the object it finds there while that object lives.
//
// Invariants:
// - Per interpreter, touched by its own thread only: a goos object is made,
//   found and freed by the interpreter that holds it (a goroutine's objects
//   live in its M's interpreter, which all goroutines of that M share).
// - An entry native -> obj exists from the moment obj's native is set until
//   obj's destructor phase (dtor_obj) or its free (free_obj), whichever comes
//   first. Leaving at the destructor phase is what keeps the garbage
//   collector sound: once it has chosen an object for destruction, no lookup
//   may hand out a new reference to it (the collector frees its garbage
//   whatever the refcount says).
// - At most one entry per native object; an entry never outlives its object,
//   so its key is a live native object (the object holds a reference to it)
//   and no two live natives share an address.
// - The map lives within one request: made at the request's first entry,
//   deleted at its end (the module's post-deactivate, after Zend has freed
//   every object of the request, so it is empty then).
#ifndef GOOS_PHP_NATIVE_IDENTITY_H
#define GOOS_PHP_NATIVE_IDENTITY_H

#include "php.h"

namespace goos::php {

// The PHP object over `native` in this interpreter, or null.
zend_object* identity_find(const void* native);

// Records `obj` as the PHP object over `native` in this interpreter. There
// must be none yet.
void identity_add(const void* native, zend_object* obj);

// Forgets `obj`, if it is the one recorded for `native`.
void identity_forget(const void* native, zend_object* obj);

// At the end of the interpreter's request (post-deactivate): frees the map.
void identity_request_end();

}  // namespace goos::php

#endif  // GOOS_PHP_NATIVE_IDENTITY_H
