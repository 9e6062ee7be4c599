// pcntl_fork() in a goroutine: refused.
#ifndef GOOS_PHP_FORK_HOOKS_H
#define GOOS_PHP_FORK_HOOKS_H

namespace goos::php {

void fork_hooks_minit();

void fork_hooks_mshutdown();

}  // namespace goos::php

#endif  // GOOS_PHP_FORK_HOOKS_H
