/* goos: Go's concurrency model for PHP. The extension's public header. */
#ifndef PHP_GOOS_H
#define PHP_GOOS_H

#include "php.h"

extern zend_module_entry goos_module_entry;
#define phpext_goos_ptr &goos_module_entry

#define PHP_GOOS_VERSION "0.1.0-dev"

/* Settings from php.ini, validated by src/php/engine/goos_ini.cc. They are per thread
 * as all Zend globals are, but PHP_INI_SYSTEM: every thread sees the values the
 * process started with. */
ZEND_BEGIN_MODULE_GLOBALS(goos)
zend_long max_procs;  /* 0: one per CPU */
zend_long preempt_ms; /* 0: preemption off */
zend_long stack_size; /* bytes, whole pages */
char* bootstrap;      /* file every worker includes first; "" for none */
bool io_hooks;        /* goos.io_hooks: blocking I/O in goroutines parks them (src/php/io) */
/* Scheduler::maxProcs($n) before the scheduler starts; 0 when never called. */
zend_long max_procs_override;
/* This interpreter's goos objects by native object, for the current request
 * (src/php/api/native_identity.cc); null before its first goos object. */
void* identity;
ZEND_END_MODULE_GLOBALS(goos)

ZEND_EXTERN_MODULE_GLOBALS(goos)
#define GOOS_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(goos, v)

#if defined(ZTS) && defined(COMPILE_DL_GOOS)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif /* PHP_GOOS_H */
