// What every hook family shares: the originals, and the one question each hook
// asks first (is the caller a goroutine?).
#pragma once

#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <vector>

#include "goos/clock.h"
#include "goos/io.h"
#include "goos/runtime.h"
#include "io/elf_imports.h"

namespace goos::io {

// The functions the hooks replace, as the process's global scope resolves
// them (libc's, or an interposer's such as a sanitizer's): the hooks call
// these, never the names, which may be patched. One list makes both the
// members and their lookups (io_hooks.cc).
// clang-format off
#define GOOS_IO_ORIGINALS(X)                                                           \
  X(poll) X(ppoll) X(select) X(pselect)                                                \
  X(read) X(write) X(recv) X(recvfrom) X(recvmsg) X(send) X(sendto) X(sendmsg)         \
  X(accept) X(accept4) X(connect) X(close)                                             \
  X(getaddrinfo) X(getnameinfo) X(gethostbyname) X(gethostbyname2) X(gethostbyname_r) \
  X(gethostbyname2_r) X(gethostbyaddr) X(gethostbyaddr_r)                              \
  X(res_nsearch) X(res_nquery) X(res_search) X(res_query)                              \
  X(waitpid) X(wait4) X(pclose)
// clang-format on

struct Originals {
#define GOOS_IO_ORIGINAL_MEMBER(name) decltype(&::name) name;
  GOOS_IO_ORIGINALS(GOOS_IO_ORIGINAL_MEMBER)
#undef GOOS_IO_ORIGINAL_MEMBER
};
extern Originals real;

// True when the caller is a goroutine, the only case a hook acts in.
inline bool in_goroutine() { return this_goroutine::is_goroutine(); }

// poll's timeout (ms, negative: none) as a deadline.
inline Deadline deadline_after_ms(long long ms) {
  return ms < 0 ? kNoDeadline : Clock::now() + std::chrono::milliseconds(ms);
}

// Runs a blocking call on a helper thread while the goroutine parks
// (this_goroutine::offload) and hands back its result and its errno, which
// the helper's thread set.
template <typename Call>
auto offloaded(Call call) -> decltype(call()) {
  decltype(call()) result{};
  int err = 0;
  this_goroutine::offload([&] {
    result = call();
    err = errno;
  });
  errno = err;
  return result;
}

// Each family adds its hooks (symbol name, function) to the install list.
void add_poll_hooks(std::vector<ImportHook>& hooks);
void add_socket_hooks(std::vector<ImportHook>& hooks);
void add_resolver_hooks(std::vector<ImportHook>& hooks);
void add_process_hooks(std::vector<ImportHook>& hooks);

// wait_fds for a hook: a conflict (another goroutine of this thread waiting on
// one of the fds) becomes a PHP exception naming the resource (io_misuse.cc),
// and the call fails with EBUSY; it reads and writes nothing.
int hook_wait(pollfd* fds, unsigned long nfds, Deadline deadline);

// The glue's part of a conflict: throws in the calling goroutine's interpreter.
void throw_fd_conflict(const FdConflict& conflict);

}  // namespace goos::io
