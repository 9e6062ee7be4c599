// Transfer: how a PHP value crosses from one interpreter (thread) to another.
//
// capture() runs in the sending interpreter and turns a zval into a Cargo: a
// tree in plain C++ memory (malloc), owned by no interpreter and readable from
// any thread. materialize() runs in the receiving interpreter and builds the
// value there, in that interpreter's heap. The rules are DESIGN.md's table:
//
//   null, bool, int, float, string     copied
//   array                              deep copy (keys and order kept)
//   Closure                            its code found again in the receiver
//                                      (code.h), its bound variables ($this,
//                                      `use` variables) transferred by these rules
//   object of a user class             a new object of the same class, properties
//                                      (declared and dynamic) transferred by these
//                                      rules; one object reached twice is one
//                                      object on arrival, so cycles survive
//   internal object that serialises    serialize() here, unserialize() there
//   enum case                          the same case of the same enum
//   goos object (Chan, Mutex, ...)     the same native object, shared; the
//                                      receiver's PHP object for it if it has
//                                      one (native_object.h)
//   reference, resource, other         rejected: Goos\TransferError naming the
//   internal object                    path, e.g. "$args[1]['db']: object of
//                                      class PDO cannot cross to another thread"
//
// A reference is rejected wherever it is found (an array element that is a
// reference, a by-reference `use`), even with refcount 1: a PHP user who
// wrote & expects sharing, and sharing across interpreters cannot be had.
//
// Finer points (transfer_capture.cc has the reasons):
// - "user class" means no create_object: user classes, stdClass, anonymous
//   classes. Exception and Error subclasses cross the same way (their
//   create_object only records where they were made).
// - An internal object with __serialize()/__unserialize() crosses as the
//   array __serialize() returns, captured by these rules (so a resource in
//   an ArrayObject is rejected, and objects inside keep their identity), and
//   is rebuilt with __unserialize(); one with only Serializable or __wakeup()
//   goes through serialize()/unserialize() whole.
// - A closure's `use` variables cross; its `static` variables do not (static
//   variables are per interpreter): the goroutine's copy starts with them as
//   declared. A first-class callable crosses as the function it names.
// - Identity holds within one capture: go() captures $fn and $args apart.
// - PHP 8.4 lazy objects are initialised first, as serialize() does.
#ifndef GOOS_PHP_TRANSFER_H
#define GOOS_PHP_TRANSFER_H

#include "php.h"

#include <memory>
#include <string>

namespace goos::php {

// The thread-neutral form of one value. Opaque outside transfer*.cc.
class Cargo;

struct CargoDeleter {
  void operator()(Cargo* cargo) const;
};
using CargoPtr = std::unique_ptr<Cargo, CargoDeleter>;

// Captures `value`, found at `path` (for messages: "$fn", "$args", ...), in
// the current interpreter. On failure returns null with Goos\TransferError
// thrown (EG(exception) set), having built or leaked nothing.
CargoPtr transfer_capture(zval* value, const std::string& path);

// Captures what go() sends: the callable and its arguments (an array; int keys
// positional, string keys named) as one value, the array [fn, args], so that
// an object reached from both arrives as one object. Paths in messages start
// at $fn or $args. Failure as transfer_capture().
CargoPtr transfer_capture_call(zval* fn, zval* args);

// Builds the value in the current interpreter into `out` (which it
// initialises). On failure (a class unknown here, an unserialize() that
// fails) returns false with an exception thrown and `out` set to null; the
// objects it made without a constructor are freed without __destruct().
// Works with no PHP frame on the stack (a worker before the goroutine's
// first call): the exception is then left pending, not reported.
// A Cargo may be materialised any number of times, from any thread, but not
// by two threads at once.
bool transfer_materialize(const Cargo& cargo, zval* out);

// The Goos\TransferError class, registered by transfer_minit().
extern zend_class_entry* transfer_error_ce;

// Registers Goos\TransferError (unless the module did already) and names
// the frame transfer_materialize() runs in. Called once from the module's
// MINIT.
void transfer_minit();

}  // namespace goos::php

#endif  // GOOS_PHP_TRANSFER_H
