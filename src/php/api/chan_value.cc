#include "api/chan_value.h"

#include "code/code.h"
#include "api/php_runtime.h"

namespace goos::php {

bool ChanValue::capture(zval* value, const char* path, ChanValue* out) {
  ZVAL_DEREF(value);
  switch (Z_TYPE_P(value)) {
    case IS_NULL:
      out->kind_ = Kind::kNull;
      return true;
    case IS_FALSE:
      out->kind_ = Kind::kFalse;
      return true;
    case IS_TRUE:
      out->kind_ = Kind::kTrue;
      return true;
    case IS_LONG:
      out->kind_ = Kind::kLong;
      out->l_ = Z_LVAL_P(value);
      return true;
    case IS_DOUBLE:
      out->kind_ = Kind::kDouble;
      out->d_ = Z_DVAL_P(value);
      return true;
    default:
      break;
  }
  const std::uint64_t epoch = code_publish();
  if (EG(exception) != nullptr) return false;
  CargoPtr cargo = transfer_capture(value, path);
  if (!cargo) return false;
  out->kind_ = Kind::kCargo;
  out->epoch_ = epoch;
  out->cargo_ = std::move(cargo);
  return true;
}

ChanValue ChanValue::of_double(double d) {
  ChanValue v;
  v.kind_ = Kind::kDouble;
  v.d_ = d;
  return v;
}

bool ChanValue::materialize(zval* out) const {
  switch (kind_) {
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
      ZVAL_LONG(out, l_);
      return true;
    case Kind::kDouble:
      ZVAL_DOUBLE(out, d_);
      return true;
    case Kind::kCargo:
      break;
  }
  // The origin is where code comes from; a worker catches up first.
  if (on_worker_thread() && !code_sync(epoch_)) {
    ZVAL_NULL(out);
    return false;
  }
  return transfer_materialize(*cargo_, out);
}

}  // namespace goos::php
