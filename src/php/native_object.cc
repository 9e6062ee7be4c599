#include "native_object.h"

#include <cstring>
#include <new>

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

void native_free(zend_object* object) {
  NativeObject* obj = native_object(object);
  // May be the last reference anywhere: the native object dies here.
  obj->native.~shared_ptr();
  zend_object_std_dtor(object);
}

bool handlers_ready = false;

}  // namespace

void native_class_init(zend_class_entry* ce) {
  if (!handlers_ready) {
    std::memcpy(&native_handlers, &std_object_handlers, sizeof native_handlers);
    native_handlers.offset = XtOffsetOf(NativeObject, std);
    native_handlers.free_obj = native_free;
    // Sharing is the point: a copy would be a second channel or mutex.
    native_handlers.clone_obj = nullptr;
    handlers_ready = true;
  }
  ce->create_object = native_create;
}

bool native_class_is(const zend_class_entry* ce) { return ce->create_object == native_create; }

void native_wrap(zval* out, zend_class_entry* ce, std::shared_ptr<void> native) {
  object_init_ex(out, ce);
  native_object(Z_OBJ_P(out))->native = std::move(native);
}

}  // namespace goos::php
