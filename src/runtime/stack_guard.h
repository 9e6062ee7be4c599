// Turns a fault in a goroutine's guard page into "fatal error: stack overflow in
// goroutine N" instead of a bare segmentation fault. The SIGSEGV handler runs on
// a per-M alternate signal stack (the goroutine's own stack is exhausted) and
// chains to the handler that was installed before it for every other fault.
#pragma once

namespace goos {

// Process-wide, around a Runtime's life. Not thread-safe: the Runtime calls them.
void install_stack_guard_handler();
void uninstall_stack_guard_handler();

// On each M thread, at its start and end: its alternate signal stack.
void enter_signal_stack();
void leave_signal_stack();

}  // namespace goos
