// OpenSSL's error queue is per thread, and the goroutines of an M share the
// thread. A goroutine that parks inside a TLS call (xp_ssl waits in poll
// between SSL_read attempts, mysqlnd's and phpredis's TLS too) must find the
// queue as it left it: other goroutines' TLS calls meanwhile push and clear
// entries of their own. So a park saves the entries the thread has (usually
// none: one peek) and, on wake, replaces whatever the queue then holds with
// them.
//
// libcrypto is not linked into goos: its functions are looked up once, and
// when it is not loaded (or is older than 3.0) there is nothing to keep.
#include <dlfcn.h>

#include <string>
#include <vector>

#include "io/ssl_error_queue.h"

namespace goos::io {
namespace {

struct Api {
  unsigned long (*peek_error)();
  unsigned long (*get_error_all)(const char**, int*, const char**, const char**, int*);
  void (*clear_error)();
  void (*err_new)();
  void (*set_debug)(const char*, int, const char*);
  void (*set_error)(int, int, const char*, ...);
};

const Api* api() {
  static const Api* resolved = []() -> const Api* {
    static Api a{};
    a.peek_error = reinterpret_cast<decltype(a.peek_error)>(dlsym(RTLD_DEFAULT, "ERR_peek_error"));
    a.get_error_all =
        reinterpret_cast<decltype(a.get_error_all)>(dlsym(RTLD_DEFAULT, "ERR_get_error_all"));
    a.clear_error =
        reinterpret_cast<decltype(a.clear_error)>(dlsym(RTLD_DEFAULT, "ERR_clear_error"));
    a.err_new = reinterpret_cast<decltype(a.err_new)>(dlsym(RTLD_DEFAULT, "ERR_new"));
    a.set_debug = reinterpret_cast<decltype(a.set_debug)>(dlsym(RTLD_DEFAULT, "ERR_set_debug"));
    a.set_error = reinterpret_cast<decltype(a.set_error)>(dlsym(RTLD_DEFAULT, "ERR_set_error"));
    const bool complete =
        a.peek_error && a.get_error_all && a.clear_error && a.err_new && a.set_debug && a.set_error;
    return complete ? &a : nullptr;
  }();
  return resolved;
}

// OpenSSL 3's packed error code (openssl/err.h): library in bits 23..30,
// reason in 0..22; a system error is the top bit plus errno.
constexpr unsigned long kLibShift = 23;
constexpr unsigned long kLibMask = 0xFF;
constexpr unsigned long kReasonMask = 0x7FFFFF;
constexpr unsigned long kSystemFlag = 0x80000000UL;
constexpr unsigned long kSystemMask = 0x7FFFFFFFUL;
constexpr int kLibSys = 2;

}  // namespace

struct SslErrorQueue::Entry {
  unsigned long code;
  std::string file, func, data;
  int line;
  bool has_data;
};

SslErrorQueue::SslErrorQueue() {
  const Api* a = api();
  if (a == nullptr || a->peek_error() == 0) return;
  entries_ = new std::vector<Entry>;
  const char *file, *func, *data;
  int line, flags;
  while (unsigned long code = a->get_error_all(&file, &line, &func, &data, &flags)) {
    const bool has_data = data != nullptr && (flags & 0x02);  // ERR_TXT_STRING
    entries_->push_back(
        {code, file ? file : "", func ? func : "", has_data ? data : "", line, has_data});
  }
}

SslErrorQueue::~SslErrorQueue() {
  const Api* a = api();
  if (a == nullptr) return;
  // Whatever other goroutines left on the thread is theirs, not ours.
  if (a->peek_error() != 0) a->clear_error();
  if (entries_ == nullptr) return;
  for (const Entry& e : *entries_) {
    a->err_new();
    a->set_debug(e.file.c_str(), e.line, e.func.c_str());
    // A system error (errno) is flagged in the top bit, its reason below.
    const bool system = e.code & kSystemFlag;
    const int lib = system ? kLibSys : static_cast<int>((e.code >> kLibShift) & kLibMask);
    const int reason = static_cast<int>(system ? e.code & kSystemMask : e.code & kReasonMask);
    if (e.has_data) {
      a->set_error(lib, reason, "%s", e.data.c_str());
    } else {
      a->set_error(lib, reason, nullptr);
    }
  }
  delete entries_;
}

}  // namespace goos::io
