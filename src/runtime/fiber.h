// The machine-level switch between an M's scheduler stack and a goroutine's
// stack: boost.context's fcontext (make_fcontext / jump_fcontext), the layer
// under boost::context::fiber. goos uses it directly because it owns the stack
// memory (stack_pool.h), never unwinds a goroutine from outside (a goroutine
// always runs to its end), and wants no allocation on a switch.
//
// ThreadSanitizer must be told about every switch, or it mistakes the stacks of
// different goroutines for one; the annotations compile away without it.
#pragma once

#include <boost/context/detail/fcontext.hpp>

#include "goos/stack_pool.h"

#if defined(__SANITIZE_THREAD__)
#define GOOS_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define GOOS_TSAN 1
#endif
#endif

#ifdef GOOS_TSAN
extern "C" {
void* __tsan_get_current_fiber(void);
void* __tsan_create_fiber(unsigned flags);
void __tsan_destroy_fiber(void* fiber);
void __tsan_switch_to_fiber(void* fiber, unsigned flags);
}
#endif

namespace goos {

namespace ctx = boost::context::detail;

// One side of a switch: a saved machine context, plus TSan's name for it.
struct FiberContext {
  ctx::fcontext_t saved = nullptr;
#ifdef GOOS_TSAN
  void* tsan = nullptr;
#endif

  // This thread's own stack, as the scheduler's side of every switch.
  void adopt_current_thread() {
#ifdef GOOS_TSAN
    tsan = __tsan_get_current_fiber();
#endif
  }

  // A fresh context on `stack` that will call entry(transfer) when first
  // switched to. transfer.fctx is then the context that switched to it.
  void make(const Stack& stack, void (*entry)(ctx::transfer_t)) {
    saved = ctx::make_fcontext(stack.top, stack.size(), entry);
#ifdef GOOS_TSAN
    if (tsan == nullptr) tsan = __tsan_create_fiber(0);
#endif
  }

  void destroy() {
#ifdef GOOS_TSAN
    if (tsan != nullptr) __tsan_destroy_fiber(tsan);
    tsan = nullptr;
#endif
    saved = nullptr;
  }
};

// Switches from the running context to `to`, passing `data`. Returns when some
// context switches back; the caller stores result.fctx into whatever it came
// from (the side that switched back).
inline ctx::transfer_t switch_to(FiberContext& to, void* data) {
#ifdef GOOS_TSAN
  __tsan_switch_to_fiber(to.tsan, 0);
#endif
  return ctx::jump_fcontext(to.saved, data);
}

}  // namespace goos
