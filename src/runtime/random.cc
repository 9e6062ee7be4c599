#include "goos/random.h"

#include <atomic>
#include <cassert>
#include <random>

namespace goos {
namespace {

constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15;

std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

// One random_device read per process; threads then take distinct seeds from it.
std::uint64_t next_thread_seed() {
  static std::atomic<std::uint64_t> source{[] {
    std::random_device device;
    return std::uint64_t{device()} << 32 | device();
  }()};
  return mix(source.fetch_add(kGolden, std::memory_order_relaxed));
}

thread_local std::uint64_t tls_state = next_thread_seed();

}  // namespace

std::uint64_t fast_rand() {
  tls_state += kGolden;
  return mix(tls_state);
}

std::uint32_t fast_rand_n(std::uint32_t n) {
  assert(n > 0);
  // Lemire's multiply-shift, with rejection of the few values that would bias it.
  std::uint64_t product = (fast_rand() >> 32) * n;
  auto low = static_cast<std::uint32_t>(product);
  if (low < n) {
    const std::uint32_t threshold = -n % n;
    while (low < threshold) {
      product = (fast_rand() >> 32) * n;
      low = static_cast<std::uint32_t>(product);
    }
  }
  return static_cast<std::uint32_t>(product >> 32);
}

void seed_fast_rand(std::uint64_t seed) { tls_state = seed; }

}  // namespace goos
