// read, write, recv*, send*, accept*, connect and close on fds in blocking
// mode: ext/sockets (socket_read, socket_accept, ...), the pipes of child
// processes (exec, popen, proc_open streams), and any C library doing plain
// blocking I/O. A goroutine waits for readiness on its M's poller, then makes
// the call, which then does not block. Non-blocking fds are the caller's own
// business and go straight through, as do calls outside goroutines.
//
// A blocking socket's SO_RCVTIMEO / SO_SNDTIMEO bound the wait as they bound
// the kernel's: at the deadline the call fails with EAGAIN (connect: with
// EINPROGRESS), as the kernel's would.
#include <fcntl.h>
#include <sys/socket.h>

#include <cerrno>
#include <optional>

#include "io/hook_support.h"

namespace goos::io {
namespace {

bool is_blocking(int fd) {
  const int flags = fcntl(fd, F_GETFL);
  return flags >= 0 && !(flags & O_NONBLOCK);
}

// The socket's timeout option as a deadline; none for non-sockets and 0.
Deadline socket_deadline(int fd, int option) {
  timeval tv{};
  socklen_t len = sizeof tv;
  const int saved = errno;
  if (getsockopt(fd, SOL_SOCKET, option, &tv, &len) != 0) {
    errno = saved;
    return kNoDeadline;
  }
  if (tv.tv_sec == 0 && tv.tv_usec == 0) return kNoDeadline;
  return Clock::now() + std::chrono::seconds(tv.tv_sec) + std::chrono::microseconds(tv.tv_usec);
}

// What a blocking call that moved `done` bytes before it failed returns: the
// count, or -1 (errno as the failure left it) when nothing moved.
ssize_t done_or_failed(size_t done) { return done > 0 ? static_cast<ssize_t>(done) : -1; }

// Parks until `fd` is ready for `events` or its socket timeout passes (read
// on the first wait of a call, so that later waits of the same call share
// it). 1: ready; 0: timed out (errno set as the kernel would); -1: failed.
int wait_ready(int fd, short events, int timeout_option, std::optional<Deadline>& deadline) {
  if (!deadline) deadline = socket_deadline(fd, timeout_option);
  pollfd p{fd, events, 0};
  const int n = hook_wait(&p, 1, *deadline);
  if (n == 0) errno = EAGAIN;
  return n;
}

// After a non-blocking try failed: true when the fd became ready and the
// call should try again; false when the failure stands (an error other than
// EAGAIN, EAGAIN on a non-blocking fd, the timeout), errno saying which.
bool wait_to_retry(int fd, short events, int timeout_option, std::optional<Deadline>& deadline) {
  const int err = errno;
  if (err != EAGAIN && err != EWOULDBLOCK) return false;
  if (!is_blocking(fd)) {
    errno = err;
    return false;
  }
  return wait_ready(fd, events, timeout_option, deadline) > 0;
}

// A read-side call on an fd that may be blocking: returns at once when data
// is there (or the fd is non-blocking), else parks first.
template <typename Call>
auto read_side(int fd, Call call) -> decltype(call()) {
  if (!in_goroutine() || !is_blocking(fd)) return call();
  pollfd p{fd, POLLIN, 0};
  if (real.poll(&p, 1, 0) != 0) return call();  // ready, or an error the call reports
  std::optional<Deadline> deadline;
  if (wait_ready(fd, POLLIN, SO_RCVTIMEO, deadline) <= 0) return -1;
  return call();
}

ssize_t hook_read(int fd, void* buf, size_t count) {
  return read_side(fd, [&] { return real.read(fd, buf, count); });
}

ssize_t hook_send(int fd, const void* buf, size_t len, int flags);

// A write to a blocking socket is a send with no flags (socket_write(), an
// SSL BIO): it goes the send way, in pieces as room comes. Anything else
// (a pipe, a terminal) waits for room, then writes.
ssize_t hook_write(int fd, const void* buf, size_t count) {
  if (!in_goroutine() || !is_blocking(fd)) return real.write(fd, buf, count);
  const int saved = errno;
  int type = 0;
  socklen_t type_len = sizeof type;
  if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &type_len) == 0)
    return hook_send(fd, buf, count, 0);
  errno = saved;
  pollfd p{fd, POLLOUT, 0};
  if (real.poll(&p, 1, 0) == 0) {
    std::optional<Deadline> deadline;
    if (wait_ready(fd, POLLOUT, SO_SNDTIMEO, deadline) <= 0) return -1;
  }
  return real.write(fd, buf, count);
}

// recv-like calls take MSG_DONTWAIT: try, and park only on EAGAIN of a
// blocking socket. MSG_WAITALL (gather the whole length) becomes a loop of
// non-blocking receives into the rest of the buffer, ending as the kernel's
// does: full, at the end of the stream, on an error, or at the timeout with
// what came (EAGAIN if nothing did). `call(offset, flags)` receives into the
// buffer from `offset`.
template <typename Call>
ssize_t recv_side(int fd, size_t len, int flags, Call call) {
  if (!in_goroutine() || (flags & MSG_DONTWAIT)) return call(0, flags);
  const bool all = flags & MSG_WAITALL;
  flags = (flags & ~MSG_WAITALL) | MSG_DONTWAIT;
  std::optional<Deadline> deadline;
  size_t got = 0;
  for (;;) {
    const ssize_t n = call(got, flags);
    if (n > 0 && all && got + static_cast<size_t>(n) < len) {
      got += static_cast<size_t>(n);
      continue;
    }
    if (n >= 0) return static_cast<ssize_t>(got + static_cast<size_t>(n));
    if (!wait_to_retry(fd, POLLIN, SO_RCVTIMEO, deadline)) return done_or_failed(got);
  }
}

ssize_t hook_recv(int fd, void* buf, size_t len, int flags) {
  return recv_side(fd, len, flags, [&](size_t off, int f) {
    return real.recv(fd, static_cast<char*>(buf) + off, len - off, f);
  });
}

ssize_t hook_recvfrom(int fd, void* buf, size_t len, int flags, sockaddr* from,
                      socklen_t* fromlen) {
  return recv_side(fd, len, flags, [&](size_t off, int f) {
    return real.recvfrom(fd, static_cast<char*>(buf) + off, len - off, f, from, fromlen);
  });
}

// recvmsg's iovecs are not split: MSG_WAITALL keeps the original call.
ssize_t hook_recvmsg(int fd, msghdr* msg, int flags) {
  if (flags & MSG_WAITALL) return real.recvmsg(fd, msg, flags);
  return recv_side(fd, 0, flags, [&](size_t, int f) { return real.recvmsg(fd, msg, f); });
}

// A blocking send returns once every byte is queued (stream sockets) or the
// timeout passed; sent in pieces as room comes, parking in between.
template <typename Call>
ssize_t send_side(int fd, size_t len, int flags, Call call) {
  if (!in_goroutine() || (flags & MSG_DONTWAIT)) return call(0, flags);
  std::optional<Deadline> deadline;
  size_t sent = 0;
  for (;;) {
    const ssize_t n = call(sent, flags | MSG_DONTWAIT);
    if (n >= 0) {
      sent += static_cast<size_t>(n);
      if (sent >= len) return static_cast<ssize_t>(sent);
      continue;
    }
    if (!wait_to_retry(fd, POLLOUT, SO_SNDTIMEO, deadline)) return done_or_failed(sent);
  }
}

ssize_t hook_send(int fd, const void* buf, size_t len, int flags) {
  return send_side(fd, len, flags, [&](size_t off, int f) {
    return real.send(fd, static_cast<const char*>(buf) + off, len - off, f);
  });
}

ssize_t hook_sendto(int fd, const void* buf, size_t len, int flags, const sockaddr* to,
                    socklen_t tolen) {
  return send_side(fd, len, flags, [&](size_t off, int f) {
    return real.sendto(fd, static_cast<const char*>(buf) + off, len - off, f, to, tolen);
  });
}

// sendmsg's iovecs are not split: a partial send returns its count, as a
// blocking sendmsg interrupted by a signal would.
ssize_t hook_sendmsg(int fd, const msghdr* msg, int flags) {
  return send_side(fd, 0, flags, [&](size_t, int f) { return real.sendmsg(fd, msg, f); });
}

int hook_accept(int fd, sockaddr* addr, socklen_t* len) {
  return read_side(fd, [&] { return real.accept(fd, addr, len); });
}

int hook_accept4(int fd, sockaddr* addr, socklen_t* len, int flags) {
  return read_side(fd, [&] { return real.accept4(fd, addr, len, flags); });
}

// A blocking connect becomes a non-blocking one plus a wait for writability,
// as PHP's own network.c does it; the fd's flags are restored either way.
int hook_connect(int fd, const sockaddr* addr, socklen_t len) {
  if (!in_goroutine()) return real.connect(fd, addr, len);
  const int flags = fcntl(fd, F_GETFL);
  if (flags < 0 || (flags & O_NONBLOCK)) return real.connect(fd, addr, len);
  if (fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) return real.connect(fd, addr, len);
  int result = real.connect(fd, addr, len);
  int err = errno;
  // A unix socket whose listener's backlog is full says EAGAIN where a
  // blocking connect would wait for room: no event announces the room, so
  // retry every millisecond until the socket's send timeout.
  if (result != 0 && err == EAGAIN && addr->sa_family == AF_UNIX) {
    const Deadline until = socket_deadline(fd, SO_SNDTIMEO);
    while (result != 0 && err == EAGAIN && Clock::now() < until) {
      this_goroutine::sleep_for(std::chrono::milliseconds(1));
      result = real.connect(fd, addr, len);
      err = errno;
    }
  }
  if (result != 0 && err == EINPROGRESS) {
    std::optional<Deadline> deadline;
    const int n = wait_ready(fd, POLLOUT, SO_SNDTIMEO, deadline);
    err = errno;
    if (n == 0) {
      err = EINPROGRESS;  // what a blocking connect reports when SO_SNDTIMEO passes
    } else if (n > 0) {
      int so_error = 0;
      socklen_t so_len = sizeof so_error;
      getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &so_len);
      result = so_error == 0 ? 0 : -1;
      err = so_error;
    }
  }
  fcntl(fd, F_SETFL, flags);
  if (result != 0) errno = err;
  return result;
}

// Goroutines parked on the fd wake first (and see POLLNVAL): epoll forgets a
// closed fd without a word. Any thread: a close from the script's thread
// concerns the goroutines too.
int hook_close(int fd) {
  close_fd_waits(fd);
  return real.close(fd);
}

}  // namespace

void add_socket_hooks(std::vector<ImportHook>& hooks) {
  hooks.push_back({"read", reinterpret_cast<void*>(&hook_read)});
  hooks.push_back({"write", reinterpret_cast<void*>(&hook_write)});
  hooks.push_back({"recv", reinterpret_cast<void*>(&hook_recv)});
  hooks.push_back({"recvfrom", reinterpret_cast<void*>(&hook_recvfrom)});
  hooks.push_back({"recvmsg", reinterpret_cast<void*>(&hook_recvmsg)});
  hooks.push_back({"send", reinterpret_cast<void*>(&hook_send)});
  hooks.push_back({"sendto", reinterpret_cast<void*>(&hook_sendto)});
  hooks.push_back({"sendmsg", reinterpret_cast<void*>(&hook_sendmsg)});
  hooks.push_back({"accept", reinterpret_cast<void*>(&hook_accept)});
  hooks.push_back({"accept4", reinterpret_cast<void*>(&hook_accept4)});
  hooks.push_back({"connect", reinterpret_cast<void*>(&hook_connect)});
  hooks.push_back({"close", reinterpret_cast<void*>(&hook_close)});
}

}  // namespace goos::io
