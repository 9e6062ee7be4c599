// Whether preemption is safe with the opcache JIT configured in this process.
#ifndef GOOS_PHP_JIT_GUARD_H
#define GOOS_PHP_JIT_GUARD_H

namespace goos::php {

// True when opcache's JIT runs in function mode ("function", or a number whose
// trigger digit, the tens, is 0-3) and opcache is on for this SAPI. That JIT
// can lose the type of local variables when the VM is interrupted inside
// JIT-compiled code ("Undefined variable" afterwards): a php-src bug that
// pcntl's asynchronous signals hit as well (reproduced on 8.4.24 without
// goos; on 8.2.32 through preemption), and that preemption, interrupting
// every goos.preempt_ms, would hit all the time. Tracing mode ("on",
// "tracing", the usual setting) passes the same tests.
bool function_jit_breaks_interrupts();

}  // namespace goos::php

#endif  // GOOS_PHP_JIT_GUARD_H
