// The Zend engine plugged into the runtime core (goos::Glue): an interpreter
// per M, engine state per goroutine, preemption through EG(vm_interrupt).
#ifndef GOOS_PHP_GLUE_H
#define GOOS_PHP_GLUE_H

#include "php.h"

#include <array>
#include <atomic>
#include <string>

#include "goos/config.h"
#include "goos/runtime.h"

namespace goos::php {

class PhpGlue final : public goos::Glue {
 public:
  void m_start(int m) override;
  void m_stop(int m) override;
  void g_switch_in(int m, goos::GoroutineInfo& g) override;
  void g_switch_out(int m, goos::GoroutineInfo& g) override;
  void g_finished(int m, goos::GoroutineInfo& g) override;
  void request_preempt(int m) override;
  void sysmon_tick() override;
  std::string g_describe(int m, goos::GoroutineInfo& g) override;

  // Makes every M's running goroutine reach its interrupt check.
  void interrupt_all();

 private:
  struct PerM {
    // The M's EG(vm_interrupt) while its interpreter lives. sysmon stores
    // into it under `users`, so m_stop can wait out a store in flight before
    // the interpreter's memory goes.
    std::atomic<zend_atomic_bool*> vm_interrupt{nullptr};
    std::atomic<int> users{0};
    int live = 0;  // goroutines started on this M and not finished (M's thread only)
  };
  std::array<PerM, goos::kMaxProcsLimit> ms_{};
};

}  // namespace goos::php

#endif  // GOOS_PHP_GLUE_H
