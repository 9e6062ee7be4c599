// Keeps the calling goroutine's OpenSSL error queue across a park
// (ssl_error_queue.cc): construct before parking, destroy after waking.
#pragma once

#include <vector>

namespace goos::io {

class SslErrorQueue {
 public:
  SslErrorQueue();   // takes the thread's entries (if any) into this object
  ~SslErrorQueue();  // the thread's queue becomes those entries again
  SslErrorQueue(const SslErrorQueue&) = delete;
  SslErrorQueue& operator=(const SslErrorQueue&) = delete;

 private:
  struct Entry;
  std::vector<Entry>* entries_ = nullptr;
};

}  // namespace goos::io
