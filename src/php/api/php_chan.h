// Goos\Chan and Goos\ChanIterator: channels for PHP, over the runtime core's
// goos::Chan (chan_value.h says what travels in them).
#ifndef GOOS_PHP_CHAN_H
#define GOOS_PHP_CHAN_H

#include "php.h"

#include <memory>

#include "api/chan_value.h"

extern zend_class_entry* goos_chan_ce;
extern zend_class_entry* goos_chan_iterator_ce;
extern zend_class_entry* goos_chan_closed_error_ce;

namespace goos::php {

// The channel of a Goos\Chan object.
PhpChan& chan_of(zend_object* obj);

// A new Goos\Chan over `chan`, into `out`.
void chan_wrap(zval* out, std::shared_ptr<PhpChan> chan);

// Throws Goos\ChanClosedError for a send on a closed channel.
void throw_send_on_closed();

// Registers the classes (MINIT).
void chan_minit();

}  // namespace goos::php

#endif  // GOOS_PHP_CHAN_H
