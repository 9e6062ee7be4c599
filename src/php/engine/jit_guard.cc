#include "engine/jit_guard.h"

#include <cstdlib>
#include <cstring>
#include <strings.h>

#include "php.h"
#include "SAPI.h"

namespace goos::php {
namespace {

// An ini entry read as PHP reads booleans; false when it does not exist
// (opcache not loaded).
bool ini_bool(const char* name) {
  zend_string* key = zend_string_init(name, std::strlen(name), 0);
  zend_string* value = zend_ini_get_value(key);
  zend_string_release(key);
  return value != nullptr && zend_ini_parse_bool(value);
}

// The JIT trigger opcache.jit selects (see opcache's zend_jit_config()), or
// -1 for no JIT. 5 is tracing; 0-3 compile whole functions.
int jit_trigger(const char* jit) {
  if (strcasecmp(jit, "function") == 0) return 0;
  if (strcasecmp(jit, "tracing") == 0 || strcasecmp(jit, "on") == 0 ||
      strcasecmp(jit, "yes") == 0 || strcasecmp(jit, "true") == 0 || std::strcmp(jit, "1") == 0) {
    return 5;
  }
  char* end = nullptr;
  const long n = std::strtol(jit, &end, 10);
  if (end == jit || *end != '\0' || n <= 0) return -1;  // "disable", "off", "0", invalid
  return static_cast<int>((n / 10) % 10);
}

}  // namespace

bool function_jit_breaks_interrupts() {
  bool exists = false;
  const char* jit = zend_ini_string_ex("opcache.jit", sizeof("opcache.jit") - 1, 0, &exists);
  if (!exists || jit == nullptr) return false;  // opcache is not loaded
  const bool cli = std::strcmp(sapi_module.name, "cli") == 0;
  if (!ini_bool(cli ? "opcache.enable_cli" : "opcache.enable")) return false;
  if (INI_INT("opcache.jit_buffer_size") <= 0) return false;  // 0 if absent
  const int trigger = jit_trigger(jit);
  return trigger >= 0 && trigger <= 3;
}

}  // namespace goos::php
