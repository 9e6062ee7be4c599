// sleep(), usleep(), time_nanosleep() and time_sleep_until() in goroutines.
//
// In a goroutine they park it (this_goroutine::sleep_until: a timer on its
// M's heap), and the M runs other goroutines meanwhile. Everywhere else --
// the origin, a worker thread outside a goroutine (its bootstrap file) --
// PHP's own handler runs, unchanged.
//
// Every interpreter sees the replaced handlers. sleep_hooks_minit() runs in
// MINIT, on the startup thread, before zend_post_startup() makes that
// thread's CG(function_table) the global table (Zend/zend.c). Each thread's
// table is then built from the global one by compiler_globals_ctor(): the
// startup thread's again, and each worker's when interp_start() makes its
// TSRM context (ts_resource). PHP 8.4 copies the pointers, so all threads
// share one zend_internal_function per function; PHP 8.2 copies each
// internal function's struct (function_copy_ctor), handler included. Either
// way the handler set here is every interpreter's, as for code_minit()'s
// wrap of spl_autoload_register() and opcache's of file_exists(). The JIT
// reads a handler when it compiles a call, which is after startup too.
//
// Arguments: PHP parses them as ext/standard/basic_functions.c does (same in
// 8.2 and 8.4) with the same macros, in the same frame, so types, strict
// mode, deprecations and TypeErrors are PHP's own. What PHP rejects after
// parsing (a negative duration, nanoseconds of a second or more, a time in
// the past) goes to PHP's handler, which raises PHP's ValueError or warning
// and returns PHP's value, without sleeping. That handler parses again, so
// the arguments are first looked at without a diagnostic (peek_long,
// peek_double): a value PHP would refuse goes to PHP's handler before
// anything is parsed here, and a deprecation ("Implicit conversion from
// float -1.5 to int loses precision") is raised once, by whichever parses.
//
// Return values are those of an uninterrupted sleep: signals never reach an
// M thread (block_async_signals), so PHP's "interrupted" results (sleep()'s
// seconds left, time_nanosleep()'s array) cannot happen in a goroutine.
//
// A goroutine parked here when a goroutine ends the script (end_script) is
// abandoned with the runtime, as one parked in Goos\Time::sleep(): the
// origin's join() stops waiting, and runtime_stop() does not join again.
#include "hooks/sleep_hooks.h"

#include <sys/time.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>

#include "php.h"

#include "goos/clock.h"
#include "goos/runtime.h"

namespace goos::php {
namespace {

zif_handler original_sleep = nullptr;
zif_handler original_usleep = nullptr;
zif_handler original_time_nanosleep = nullptr;
zif_handler original_time_sleep_until = nullptr;

// zend_parse_arg_*_weak()'s own way to convert without side effects
// (zend_verify_weak_scalar_type_hint_no_sideeffect): no deprecation raised.
constexpr std::uint32_t kNoSideEffects = static_cast<std::uint32_t>(-1);

// What PHP's parsing of an int parameter makes of `arg` in weak mode, without
// raising its deprecations; nullopt when even weak mode refuses it. Strict
// mode refuses more (a float, a string, null): the parse that follows a
// value accepted here raises that TypeError itself.
std::optional<zend_long> peek_long(zval* arg) {
  switch (Z_TYPE_P(arg)) {
    case IS_LONG:
      return Z_LVAL_P(arg);
    case IS_NULL:
    case IS_FALSE:
      return 0;
    case IS_TRUE:
      return 1;
    case IS_DOUBLE:
    case IS_STRING: {
      zend_long value = 0;
      if (zend_parse_arg_long_weak(arg, &value, kNoSideEffects)) return value;
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

// As peek_long(), for a float parameter.
std::optional<double> peek_double(zval* arg) {
  switch (Z_TYPE_P(arg)) {
    case IS_DOUBLE:
      return Z_DVAL_P(arg);
    case IS_LONG:
      return static_cast<double>(Z_LVAL_P(arg));
    case IS_NULL:
    case IS_FALSE:
      return 0.0;
    case IS_TRUE:
      return 1.0;
    case IS_STRING: {
      double value = 0;
      if (zend_parse_arg_double_weak(arg, &value, kNoSideEffects)) return value;
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

// A goroutine's call with the number of arguments PHP accepts; any other
// call is PHP's to handle (or to refuse, with its ArgumentCountError).
bool ours(zend_execute_data* execute_data, std::uint32_t arity) {
  return goos::this_goroutine::is_goroutine() && ZEND_CALL_NUM_ARGS(execute_data) == arity;
}

bool valid_nanosleep(zend_long seconds, zend_long nanoseconds) {
  return seconds >= 0 && nanoseconds >= 0 && nanoseconds <= 999'999'999;
}

// nanosleep()'s request as a deadline; one past goos's clock range (PHP's
// sleeps as long as the kernel's) is never.
Deadline nanosleep_deadline(zend_long seconds, zend_long nanoseconds) {
  constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
  if (seconds > (std::numeric_limits<Nanos::rep>::max() - nanoseconds) / kNanosPerSecond) {
    return kNoDeadline;
  }
  return deadline_after(Nanos(seconds * kNanosPerSecond + nanoseconds));
}

// time_sleep_until()'s checks and arithmetic, as PHP makes them against the
// wall clock (gettimeofday), turned into a deadline on the steady clock;
// nullopt where PHP refuses the timestamp (out of range, in the past) or
// gives up (gettimeofday failing).
std::optional<Deadline> sleep_until_deadline(double target_secs) {
  constexpr std::uint64_t kNanosPerSecond = 1'000'000'000;
  const double top_target_sec =
      static_cast<double>(std::numeric_limits<std::uint64_t>::max() / kNanosPerSecond);
  if (!(target_secs >= 0 && target_secs <= top_target_sec)) return std::nullopt;
  timeval now;
  if (gettimeofday(&now, nullptr) != 0) return std::nullopt;
  const auto target_ns = static_cast<std::uint64_t>(target_secs * kNanosPerSecond);
  const std::uint64_t current_ns = static_cast<std::uint64_t>(now.tv_sec) * kNanosPerSecond +
                                   static_cast<std::uint64_t>(now.tv_usec) * 1000;
  if (target_ns < current_ns) return std::nullopt;
  const std::uint64_t diff_ns = target_ns - current_ns;
  if (diff_ns > static_cast<std::uint64_t>(std::numeric_limits<Nanos::rep>::max())) {
    return kNoDeadline;
  }
  return deadline_after(Nanos(static_cast<Nanos::rep>(diff_ns)));
}

// sleep(int $seconds): int
void goroutine_sleep(INTERNAL_FUNCTION_PARAMETERS) {
  if (!ours(execute_data, 1)) return original_sleep(INTERNAL_FUNCTION_PARAM_PASSTHRU);
  const std::optional<zend_long> peeked = peek_long(ZEND_CALL_ARG(execute_data, 1));
  if (!peeked || *peeked < 0) return original_sleep(INTERNAL_FUNCTION_PARAM_PASSTHRU);
  zend_long seconds = 0;
  ZEND_PARSE_PARAMETERS_START(1, 1)
  Z_PARAM_LONG(seconds)
  ZEND_PARSE_PARAMETERS_END();
  ZEND_ASSERT(seconds == *peeked);
  // PHP sleeps (unsigned int)$seconds, as sleep(3) takes it.
  goos::this_goroutine::sleep_for(std::chrono::seconds(static_cast<unsigned int>(seconds)));
  RETURN_LONG(0);
}

// usleep(int $microseconds): void
void goroutine_usleep(INTERNAL_FUNCTION_PARAMETERS) {
  if (!ours(execute_data, 1)) return original_usleep(INTERNAL_FUNCTION_PARAM_PASSTHRU);
  const std::optional<zend_long> peeked = peek_long(ZEND_CALL_ARG(execute_data, 1));
  if (!peeked || *peeked < 0) return original_usleep(INTERNAL_FUNCTION_PARAM_PASSTHRU);
  zend_long microseconds = 0;
  ZEND_PARSE_PARAMETERS_START(1, 1)
  Z_PARAM_LONG(microseconds)
  ZEND_PARSE_PARAMETERS_END();
  ZEND_ASSERT(microseconds == *peeked);
  // PHP sleeps (unsigned int)$microseconds, as usleep(3) takes it.
  goos::this_goroutine::sleep_for(
      std::chrono::microseconds(static_cast<unsigned int>(microseconds)));
}

// time_nanosleep(int $seconds, int $nanoseconds): array|bool
void goroutine_time_nanosleep(INTERNAL_FUNCTION_PARAMETERS) {
  if (!ours(execute_data, 2)) return original_time_nanosleep(INTERNAL_FUNCTION_PARAM_PASSTHRU);
  const std::optional<zend_long> peeked_seconds = peek_long(ZEND_CALL_ARG(execute_data, 1));
  const std::optional<zend_long> peeked_nanoseconds = peek_long(ZEND_CALL_ARG(execute_data, 2));
  // Nanoseconds of a second or more: PHP's nanosleep() fails with EINVAL and
  // PHP throws its ValueError.
  if (!peeked_seconds || !peeked_nanoseconds ||
      !valid_nanosleep(*peeked_seconds, *peeked_nanoseconds)) {
    return original_time_nanosleep(INTERNAL_FUNCTION_PARAM_PASSTHRU);
  }
  zend_long seconds = 0;
  zend_long nanoseconds = 0;
  ZEND_PARSE_PARAMETERS_START(2, 2)
  Z_PARAM_LONG(seconds)
  Z_PARAM_LONG(nanoseconds)
  ZEND_PARSE_PARAMETERS_END();
  ZEND_ASSERT(seconds == *peeked_seconds && nanoseconds == *peeked_nanoseconds);
  goos::this_goroutine::sleep_until(nanosleep_deadline(seconds, nanoseconds));
  RETURN_TRUE;
}

// time_sleep_until(float $timestamp): bool
void goroutine_time_sleep_until(INTERNAL_FUNCTION_PARAMETERS) {
  if (!ours(execute_data, 1)) return original_time_sleep_until(INTERNAL_FUNCTION_PARAM_PASSTHRU);
  const std::optional<double> peeked = peek_double(ZEND_CALL_ARG(execute_data, 1));
  if (!peeked || !sleep_until_deadline(*peeked)) {
    return original_time_sleep_until(INTERNAL_FUNCTION_PARAM_PASSTHRU);
  }
  double target_secs = 0;
  ZEND_PARSE_PARAMETERS_START(1, 1)
  Z_PARAM_DOUBLE(target_secs)
  ZEND_PARSE_PARAMETERS_END();
  // Measured again, after the parse, where PHP measures it. Should the time
  // have come meanwhile, PHP's handler warns: its parse of a value accepted
  // above raises nothing (null, the one deprecation, is a time in the past).
  const std::optional<Deadline> deadline = sleep_until_deadline(target_secs);
  if (!deadline) return original_time_sleep_until(INTERNAL_FUNCTION_PARAM_PASSTHRU);
  goos::this_goroutine::sleep_until(*deadline);
  RETURN_TRUE;
}

void replace(const char* name, std::size_t length, zif_handler replacement, zif_handler* original) {
  auto* function =
      static_cast<zend_function*>(zend_hash_str_find_ptr(CG(function_table), name, length));
  // Missing when PHP lacks it (time_nanosleep() needs HAVE_NANOSLEEP).
  if (!function || function->type != ZEND_INTERNAL_FUNCTION) return;
  *original = function->internal_function.handler;
  function->internal_function.handler = replacement;
}

void restore(const char* name, std::size_t length, zif_handler replacement, zif_handler* original) {
  auto* function =
      static_cast<zend_function*>(zend_hash_str_find_ptr(CG(function_table), name, length));
  if (function && function->type == ZEND_INTERNAL_FUNCTION &&
      function->internal_function.handler == replacement) {
    function->internal_function.handler = *original;
  }
  *original = nullptr;
}

}  // namespace

void sleep_hooks_minit() {
  replace(ZEND_STRL("sleep"), goroutine_sleep, &original_sleep);
  replace(ZEND_STRL("usleep"), goroutine_usleep, &original_usleep);
  replace(ZEND_STRL("time_nanosleep"), goroutine_time_nanosleep, &original_time_nanosleep);
  replace(ZEND_STRL("time_sleep_until"), goroutine_time_sleep_until, &original_time_sleep_until);
}

void sleep_hooks_mshutdown() {
  restore(ZEND_STRL("sleep"), goroutine_sleep, &original_sleep);
  restore(ZEND_STRL("usleep"), goroutine_usleep, &original_usleep);
  restore(ZEND_STRL("time_nanosleep"), goroutine_time_nanosleep, &original_time_nanosleep);
  restore(ZEND_STRL("time_sleep_until"), goroutine_time_sleep_until, &original_time_sleep_until);
}

}  // namespace goos::php
