#include "api/native_object.h"

#include <cstring>
#include <new>

#include "api/native_identity.h"

namespace goos::php {
namespace {

zend_object_handlers native_handlers;

zend_object* native_create(zend_class_entry* ce) {
  auto* obj = static_cast<NativeObject*>(zend_object_alloc(sizeof(NativeObject), ce));
  new (&obj->native) std::shared_ptr<void>();
  zend_object_std_init(&obj->std, ce);
  object_properties_init(&obj->std, ce);
  obj->std.handlers = &native_handlers;
  return &obj->std;
}

// The destructor phase (refcount 0, the end of the script, or the garbage
// collector's choice): the object leaves this interpreter's map here, not at
// its free, because the collector frees the garbage it chose whatever
// references a destructor of another object made meanwhile; a lookup must
// not be one of them. Having a dtor_obj of its own also makes the collector
// free a goos object in its next run, after this one.
void native_dtor(zend_object* object) {
  NativeObject* obj = native_object(object);
  if (obj->native) identity_forget(obj->native.get(), object);
  zend_objects_destroy_object(object);
}

void native_free(zend_object* object) {
  NativeObject* obj = native_object(object);
  // After a fatal error Zend frees objects without a destructor phase.
  if (obj->native) identity_forget(obj->native.get(), object);
  // May be the last reference anywhere: the native object dies here.
  obj->native.~shared_ptr();
  zend_object_std_dtor(object);
}

// Go's `==` on channels (and PHP's for every goos object): the same native
// object. zend_compare() asks this only for two different zvals of which one
// at least is a goos object, and answers 0 itself for one object twice.
// Everything else is "uncomparable" (1): `==` false, and every ordering false
// whichever side it is on, since PHP turns `a > b` into `b < a`.
int native_compare(zval* a, zval* b) {
  ZVAL_DEREF(a);
  ZVAL_DEREF(b);
  if (Z_TYPE_P(a) == IS_OBJECT && Z_TYPE_P(b) == IS_OBJECT && native_class_is(Z_OBJCE_P(a)) &&
      native_class_is(Z_OBJCE_P(b))) {
    const std::shared_ptr<void>& x = native_object(Z_OBJ_P(a))->native;
    if (x && x == native_object(Z_OBJ_P(b))->native) return 0;
  }
  return ZEND_UNCOMPARABLE;
}

bool handlers_ready = false;

}  // namespace

void native_class_init(zend_class_entry* ce) {
  if (!handlers_ready) {
    std::memcpy(&native_handlers, &std_object_handlers, sizeof native_handlers);
    native_handlers.offset = XtOffsetOf(NativeObject, std);
    native_handlers.dtor_obj = native_dtor;
    native_handlers.free_obj = native_free;
    native_handlers.compare = native_compare;
    // Sharing is the point: a copy would be a second channel or mutex, or a
    // second PHP object over one (see native_object.h).
    native_handlers.clone_obj = nullptr;
    handlers_ready = true;
  }
  ce->create_object = native_create;
}

bool native_class_is(const zend_class_entry* ce) { return ce->create_object == native_create; }

void native_set(zend_object* object, std::shared_ptr<void> native) {
  NativeObject* obj = native_object(object);
  ZEND_ASSERT(!obj->native && native);
  obj->native = std::move(native);
  identity_add(obj->native.get(), object);
}

void native_wrap(zval* out, zend_class_entry* ce, std::shared_ptr<void> native) {
  if (zend_object* found = identity_find(native.get())) {
    ZEND_ASSERT(found->ce == ce);
    ZVAL_OBJ_COPY(out, found);
    return;
  }
  object_init_ex(out, ce);
  native_set(Z_OBJ_P(out), std::move(native));
}

}  // namespace goos::php
