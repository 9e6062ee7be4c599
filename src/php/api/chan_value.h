// A PHP value in flight through a channel.
//
// null, booleans, integers and floats travel inline: a send of one costs no
// allocation and no look at the code registry. Anything else is captured into
// a Cargo (transfer.h) together with the code epoch of the sender (code.h):
// a worker that receives it syncs to that epoch first, so that a class or
// closure the sender loaded after the receiver last synced is known there.
#ifndef GOOS_PHP_CHAN_VALUE_H
#define GOOS_PHP_CHAN_VALUE_H

#include "php.h"

#include <cstdint>

#include "goos/chan.h"
#include "transfer/transfer.h"

namespace goos::php {

class ChanValue {
 public:
  ChanValue() = default;
  ChanValue(ChanValue&&) noexcept = default;
  ChanValue& operator=(ChanValue&&) noexcept = default;

  // Captures `value` in the current interpreter; `path` names it in a
  // TransferError ("$value"). False with the exception thrown when it cannot
  // cross.
  static bool capture(zval* value, const char* path, ChanValue* out);
  // A float made without PHP (a timer's tick).
  static ChanValue of_double(double d);

  // Builds the value in the current interpreter. False with an exception
  // thrown (a class unknown here), `out` null.
  bool materialize(zval* out) const;

 private:
  enum class Kind : std::uint8_t { kNull, kFalse, kTrue, kLong, kDouble, kCargo };
  Kind kind_ = Kind::kNull;
  union {
    zend_long l_;
    double d_;
  };
  std::uint64_t epoch_ = 0;
  CargoPtr cargo_;
};

// The native object of a Goos\Chan.
using PhpChan = goos::Chan<ChanValue>;

}  // namespace goos::php

#endif  // GOOS_PHP_CHAN_VALUE_H
