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

#include <cstdio>
#include <vector>

#include "goos/clock.h"
#include "goos/io.h"
#include "goos/runtime.h"
#include "io/elf_imports.h"

namespace goos::io {

// The functions the hooks replace, as the process's global scope resolves
// them (libc's, or an interposer's such as a sanitizer's): the hooks call
// these, never the names, which may be patched.
struct Originals {
  decltype(&::poll) poll;
  decltype(&::ppoll) ppoll;
  decltype(&::select) select;
  decltype(&::pselect) pselect;
  decltype(&::read) read;
  decltype(&::write) write;
  decltype(&::recv) recv;
  decltype(&::recvfrom) recvfrom;
  decltype(&::recvmsg) recvmsg;
  decltype(&::send) send;
  decltype(&::sendto) sendto;
  decltype(&::sendmsg) sendmsg;
  decltype(&::accept) accept;
  decltype(&::accept4) accept4;
  decltype(&::connect) connect;
  decltype(&::close) close;
  decltype(&::getaddrinfo) getaddrinfo;
  decltype(&::getnameinfo) getnameinfo;
  decltype(&::gethostbyname) gethostbyname;
  decltype(&::gethostbyname2) gethostbyname2;
  decltype(&::gethostbyname_r) gethostbyname_r;
  decltype(&::gethostbyname2_r) gethostbyname2_r;
  decltype(&::gethostbyaddr) gethostbyaddr;
  decltype(&::gethostbyaddr_r) gethostbyaddr_r;
  int (*res_nsearch)(res_state, const char*, int, int, unsigned char*, int);
  int (*res_nquery)(res_state, const char*, int, int, unsigned char*, int);
  int (*res_search)(const char*, int, int, unsigned char*, int);
  int (*res_query)(const char*, int, int, unsigned char*, int);
  decltype(&::waitpid) waitpid;
  decltype(&::wait4) wait4;
  decltype(&::pclose) pclose;
};
extern Originals real;

// True when the caller is a goroutine, the only case a hook acts in.
inline bool in_goroutine() { return this_goroutine::is_goroutine(); }

// poll's timeout (ms, negative: none) as a deadline.
inline Deadline deadline_after_ms(long long ms) {
  return ms < 0 ? kNoDeadline : Clock::now() + std::chrono::milliseconds(ms);
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
