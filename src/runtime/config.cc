#include "goos/config.h"

#include <sched.h>
#include <unistd.h>

#include <charconv>
#include <cstdint>

namespace goos {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A whole decimal number with nothing around it, or nullopt.
std::optional<std::int64_t> parse_integer(std::string_view s) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::string quoted(std::string_view s) {
  // Appended piecewise: `"\"" + std::string(s)` trips GCC 12's false -Wrestrict.
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  out.append(s);
  out.push_back('"');
  return out;
}

std::size_t page_size() {
  static const std::size_t size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return size;
}

}  // namespace

Parsed<int> parse_max_procs(std::string_view text) {
  auto n = parse_integer(trim(text));
  if (!n || *n < 0 || *n > kMaxProcsLimit) {
    return Parsed<int>::fail("must be 0 (one per CPU) or a whole number from 1 to " +
                             std::to_string(kMaxProcsLimit) + ", got " + quoted(text));
  }
  return Parsed<int>::ok(static_cast<int>(*n));
}

Parsed<int> parse_preempt_ms(std::string_view text) {
  auto n = parse_integer(trim(text));
  if (!n || *n < 0 || *n > kPreemptMsLimit) {
    return Parsed<int>::fail("must be 0 (preemption off) or a number of milliseconds from 1 to " +
                             std::to_string(kPreemptMsLimit) + ", got " + quoted(text));
  }
  return Parsed<int>::ok(static_cast<int>(*n));
}

Parsed<std::size_t> parse_stack_size(std::string_view text) {
  auto fail = [&] {
    return Parsed<std::size_t>::fail("must be a size from 16K to 1G, such as 256K or 2M, got " +
                                     quoted(text));
  };
  std::string_view s = trim(text);
  std::int64_t unit = 1;
  if (!s.empty()) {
    switch (s.back()) {
      case 'k':
      case 'K':
        unit = std::int64_t{1} << 10;
        break;
      case 'm':
      case 'M':
        unit = std::int64_t{1} << 20;
        break;
      case 'g':
      case 'G':
        unit = std::int64_t{1} << 30;
        break;
      default:
        break;
    }
    if (unit != 1) s.remove_suffix(1);
  }
  auto n = parse_integer(s);
  if (!n || *n <= 0 || *n > static_cast<std::int64_t>(kMaxStackSize) / unit) return fail();
  auto bytes = static_cast<std::size_t>(*n * unit);
  if (bytes < kMinStackSize || bytes > kMaxStackSize) return fail();
  std::size_t page = page_size();
  return Parsed<std::size_t>::ok((bytes + page - 1) / page * page);
}

int cpu_count() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    int n = CPU_COUNT(&set);
    if (n > 0) return n;
  }
  long online = sysconf(_SC_NPROCESSORS_ONLN);
  return online > 0 ? static_cast<int>(online) : 1;
}

int effective_max_procs(int max_procs) { return max_procs > 0 ? max_procs : cpu_count(); }

}  // namespace goos
