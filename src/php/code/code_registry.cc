// The code registry: what every interpreter that called go() has loaded, as
// one append-only list of events (code_internal.h). Process-wide and plain
// C++ memory (never emalloc: it outlives every request that adds to it).
//
// Invariants:
//  - events_[i] is event number base_ + i + 1; the epoch is base_ + size.
//  - An event is immutable once appended (its Cargo is only read), and lives
//    until reset(), so readers use it without the lock.
//  - (kind, name) is unique among non-autoloader events: the first publisher
//    wins (two interpreters defining one constant differently: the first).
//  - Epochs never go back, across resets too, so a stale epoch from before a
//    reset is simply "already synced".
#include "code/code_internal.h"

#include <atomic>
#include <unordered_set>

namespace goos::php::code {
namespace {

struct State {
  mutable std::mutex lock;
  std::vector<std::unique_ptr<Event>> events;  // guarded by lock
  std::unordered_set<std::string> seen;        // kind byte + name; guarded by lock
  std::uint64_t base = 0;                      // guarded by lock
  std::atomic<std::uint64_t> epoch{0};         // written under lock
  std::atomic<std::uint64_t> generation{1};    // written under lock
};

State& state() {
  static State* s = new State;  // never destroyed: threads may outlive static destructors
  return *s;
}

std::string seen_key(EventKind kind, const std::string& name) {
  std::string key(1, static_cast<char>(kind));
  key += name;
  return key;
}

}  // namespace

std::uint64_t Registry::epoch() const { return state().epoch.load(std::memory_order_acquire); }

std::uint64_t Registry::generation() const {
  return state().generation.load(std::memory_order_acquire);
}

std::uint64_t Registry::append(std::vector<std::unique_ptr<Event>> batch) {
  State& s = state();
  std::lock_guard guard(s.lock);
  for (auto& event : batch) {
    if (event->kind != EventKind::kAutoloader &&
        !s.seen.insert(seen_key(event->kind, event->name)).second) {
      continue;
    }
    s.events.push_back(std::move(event));
  }
  const std::uint64_t epoch = s.base + s.events.size();
  s.epoch.store(epoch, std::memory_order_release);
  return epoch;
}

bool Registry::contains(EventKind kind, const std::string& name) const {
  State& s = state();
  std::lock_guard guard(s.lock);
  return s.seen.count(seen_key(kind, name)) != 0;
}

void Registry::events(std::uint64_t from, std::uint64_t to, std::vector<Event*>* out) const {
  State& s = state();
  std::lock_guard guard(s.lock);
  if (from < s.base) from = s.base;
  to = std::min<std::uint64_t>(to, s.base + s.events.size());
  for (std::uint64_t n = from; n < to; ++n) out->push_back(s.events[n - s.base].get());
}

void Registry::reset() {
  State& s = state();
  std::lock_guard guard(s.lock);
  s.base += s.events.size();
  s.events.clear();
  s.seen.clear();
  s.generation.fetch_add(1, std::memory_order_release);
}

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace goos::php::code

namespace goos::php {

void code_reset() { code::registry().reset(); }

}  // namespace goos::php
