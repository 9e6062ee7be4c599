// Runtime settings and the rules that validate them.
//
// The PHP glue maps ini entries (goos.max_procs, goos.preempt_ms,
// goos.stack_size) onto these parsers, so a bad value is rejected with the same
// message whether it comes from php.ini, `-d` or a unit test.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace goos {

// The result of parsing a setting: a value, or a message saying what is wrong
// and what would be accepted. Exactly one of the two is set.
template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string error;

  static Parsed ok(T v) { return {v, {}}; }
  static Parsed fail(std::string message) { return {std::nullopt, std::move(message)}; }
  explicit operator bool() const { return value.has_value(); }
};

inline constexpr int kMaxProcsLimit = 256;
inline constexpr int kPreemptMsLimit = 60'000;
inline constexpr std::size_t kMinStackSize = 16 * 1024;
inline constexpr std::size_t kMaxStackSize = std::size_t{1} << 30;

// goos.max_procs: "0" (one P per CPU this process may run on) or 1..kMaxProcsLimit.
Parsed<int> parse_max_procs(std::string_view text);

// goos.preempt_ms: 0 (preemption off) or 1..kPreemptMsLimit milliseconds.
Parsed<int> parse_preempt_ms(std::string_view text);

// goos.stack_size: bytes, with an optional K, M or G suffix (as memory_limit),
// from kMinStackSize to kMaxStackSize. The result is rounded up to whole pages.
Parsed<std::size_t> parse_stack_size(std::string_view text);

// The number of CPUs this process may run on (its affinity mask), at least 1.
// This is what max_procs 0 stands for, as GOMAXPROCS defaults in Go.
int cpu_count();

// max_procs with 0 resolved to cpu_count().
int effective_max_procs(int max_procs);

}  // namespace goos
