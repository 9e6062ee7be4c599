// The goos.* ini entries. Each is validated by the runtime core's parser for it
// (include/goos/config.h): a bad value gives a startup warning naming the entry
// and keeps the default.
#pragma once

#include "php.h"

// Called from MINIT and MSHUTDOWN with their module type and number.
void goos_ini_register(int type, int module_number);
void goos_ini_unregister(int type, int module_number);
