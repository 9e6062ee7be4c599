#include "engine/php_glue.h"

#include <thread>

#include "code/code_load_guard.h"
#include "api/dump.h"
#include "engine/engine_state.h"
#include "engine/interp.h"
#include "api/php_runtime.h"

namespace goos::php {

void PhpGlue::m_start(int m) {
  ms_[static_cast<std::size_t>(m)].vm_interrupt.store(interp_start(m), std::memory_order_release);
}

void PhpGlue::m_stop(int m) {
  PerM& me = ms_[static_cast<std::size_t>(m)];
  me.vm_interrupt.store(nullptr, std::memory_order_seq_cst);
  while (me.users.load(std::memory_order_seq_cst) != 0) std::this_thread::yield();
  interp_stop(m, me.live > 0);
}

void PhpGlue::g_switch_in(int m, goos::GoroutineInfo& info) {
  auto* g = static_cast<GoroutineEngine*>(info.glue_data);
  if (g == nullptr) {
    // First run: the goroutine's engine state lives in this M's heap, as
    // everything it will ever touch does (it is pinned here now).
    g = static_cast<GoroutineEngine*>(ecalloc(1, sizeof(GoroutineEngine)));
    new (g) GoroutineEngine();
    g->id = info.id;
    info.glue_data = g;
    ms_[static_cast<std::size_t>(m)].live++;
    g->m_base.capture();
    engine_start(*g, info.stack_base, info.stack_top);
    g->state.restore();
    return;
  }
  g->m_base.capture();
  g->state.restore();
  // Classes it was linking when it last switched out get their names back.
  load_guard_switched_in(g->id);
}

void PhpGlue::g_switch_out(int /*m*/, goos::GoroutineInfo& info) {
  auto* g = static_cast<GoroutineEngine*>(info.glue_data);
  g->state.capture();
  g->m_base.restore();
  // Classes it is in the middle of linking are hidden from the others, and a
  // *_once include it was running may be over (code_load_guard.h).
  const HashTable* autoloading = g->state.in_autoload;
  load_guard_switched_out(g->id, g->state.current_execute_data,
                          autoloading != nullptr && zend_hash_num_elements(autoloading) != 0);
}

void PhpGlue::g_finished(int m, goos::GoroutineInfo& info) {
  auto* g = static_cast<GoroutineEngine*>(info.glue_data);
  if (g == nullptr) return;
  // Free the goroutine's VM stack and output stack with its set in place.
  g->m_base.capture();
  g->state.restore();
  engine_finish(*g);
  g->m_base.restore();
  const std::uint64_t id = g->id;
  g->~GoroutineEngine();
  efree(g);
  info.glue_data = nullptr;
  ms_[static_cast<std::size_t>(m)].live--;
  load_guard_finished(id);
}

void PhpGlue::request_preempt(int m) {
  // From sysmon: only an atomic store into the M's interpreter, which the VM
  // checks at loop back-edges and calls.
  PerM& target = ms_[static_cast<std::size_t>(m)];
  target.users.fetch_add(1, std::memory_order_seq_cst);
  if (zend_atomic_bool* flag = target.vm_interrupt.load(std::memory_order_seq_cst)) {
    zend_atomic_bool_store(flag, true);
  }
  target.users.fetch_sub(1, std::memory_order_seq_cst);
}

void PhpGlue::sysmon_tick() { origin_watch(); }

// The goroutine is parked or runnable on this M, whose interpreter holds its
// frames; its engine state is swapped in only to read them, and nothing runs.
std::string PhpGlue::g_describe(int /*m*/, goos::GoroutineInfo& info) {
  auto* g = static_cast<GoroutineEngine*>(info.glue_data);
  if (g == nullptr) return {};
  EngineState base;
  base.capture();
  g->state.restore();
  std::string text = current_backtrace(false);
  base.restore();
  return text;
}

void PhpGlue::interrupt_all() {
  for (std::size_t m = 0; m < ms_.size(); ++m) request_preempt(static_cast<int>(m));
}

}  // namespace goos::php
