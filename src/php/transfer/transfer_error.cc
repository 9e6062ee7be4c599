// Goos\TransferError, thrown when a value cannot cross to another thread
// (transfer.h), and the rest of transfer's start-up.
#include "php.h"
#include "zend_exceptions.h"

#include "php_goos.h"
#include "transfer/transfer.h"
#include "transfer/transfer_cargo.h"

// goos_arginfo.h defines, as static functions, the registration of every
// class in the stub; this file uses only TransferError's.
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#endif
#include "goos_arginfo.h"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace goos::php {

zend_class_entry* transfer_error_ce = nullptr;

void transfer_minit() {
  // The module may have registered the class itself (it includes
  // goos_arginfo.h, whose static function it then uses); once is enough.
  if (transfer_error_ce == nullptr) {
    transfer_error_ce = register_class_Goos_TransferError(zend_ce_error);
  }
  // Named, because PHP names the active function in some messages.
  transfer_frame_function.function_name =
      zend_string_init_interned(ZEND_STRL("Goos\\{transfer}"), true);
}

}  // namespace goos::php
