// The goos module: its entry, startup and shutdown, and its phpinfo() section.
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "ext/standard/info.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"

#include <boost/version.hpp>

#include <string>

#include "goos/config.h"
#include "php_goos.h"
#include "engine/goos_ini.h"
#include "engine/worker_output.h"
#include "api/native_identity.h"
#include "code/code.h"
#include "api/php_chan.h"
#include "api/php_runtime.h"
#include "api/php_scheduler.h"
#include "api/php_select.h"
#include "api/php_sync.h"
#include "api/php_time.h"
#include "hooks/fork_hooks.h"
#include "hooks/header_hooks.h"
#include "hooks/sleep_hooks.h"
#include "io/io_hooks.h"
#include "io/io_misuse.h"
#include "transfer/transfer.h"

// Generated from goos.stub.php; defines static tables, so included here only.
#include "goos_arginfo.h"

ZEND_DECLARE_MODULE_GLOBALS(goos)

#if defined(ZTS) && defined(COMPILE_DL_GOOS)
ZEND_TSRMLS_CACHE_DEFINE()
#endif

static PHP_GINIT_FUNCTION(goos) {
#if defined(ZTS) && defined(COMPILE_DL_GOOS)
  ZEND_TSRMLS_CACHE_UPDATE();
#endif
  goos_globals->max_procs = 0;
  goos_globals->preempt_ms = 10;
  goos_globals->stack_size = 0;
  goos_globals->bootstrap = nullptr;
  goos_globals->io_hooks = true;
  goos_globals->max_procs_override = -1;
  goos_globals->identity = nullptr;
}

static PHP_MINIT_FUNCTION(goos) {
  goos_ini_register(type, module_number);
  register_goos_symbols(module_number);
  goos_scheduler_ce = register_class_Goos_Scheduler();
  goos_time_ce = register_class_Goos_Time();
  goos::php::transfer_error_ce = register_class_Goos_TransferError(zend_ce_error);
  goos_chan_closed_error_ce = register_class_Goos_ChanClosedError(zend_ce_error);
  goos_chan_ce = register_class_Goos_Chan(zend_ce_aggregate, zend_ce_countable);
  goos_chan_iterator_ce = register_class_Goos_ChanIterator(zend_ce_iterator);
  goos_select_case_ce = register_class_Goos_SelectCase();
  goos_selected_ce = register_class_Goos_Selected();
  goos_mutex_ce = register_class_Goos_Mutex();
  goos_rwmutex_ce = register_class_Goos_RWMutex();
  goos_waitgroup_ce = register_class_Goos_WaitGroup();
  goos_once_ce = register_class_Goos_Once();
  goos_ticker_ce = register_class_Goos_Ticker();
  goos::php::chan_minit();
  goos::php::select_minit();
  goos::php::sync_minit();
  goos::php::time_minit();
  goos::php::transfer_minit();
  goos::php::runtime_minit();
  goos::php::worker_output_minit();
  goos::php::code_minit(module_number);
  goos::php::sleep_hooks_minit();
  goos::php::header_hooks_minit();
  goos::php::fork_hooks_minit();
  goos::php::connection_busy_error_ce = register_class_Goos_ConnectionBusyError(zend_ce_error);
  if (GOOS_G(io_hooks)) goos::io::install_hooks();
  return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(goos) {
  goos::php::sleep_hooks_mshutdown();
  goos::php::header_hooks_mshutdown();
  goos::php::fork_hooks_mshutdown();
  goos::php::code_mshutdown();
  goos::php::runtime_mshutdown();
  goos::php::worker_output_mshutdown();
  goos_ini_unregister(type, module_number);
  return SUCCESS;
}

// In the origin: the goroutines end (an implicit join) and every M's
// interpreter with them, before this request's engine goes. In a worker: nothing.
static PHP_RSHUTDOWN_FUNCTION(goos) {
  goos::php::runtime_rshutdown();
  return SUCCESS;
}

// In every interpreter, after Zend freed the request's objects.
static ZEND_MODULE_POST_ZEND_DEACTIVATE_D(goos) {
  goos::php::identity_request_end();
  return SUCCESS;
}

static PHP_MINFO_FUNCTION(goos) {
  const std::string procs = std::to_string(goos_scheduler_max_procs());
  const std::string cpus = std::to_string(goos::cpu_count());
  const std::string boost = std::to_string(BOOST_VERSION / 100000) + "." +
                            std::to_string(BOOST_VERSION / 100 % 1000) + "." +
                            std::to_string(BOOST_VERSION % 100);
  php_info_print_table_start();
  php_info_print_table_row(2, "goos support", "enabled");
  php_info_print_table_row(2, "Version", PHP_GOOS_VERSION);
  php_info_print_table_row(2, "boost.context", boost.c_str());
  php_info_print_table_row(2, "CPUs available", cpus.c_str());
  php_info_print_table_row(2, "Processors (Ps)", procs.c_str());
  const std::string io = goos::io::hooks_summary();
  php_info_print_table_row(2, "I/O hooks", io.c_str());
  for (const std::string& failure : goos::io::hooks_failures()) {
    php_info_print_table_row(2, "I/O hooks failure", failure.c_str());
  }
  php_info_print_table_end();
  DISPLAY_INI_ENTRIES();
}

zend_module_entry goos_module_entry = {
    STANDARD_MODULE_HEADER,
    "goos",
    ext_functions,
    PHP_MINIT(goos),
    PHP_MSHUTDOWN(goos),
    nullptr, /* RINIT */
    PHP_RSHUTDOWN(goos),
    PHP_MINFO(goos),
    PHP_GOOS_VERSION,
    PHP_MODULE_GLOBALS(goos),
    PHP_GINIT(goos),
    nullptr, /* GSHUTDOWN */
    ZEND_MODULE_POST_ZEND_DEACTIVATE_N(goos),
    STANDARD_MODULE_PROPERTIES_EX,
};

#ifdef COMPILE_DL_GOOS
ZEND_GET_MODULE(goos)
#endif
