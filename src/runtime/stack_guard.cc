#include "stack_guard.h"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "scheduler.h"

namespace goos {
namespace {

constexpr std::size_t kSignalStackBytes = 64 * 1024;
struct sigaction g_previous;
bool g_installed = false;
thread_local void* tls_signal_stack = nullptr;

// Formats n in decimal into buf (async-signal-safe); returns the length.
std::size_t format_decimal(unsigned long long n, char* buf) {
  char tmp[24];
  std::size_t len = 0;
  do {
    tmp[len++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  for (std::size_t i = 0; i < len; ++i) buf[i] = tmp[len - 1 - i];
  return len;
}

void write_all(const char* s, std::size_t n) {
  while (n > 0) {
    ssize_t w = write(STDERR_FILENO, s, n);
    if (w <= 0) return;
    s += w;
    n -= static_cast<std::size_t>(w);
  }
}

// Async-signal-safe: reads this thread's P and G, writes, aborts.
void on_segv(int sig, siginfo_t* info, void* uctx) {
  P* p = current_p();
  G* g = p != nullptr ? p->current : nullptr;
  if (g != nullptr && g->stack.in_guard(info->si_addr)) {
    char msg[160];
    std::size_t n = 0;
    auto put = [&](const char* s) {
      std::size_t len = std::strlen(s);
      std::memcpy(msg + n, s, len);
      n += len;
    };
    put("fatal error: stack overflow in goroutine ");
    n += format_decimal(g->id, msg + n);
    put(": it needed more than its ");
    n += format_decimal(g->stack.size() / 1024, msg + n);
    put(" KiB stack (goos.stack_size)\n");
    write_all(msg, n);
    signal(SIGABRT, SIG_DFL);
    abort();
  }
  // Not ours: hand it to whoever had SIGSEGV before.
  if (g_previous.sa_flags & SA_SIGINFO) {
    if (g_previous.sa_sigaction != nullptr) {
      g_previous.sa_sigaction(sig, info, uctx);
      return;
    }
  } else if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN) {
    g_previous.sa_handler(sig);
    return;
  }
  // Default action: return and let the faulting instruction fault again.
  signal(SIGSEGV, SIG_DFL);
}

}  // namespace

void install_stack_guard_handler() {
  if (g_installed) return;
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_sigaction = on_segv;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  if (sigaction(SIGSEGV, &action, &g_previous) == 0) g_installed = true;
}

void uninstall_stack_guard_handler() {
  if (!g_installed) return;
  sigaction(SIGSEGV, &g_previous, nullptr);
  g_installed = false;
}

void enter_signal_stack() {
  void* mem = mmap(nullptr, kSignalStackBytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED) return;  // faults then crash plainly: nothing worse
  stack_t ss{};
  ss.ss_sp = mem;
  ss.ss_size = kSignalStackBytes;
  if (sigaltstack(&ss, nullptr) != 0) {
    munmap(mem, kSignalStackBytes);
    return;
  }
  tls_signal_stack = mem;
}

void leave_signal_stack() {
  if (tls_signal_stack == nullptr) return;
  stack_t ss{};
  ss.ss_flags = SS_DISABLE;
  sigaltstack(&ss, nullptr);
  munmap(tls_signal_stack, kSignalStackBytes);
  tls_signal_stack = nullptr;
}

}  // namespace goos
