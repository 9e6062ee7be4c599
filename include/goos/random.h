// A fast per-thread pseudo-random generator (splitmix64) for choices that must be
// unbiased but need not be unpredictable, such as select's poll order. Not for
// secrets. Each thread starts from its own seed.
#pragma once

#include <cstdint>

namespace goos {

std::uint64_t fast_rand();

// Uniform in [0, n). Precondition: n > 0.
std::uint32_t fast_rand_n(std::uint32_t n);

// Restarts this thread's generator from `seed`: makes a statistical test
// reproducible.
void seed_fast_rand(std::uint64_t seed);

}  // namespace goos
