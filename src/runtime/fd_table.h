// The process's file-descriptor table, grown before the runtime's threads
// exist.
#ifndef GOOS_RUNTIME_FD_TABLE_H
#define GOOS_RUNTIME_FD_TABLE_H

namespace goos {

// Makes the kernel's fd table of this process hold at least `fds`
// descriptors (capped by RLIMIT_NOFILE), by duplicating an fd to the highest
// slot wanted and closing it again. Best effort: nothing changes on failure.
void reserve_fd_table(int fds);

}  // namespace goos

#endif  // GOOS_RUNTIME_FD_TABLE_H
