// Two goroutines of one thread waiting on one fd are two users of one
// connection at once: their reads and writes would interleave on the wire (a
// garbled protocol, or one goroutine reading the other's reply). Go would call
// it a data race; here the second waiter gets Goos\ConnectionBusyError at
// once, naming the resource, and the first goes on undisturbed.
//
// Only goroutines of one M can meet this way: a resource lives in one
// interpreter, and the persistent list (pconnect, PDO::ATTR_PERSISTENT,
// persistent streams) is per interpreter, so per M, shared by its goroutines.
#include <string>

#include "io/hook_support.h"
#include "io/io_misuse.h"
#include "php_network.h"
#include "zend_exceptions.h"

namespace goos::php {

zend_class_entry* connection_busy_error_ce = nullptr;

namespace {

// "stream resource #7 (tcp://127.0.0.1:6379)", or "fd 9" when no stream
// resource of this interpreter has it (ext/sockets objects, a C library's own).
std::string describe_fd(int fd) {
  zend_ulong id;
  zval* entry;
  const int le_stream = php_file_le_stream();
  const int le_pstream = php_file_le_pstream();
  ZEND_HASH_FOREACH_NUM_KEY_VAL(&EG(regular_list), id, entry) {
    zend_resource* res = Z_RES_P(entry);
    if (res->type != le_stream && res->type != le_pstream) continue;
    auto* stream = static_cast<php_stream*>(res->ptr);
    int stream_fd = -1;
    if (php_stream_cast(stream, PHP_STREAM_AS_FD_FOR_SELECT | PHP_STREAM_CAST_INTERNAL,
                        reinterpret_cast<void**>(&stream_fd), 0) != SUCCESS ||
        stream_fd != fd) {
      continue;
    }
    std::string out = std::string(res->type == le_pstream ? "persistent " : "") +
                      "stream resource #" + std::to_string(id);
    if (stream->orig_path != nullptr) out += std::string(" (") + stream->orig_path + ")";
    return out;
  }
  ZEND_HASH_FOREACH_END();
  return "fd " + std::to_string(fd);
}

}  // namespace
}  // namespace goos::php

namespace goos::io {

void throw_fd_conflict(const FdConflict& conflict) {
  const std::string what = goos::php::describe_fd(conflict.fd);
  zend_throw_exception_ex(
      goos::php::connection_busy_error_ce, 0,
      "%s is in use by goroutine %llu of the same thread: a connection serves one goroutine at a "
      "time (open one per goroutine, or let one goroutine own it and serve the others over a "
      "channel)",
      what.c_str(), static_cast<unsigned long long>(conflict.goroutine));
}

}  // namespace goos::io
