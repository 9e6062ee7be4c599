// What a goroutine runs: a move-only callable stored inline when it is small
// (no allocation per go() for the common closure), on the heap otherwise.
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace goos {

class Task {
 public:
  static constexpr std::size_t kInlineBytes = 48;

  Task() = default;

  template <typename F, typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, Task>>>
  Task(F&& f) {  // NOLINT(google-explicit-constructor): a Task is made from any callable
    using Fn = std::decay_t<F>;
    if constexpr (sizeof(Fn) <= kInlineBytes && alignof(Fn) <= alignof(std::max_align_t) &&
                  std::is_nothrow_move_constructible_v<Fn>) {
      new (storage_) Fn(std::forward<F>(f));
      ops_ = &kInlineOps<Fn>;
    } else {
      *reinterpret_cast<Fn**>(storage_) = new Fn(std::forward<F>(f));
      ops_ = &kHeapOps<Fn>;
    }
  }

  Task(Task&& other) noexcept : ops_(other.ops_) {
    if (ops_ != nullptr) ops_->move(storage_, other.storage_);
    other.ops_ = nullptr;
  }

  Task& operator=(Task&& other) noexcept {
    if (this != &other) {
      reset();
      ops_ = other.ops_;
      if (ops_ != nullptr) ops_->move(storage_, other.storage_);
      other.ops_ = nullptr;
    }
    return *this;
  }

  ~Task() { reset(); }

  explicit operator bool() const { return ops_ != nullptr; }

  // Precondition: holds a callable.
  void operator()() { ops_->call(storage_); }

  void reset() {
    if (ops_ != nullptr) ops_->destroy(storage_);
    ops_ = nullptr;
  }

 private:
  struct Ops {
    void (*call)(void*);
    void (*move)(void* dst, void* src);  // leaves src destroyed
    void (*destroy)(void*);
  };

  template <typename Fn>
  static constexpr Ops kInlineOps = {[](void* s) { (*static_cast<Fn*>(s))(); },
                                     [](void* d, void* s) {
                                       new (d) Fn(std::move(*static_cast<Fn*>(s)));
                                       static_cast<Fn*>(s)->~Fn();
                                     },
                                     [](void* s) { static_cast<Fn*>(s)->~Fn(); }};

  template <typename Fn>
  static constexpr Ops kHeapOps = {
      [](void* s) { (**static_cast<Fn**>(s))(); },
      [](void* d, void* s) { *static_cast<Fn**>(d) = *static_cast<Fn**>(s); },
      [](void* s) { delete *static_cast<Fn**>(s); }};

  alignas(std::max_align_t) unsigned char storage_[kInlineBytes];
  const Ops* ops_ = nullptr;
};

}  // namespace goos
