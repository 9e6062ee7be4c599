// Name lookups: getaddrinfo (every connect to a host name), getnameinfo, the
// gethostby* family (gethostbyname(), gethostbynamel(), gethostbyaddr()) and
// the resolver's queries (res_nsearch: dns_get_record(), checkdnsrr(),
// getmxrr()).
// They wait inside libc, on sockets of its own that no hook sees, so a
// goroutine's lookup runs whole on a helper thread (offload) while it parks.
// Answers and errors (the return value, errno, h_errno) are the call's own,
// handed back to the goroutine's thread.
#include <arpa/inet.h>
#include <netdb.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "io/hook_support.h"

namespace goos::io {
namespace {

// An address in numbers (PHP resolves "127.0.0.1" too, on every connect and
// listen) needs no name service: answered in place, without a helper.
bool numeric_host(const char* node) {
  if (node == nullptr) return true;
  unsigned char addr[sizeof(in6_addr)];
  return inet_pton(AF_INET, node, addr) == 1 || inet_pton(AF_INET6, node, addr) == 1;
}

int hook_getaddrinfo(const char* node, const char* service, const addrinfo* hints, addrinfo** res) {
  if (!in_goroutine() || numeric_host(node)) return real.getaddrinfo(node, service, hints, res);
  return offloaded([&] { return real.getaddrinfo(node, service, hints, res); });
}

int hook_getnameinfo(const sockaddr* addr, socklen_t addrlen, char* host, socklen_t hostlen,
                     char* serv, socklen_t servlen, int flags) {
  if (!in_goroutine()) return real.getnameinfo(addr, addrlen, host, hostlen, serv, servlen, flags);
  return offloaded(
      [&] { return real.getnameinfo(addr, addrlen, host, hostlen, serv, servlen, flags); });
}

// The caller's result storage may be a thread's global (PHP's
// FG(tmp_host_info) and FG(tmp_host_buf) on ZTS) that other goroutines of the
// M use while this one is parked, so the helper fills storage of this call's
// own, and the answer is copied into the caller's, its pointers moved along,
// once the goroutine runs again.
template <typename Call>
int lookup_into(hostent* ret, char* buf, size_t buflen, hostent** result, int* h_errnop,
                Call call) {
  hostent mine{};
  std::vector<char> space(buflen);
  hostent* found = nullptr;
  int herr = 0;
  const int rc = offloaded([&] { return call(&mine, space.data(), buflen, &found, &herr); });
  if (h_errnop != nullptr) *h_errnop = herr;
  *result = nullptr;
  if (rc != 0 || found == nullptr) return rc;
  std::memcpy(buf, space.data(), buflen);
  char* const from = space.data();
  auto moved = [&](char* p) -> char* {
    return p >= from && p < from + buflen ? buf + (p - from) : p;
  };
  auto moved_list = [&](char** list) -> char** {
    auto** out = reinterpret_cast<char**>(moved(reinterpret_cast<char*>(list)));
    for (char** entry = out; entry != nullptr && *entry != nullptr; ++entry) *entry = moved(*entry);
    return out;
  };
  ret->h_name = moved(mine.h_name);
  ret->h_aliases = moved_list(mine.h_aliases);
  ret->h_addrtype = mine.h_addrtype;
  ret->h_length = mine.h_length;
  ret->h_addr_list = moved_list(mine.h_addr_list);
  *result = ret;
  return rc;
}

int hook_gethostbyname_r(const char* name, hostent* ret, char* buf, size_t buflen, hostent** result,
                         int* h_errnop) {
  if (!in_goroutine()) return real.gethostbyname_r(name, ret, buf, buflen, result, h_errnop);
  return lookup_into(ret, buf, buflen, result, h_errnop,
                     [&](hostent* r, char* b, size_t n, hostent** out, int* herr) {
                       return real.gethostbyname_r(name, r, b, n, out, herr);
                     });
}

int hook_gethostbyname2_r(const char* name, int af, hostent* ret, char* buf, size_t buflen,
                          hostent** result, int* h_errnop) {
  if (!in_goroutine()) return real.gethostbyname2_r(name, af, ret, buf, buflen, result, h_errnop);
  return lookup_into(ret, buf, buflen, result, h_errnop,
                     [&](hostent* r, char* b, size_t n, hostent** out, int* herr) {
                       return real.gethostbyname2_r(name, af, r, b, n, out, herr);
                     });
}

int hook_gethostbyaddr_r(const void* addr, socklen_t len, int type, hostent* ret, char* buf,
                         size_t buflen, hostent** result, int* h_errnop) {
  if (!in_goroutine()) {
    return real.gethostbyaddr_r(addr, len, type, ret, buf, buflen, result, h_errnop);
  }
  return lookup_into(ret, buf, buflen, result, h_errnop,
                     [&](hostent* r, char* b, size_t n, hostent** out, int* herr) {
                       return real.gethostbyaddr_r(addr, len, type, r, b, n, out, herr);
                     });
}

// The non-reentrant calls return static storage: here one per thread (an M's
// goroutines use it one at a time: the caller reads it before it can switch),
// filled by the reentrant call on the helper.
struct StaticHost {
  hostent entry{};
  // Fixed: another goroutine's lookup must never move it while one parks.
  char buffer[64 * 1024];
};

template <typename Call>
hostent* static_lookup(Call call) {
  thread_local StaticHost storage;
  hostent* result = nullptr;
  int herr = 0;
  lookup_into(&storage.entry, storage.buffer, sizeof storage.buffer, &result, &herr, call);
  if (result == nullptr) h_errno = herr;
  return result;
}

hostent* hook_gethostbyname(const char* name) {
  if (!in_goroutine()) return real.gethostbyname(name);
  return static_lookup([&](hostent* ret, char* buf, size_t len, hostent** result, int* herr) {
    return real.gethostbyname_r(name, ret, buf, len, result, herr);
  });
}

hostent* hook_gethostbyname2(const char* name, int af) {
  if (!in_goroutine()) return real.gethostbyname2(name, af);
  return static_lookup([&](hostent* ret, char* buf, size_t len, hostent** result, int* herr) {
    return real.gethostbyname2_r(name, af, ret, buf, len, result, herr);
  });
}

hostent* hook_gethostbyaddr(const void* addr, socklen_t addrlen, int type) {
  if (!in_goroutine()) return real.gethostbyaddr(addr, addrlen, type);
  return static_lookup([&](hostent* ret, char* buf, size_t len, hostent** result, int* herr) {
    return real.gethostbyaddr_r(addr, addrlen, type, ret, buf, len, result, herr);
  });
}

// res_nsearch and res_nquery carry their state (and its res_h_errno, which
// PHP reads) in the caller's res_state; the state-less forms use the thread's
// _res, so the helper's is used and its h_errno is carried back.
int hook_res_nsearch(res_state state, const char* name, int cls, int type, unsigned char* answer,
                     int anslen) {
  if (!in_goroutine()) return real.res_nsearch(state, name, cls, type, answer, anslen);
  return offloaded([&] { return real.res_nsearch(state, name, cls, type, answer, anslen); });
}

int hook_res_nquery(res_state state, const char* name, int cls, int type, unsigned char* answer,
                    int anslen) {
  if (!in_goroutine()) return real.res_nquery(state, name, cls, type, answer, anslen);
  return offloaded([&] { return real.res_nquery(state, name, cls, type, answer, anslen); });
}

template <typename Call>
int offload_with_h_errno(Call call) {
  int herr = 0;
  const int result = offloaded([&] {
    const int r = call();
    herr = h_errno;
    return r;
  });
  h_errno = herr;
  return result;
}

int hook_res_search(const char* name, int cls, int type, unsigned char* answer, int anslen) {
  if (!in_goroutine()) return real.res_search(name, cls, type, answer, anslen);
  return offload_with_h_errno([&] { return real.res_search(name, cls, type, answer, anslen); });
}

int hook_res_query(const char* name, int cls, int type, unsigned char* answer, int anslen) {
  if (!in_goroutine()) return real.res_query(name, cls, type, answer, anslen);
  return offload_with_h_errno([&] { return real.res_query(name, cls, type, answer, anslen); });
}

}  // namespace

void add_resolver_hooks(std::vector<ImportHook>& hooks) {
  hooks.push_back({"getaddrinfo", reinterpret_cast<void*>(&hook_getaddrinfo)});
  hooks.push_back({"getnameinfo", reinterpret_cast<void*>(&hook_getnameinfo)});
  hooks.push_back({"gethostbyname", reinterpret_cast<void*>(&hook_gethostbyname)});
  hooks.push_back({"gethostbyname2", reinterpret_cast<void*>(&hook_gethostbyname2)});
  hooks.push_back({"gethostbyname_r", reinterpret_cast<void*>(&hook_gethostbyname_r)});
  hooks.push_back({"gethostbyname2_r", reinterpret_cast<void*>(&hook_gethostbyname2_r)});
  hooks.push_back({"gethostbyaddr", reinterpret_cast<void*>(&hook_gethostbyaddr)});
  hooks.push_back({"gethostbyaddr_r", reinterpret_cast<void*>(&hook_gethostbyaddr_r)});
  hooks.push_back({"res_nsearch", reinterpret_cast<void*>(&hook_res_nsearch)});
  hooks.push_back({"__res_nsearch", reinterpret_cast<void*>(&hook_res_nsearch)});
  hooks.push_back({"res_nquery", reinterpret_cast<void*>(&hook_res_nquery)});
  hooks.push_back({"__res_nquery", reinterpret_cast<void*>(&hook_res_nquery)});
  hooks.push_back({"res_search", reinterpret_cast<void*>(&hook_res_search)});
  hooks.push_back({"__res_search", reinterpret_cast<void*>(&hook_res_search)});
  hooks.push_back({"res_query", reinterpret_cast<void*>(&hook_res_query)});
  hooks.push_back({"__res_query", reinterpret_cast<void*>(&hook_res_query)});
}

}  // namespace goos::io
