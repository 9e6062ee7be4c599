// Goos\select() and its cases: Goos\recv(), Goos\send().
#ifndef GOOS_PHP_SELECT_H
#define GOOS_PHP_SELECT_H

#include "php.h"

extern zend_class_entry* goos_select_case_ce;
extern zend_class_entry* goos_selected_ce;

namespace goos::php {

// Sets up the classes' handlers (MINIT, after registration).
void select_minit();

}  // namespace goos::php

#endif  // GOOS_PHP_SELECT_H
