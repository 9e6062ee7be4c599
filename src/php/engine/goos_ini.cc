#include "engine/goos_ini.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>

#include "goos/config.h"
#include "php_goos.h"

namespace {

std::string_view view(const zend_string* s) { return {ZSTR_VAL(s), ZSTR_LEN(s)}; }

// Says why the value is refused. At startup Zend then installs the default
// (zend_register_ini_entries_ex calls on_modify again with it), so the warning
// says so; later (php-fpm's php_admin_value) the old value simply stays.
void warn_invalid(const zend_ini_entry* entry, const std::string& why, int stage) {
  php_error_docref(nullptr, E_WARNING, "Invalid %s: %s; %s", ZSTR_VAL(entry->name), why.c_str(),
                   stage == ZEND_INI_STAGE_STARTUP ? "using the default" : "value unchanged");
}

template <typename Parser, typename Store>
zend_result update(zend_ini_entry* entry, zend_string* new_value, int stage, Parser parse,
                   Store store) {
  auto parsed = parse(view(new_value));
  if (!parsed) {
    warn_invalid(entry, parsed.error, stage);
    return FAILURE;
  }
  store(*parsed.value);
  return SUCCESS;
}

ZEND_INI_MH(on_update_max_procs) {
  return update(entry, new_value, stage, goos::parse_max_procs,
                [](int v) { GOOS_G(max_procs) = v; });
}

ZEND_INI_MH(on_update_preempt_ms) {
  return update(entry, new_value, stage, goos::parse_preempt_ms,
                [](int v) { GOOS_G(preempt_ms) = v; });
}

ZEND_INI_MH(on_update_stack_size) {
  return update(entry, new_value, stage, goos::parse_stack_size,
                [](std::size_t v) { GOOS_G(stack_size) = static_cast<zend_long>(v); });
}

// goos.bootstrap: empty, or a readable regular file that every worker
// interpreter will include when it starts. Checked here so that a typo shows at
// startup rather than in every worker.
ZEND_INI_MH(on_update_bootstrap) {
  if (ZSTR_LEN(new_value) > 0) {
    struct stat st;
    const char* path = ZSTR_VAL(new_value);
    const char* why = nullptr;
    if (stat(path, &st) != 0) {
      why = strerror(errno);
    } else if (!S_ISREG(st.st_mode)) {
      why = "not a regular file";
    } else if (access(path, R_OK) != 0) {
      why = strerror(errno);
    }
    if (why != nullptr) {
      warn_invalid(entry, std::string("cannot use \"") + path + "\": " + why, stage);
      return FAILURE;
    }
  }
  return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

// All PHP_INI_SYSTEM: the scheduler is one per process, so php.ini, -d and
// php-fpm's php_admin_value set it, ini_set() does not.
PHP_INI_BEGIN()
PHP_INI_ENTRY("goos.max_procs", "0", PHP_INI_SYSTEM, on_update_max_procs)
PHP_INI_ENTRY("goos.preempt_ms", "10", PHP_INI_SYSTEM, on_update_preempt_ms)
PHP_INI_ENTRY("goos.stack_size", "2M", PHP_INI_SYSTEM, on_update_stack_size)
STD_PHP_INI_ENTRY("goos.bootstrap", "", PHP_INI_SYSTEM, on_update_bootstrap, bootstrap,
                  zend_goos_globals, goos_globals)
// Read once, at MINIT, when the hooks are installed (src/php/io/io_hooks.h).
STD_PHP_INI_BOOLEAN("goos.io_hooks", "1", PHP_INI_SYSTEM, OnUpdateBool, io_hooks, zend_goos_globals,
                    goos_globals)
PHP_INI_END()

}  // namespace

void goos_ini_register(int type, int module_number) {
  zend_register_ini_entries_ex(ini_entries, module_number, type);
}

void goos_ini_unregister(int type, int module_number) {
  zend_unregister_ini_entries_ex(module_number, type);
}
